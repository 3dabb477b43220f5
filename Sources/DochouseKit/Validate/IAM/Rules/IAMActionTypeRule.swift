/// `iam.action-type`: `Action`/`NotAction` is a string or an array of strings.
struct IAMActionTypeRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-type", defaultSeverity: .error,
        summary: "A statement's Action or NotAction is not a string or an array of strings.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            // Action, then NotAction (one at a time: a list of the pairs was an allocation per statement).
            check("Action", statement.action, report: &report)
            check("NotAction", statement.notAction, report: &report)
        }
    }

    private func check(_ name: String, _ value: SampleValue?, report: inout SampleReport) {
        IAMRuleSupport.checkStringOrStrings(name, value, rule: Self.descriptor, entryHint: " such as \"ecr:BatchGetImage\"",
                                            valueHint: "", report: &report)
    }
}
