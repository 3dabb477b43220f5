/// `iam.unknown-condition-key`: a condition key that is neither a global `aws:` key nor a key of the services
/// whose actions the statement names. A condition on a key the request never carries does not match
/// (or, negated, always matches), so a typo silently changes what the policy grants.
struct IAMUnknownConditionKeyRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.unknown-condition-key", defaultSeverity: .warning,
        summary: "A condition key is not a global key or a key of the statement's services.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        let catalog = context.catalog
        for statement in policy.statements {
            guard let operators = statement.condition?.members else { continue }
            let (services, anyService) = Self.services(of: statement, catalog: catalog)
            for operatorMember in operators {
                for key in operatorMember.value.members ?? [] {
                    if catalog.globalConditionKey(key.key) != nil { continue }
                    if services.contains(where: { $0.conditionKey(key.key) != nil }) { continue }
                    let keyService = key.key.split(separator: ":", maxSplits: 1).first.map(String.init)
                    if anyService, let keyService, catalog.service(keyService)?.conditionKey(key.key) != nil { continue }
                    // Without a known action there is nothing to judge a service key by.
                    if services.isEmpty && !anyService && keyService?.lowercased() != "aws" { continue }
                    let candidates = catalog.globalConditionKeys.map(\.name) + services.flatMap { $0.conditionKeys.map(\.name) }
                    let names = services.map(\.prefix).joined(separator: ", ")
                    let whose = names.isEmpty ? "" : " nor a condition key of \(names), the service\(services.count == 1 ? "" : "s") of this statement's actions"
                    report.add(Self.descriptor, at: key.keyPosition,
                               "'\(key.key)' is neither a global aws: condition key\(whose); a condition on a key the request does not carry never matches",
                               suggestion: NearMiss.closest(to: key.key, among: Set(candidates).sorted()).map { "did you mean '\($0)'?" })
                }
            }
        }
    }

    /// The catalog services of the statement's actions; `anyService` when an entry's service is a wildcard.
    static func services(of statement: IAMStatement, catalog: IAMCatalog) -> ([IAMService], anyService: Bool) {
        var services: [IAMService] = []
        var seen: Set<String> = []
        var anyService = false
        for entry in statement.actionEntries {
            guard let (service, _) = IAMRuleSupport.splitAction(entry.text) else {
                if entry.text == "*" { anyService = true }
                continue
            }
            if IAMRuleSupport.hasWildcard(service) {
                anyService = true
                continue
            }
            if seen.insert(service.lowercased()).inserted, let found = catalog.service(service) {
                services.append(found)
            }
        }
        return (services, anyService)
    }
}
