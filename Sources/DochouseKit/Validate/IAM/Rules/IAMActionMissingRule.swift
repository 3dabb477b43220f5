/// `iam.action-missing`: a statement names its actions with `Action` (or excludes them with `NotAction`).
struct IAMActionMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-missing", defaultSeverity: .error,
        summary: "A statement has neither Action nor NotAction.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements
        where !IAMRuleSupport.mentions("Action", in: statement) && !IAMRuleSupport.mentions("NotAction", in: statement) {
            report.add(Self.descriptor, at: statement.value.position,
                       "the statement has neither Action nor NotAction; list the actions it allows or denies",
                       suggestion: "add \"Action\": [\"service:Action\", ...]")
        }
    }
}
