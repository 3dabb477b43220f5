/// `iam.action-format`: an action is `service:Action` (wildcards allowed) or `*`.
struct IAMActionFormatRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-format", defaultSeverity: .error,
        summary: "An Action entry is not shaped service:Action.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        // The sample's entries are each statement's Action strings (or, without Action, its NotAction strings),
        // already classified; only a statement with both has strings to read here.
        let entries = sample.actionEntries
        var next = 0
        for (index, statement) in policy.statements.enumerated() {
            while next < entries.count, entries[next].statementIndex == index {
                let entry = entries[next]
                next += 1
                guard let problem = entry.shapeProblem else { continue }
                add(problem.message, entry.text, at: entry.position, name: entry.isNotAction ? "NotAction" : "Action", report: &report)
            }
            if statement.action != nil, statement.notAction != nil {
                IAMStatement.forEachString(in: statement.notAction) { text, position in
                    guard let problem = Self.problem(text) else { return }
                    add(problem, text, at: position, name: "NotAction", report: &report)
                }
            }
        }
    }

    private func add(_ problem: String, _ text: String, at position: SamplePosition, name: String, report: inout SampleReport) {
        report.add(Self.descriptor, at: position,
                   "\(name) entry '\(text)' \(problem); an action is written service:Action, e.g. ecr:BatchGetImage, or \"*\" for all")
    }

    /// What is wrong with an entry's shape, or nil.
    static func problem(_ text: String) -> String? {
        ActionEntry(text: text, position: SamplePosition(line: 1, column: 1), statementIndex: nil, isNotAction: false)
            .shapeProblem?.message
    }
}
