/// `iam.unknown-service`: an action's service prefix is not in the IAM catalog. Applies wherever a sample
/// states actions: policies, action lists, `additionalRolePolicies` in configuration.
struct IAMUnknownServiceRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.unknown-service", defaultSeverity: .error,
        summary: "An action's service prefix is not an AWS service.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        let entries = sample.actionEntries
        guard !entries.isEmpty else { return }
        let catalog = context.catalog
        var lines = IAMRuleSupport.SampleLines(sample.text)
        var found = 0
        let facts = sample.entryFacts(catalog)
        // By index, the catalog's answer first: most entries name a listed service, and a loop over the pairs
        // copied every entry and its facts.
        for index in entries.indices where found < IAMRuleSupport.findingLimit {
            guard !facts.entries[index].hasService else { continue }
            let entry = entries[index]
            guard let name = entry.name, !IAMRuleSupport.hasWildcard(name.service) else { continue }
            let service = String(name.service), action = String(name.action)
            found += 1
            let closest = NearMiss.closest(to: service, among: catalog.servicePrefixes)
            var range: (SamplePosition, SamplePosition)?
            var replacement: String?
            if let closest, IAMRuleSupport.hasWildcard(action) || catalog.service(closest)?.action(named: action) != nil,
               let span = IAMRuleSupport.span(of: entry.text, at: entry.position, in: &lines),
               let text = span.replacement("\(closest):\(action)") {
                range = (span.start, span.end)
                replacement = text
            }
            let snapshot = catalog.snapshotDate.isEmpty ? "" : " (catalog of \(catalog.snapshotDate))"
            report.add(Self.descriptor, at: entry.position,
                       "'\(service)' in '\(entry.text)' is not an AWS service prefix\(snapshot); check the spelling",
                       suggestion: closest.map { "did you mean '\($0):\(action)'?" },
                       replacing: range, with: replacement)
        }
    }
}
