/// `iam.wildcard-matches-nothing`: a wildcard action (`ecr:Descibe*`) that matches no action of the catalog
/// grants nothing, which is never what a sample means. Applies to every sample that states actions.
struct IAMWildcardMatchesNothingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.wildcard-matches-nothing", defaultSeverity: .error,
        summary: "A wildcard action matches no action.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        let entries = sample.actionEntries
        guard !entries.isEmpty else { return }
        let catalog = context.catalog
        var found = 0
        var matchesSomething: [String: Bool] = [:]
        for entry in entries where entry.hasWildcard && entry.text != "*" {
            guard found < IAMRuleSupport.findingLimit, matchesSomething.count < IAMRuleSupport.expansionLimit else { return }
            guard let name = entry.name else { continue }
            let service = String(name.service), action = String(name.action)
            let key = entry.folded
            if matchesSomething[key] == true { continue }
            if IAMRuleSupport.hasWildcard(service) {
                let matches = !catalog.servicePrefixes(matching: service).isEmpty && !catalog.actions(matching: entry.text).isEmpty
                matchesSomething[key] = matches
                guard !matches else { continue }
                found += 1
                let why = catalog.servicePrefixes(matching: service).isEmpty
                    ? "no AWS service prefix matches '\(service)'"
                    : "no action of the services matching '\(service)' matches '\(action)'"
                report.add(Self.descriptor, at: entry.position, "'\(entry.text)' matches no action: \(why); check the spelling")
                continue
            }
            // An unknown literal service is iam.unknown-service's finding.
            guard let known = catalog.service(service) else { continue }
            let matches = !known.actions(matching: action).isEmpty
            matchesSomething[key] = matches
            guard !matches else { continue }
            found += 1
            report.add(Self.descriptor, at: entry.position,
                       "'\(entry.text)' matches no action of \(known.name) (\(known.prefix)), so it grants nothing; check the spelling",
                       suggestion: Self.closestPrefix(action, in: known).map { "did you mean '\(service):\($0)*'?" })
        }
    }

    /// For `Prefix*` patterns: the nearest prefix that some action names start with (`Descibe*` -> `Describe`).
    static func closestPrefix(_ action: String, in service: IAMService) -> String? {
        guard action.hasSuffix("*"), !IAMRuleSupport.hasWildcard(action.dropLast()) else { return nil }
        let literal = String(action.dropLast())
        guard !literal.isEmpty else { return nil }
        var prefixes: Set<String> = []
        for name in service.actions.map(\.name) {
            for length in max(1, literal.count - 1)...(literal.count + 1) where length <= name.count {
                prefixes.insert(String(name.prefix(length)))
            }
        }
        return NearMiss.closest(to: literal, among: prefixes.sorted())
    }
}
