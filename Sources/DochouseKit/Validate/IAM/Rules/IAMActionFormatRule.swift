/// `iam.action-format`: an action is `service:Action` (wildcards allowed) or `*`.
struct IAMActionFormatRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-format", defaultSeverity: .error,
        summary: "An Action entry is not shaped service:Action.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            for (name, value) in [("Action", statement.action), ("NotAction", statement.notAction)] {
                for entry in IAMStatement.strings(in: value) {
                    guard let problem = Self.problem(entry.text) else { continue }
                    report.add(Self.descriptor, at: entry.position,
                               "\(name) entry '\(entry.text)' \(problem); an action is written service:Action, e.g. ecr:BatchGetImage, or \"*\" for all")
                }
            }
        }
    }

    /// What is wrong with an entry's shape, or nil.
    static func problem(_ text: String) -> String? {
        if text == "*" { return nil }
        if text.contains(where: \.isWhitespace) { return "contains whitespace" }
        guard let colon = text.firstIndex(of: ":") else { return "has no service prefix" }
        if colon == text.startIndex { return "has an empty service prefix" }
        if text.index(after: colon) == text.endIndex { return "has no action name after the colon" }
        return nil
    }
}
