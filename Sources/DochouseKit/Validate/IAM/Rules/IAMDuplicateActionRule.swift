/// `iam.duplicate-action`: an action listed twice in one statement (action names ignore case).
struct IAMDuplicateActionRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.duplicate-action", defaultSeverity: .warning,
        summary: "A statement lists the same action twice.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            var first: [String: (text: String, position: SamplePosition)] = [:]
            for entry in statement.actionEntries {
                let key = entry.text.lowercased()
                if let earlier = first[key] {
                    let same = earlier.text == entry.text ? "" : " (as '\(earlier.text)'; action names ignore case)"
                    report.add(Self.descriptor, at: entry.position,
                               "'\(entry.text)' is already listed in this statement\(same); remove the repeated entry",
                               notes: [DiagnosticNote(location: report.sourceMap.location(earlier.position), message: "first listed here")])
                } else {
                    first[key] = (entry.text, entry.position)
                }
            }
        }
    }
}
