/// `iam.unknown-action`: the service exists but has no such action. Action names ignore case, so
/// `ecr:batchgetimage` is fine; `ecr:BatchGetImages` is not. Applies to every sample that states actions.
struct IAMUnknownActionRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.unknown-action", defaultSeverity: .error,
        summary: "An action does not exist in its service.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        let entries = sample.actionEntries
        guard !entries.isEmpty else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        var found = 0
        let facts = sample.entryFacts(context.catalog)
        // By index, the catalog's answer first: most entries name a known action, and a loop over the pairs
        // copied every entry and its facts.
        for index in entries.indices where found < IAMRuleSupport.findingLimit {
            guard facts.entries[index].action == nil, !entries[index].hasWildcard else { continue }
            let entry = entries[index], known = facts.entries[index]
            guard let name = entry.name, let service = known.service else { continue }
            let servicePart = String(name.service), action = String(name.action)
            found += 1
            let closest = NearMiss.closest(to: action, among: service.actions.lazy.map(\.name))
            var range: (SamplePosition, SamplePosition)?
            var replacement: String?
            if let closest, let span = IAMRuleSupport.span(of: entry.text, at: entry.position, in: &lines),
               let text = span.replacement("\(servicePart):\(closest)") {
                range = (span.start, span.end)
                replacement = text
            }
            report.add(Self.descriptor, at: entry.position,
                       "'\(entry.text)' is not an action of \(service.name) (\(service.prefix)); IAM ignores it, so it grants nothing",
                       suggestion: closest.map { "did you mean '\(servicePart):\($0)'?" },
                       replacing: range, with: replacement)
        }
    }
}
