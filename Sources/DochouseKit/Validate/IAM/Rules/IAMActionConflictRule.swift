/// `iam.action-conflict`: `Action` and `NotAction` exclude each other in one statement.
struct IAMActionConflictRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-conflict", defaultSeverity: .error,
        summary: "A statement has both Action and NotAction.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            guard let action = IAMRuleSupport.member("Action", of: statement.value),
                  let notAction = IAMRuleSupport.member("NotAction", of: statement.value) else { continue }
            let later = max(action.keyPosition, notAction.keyPosition)
            report.add(Self.descriptor, at: later,
                       "the statement has both Action and NotAction; IAM accepts only one of them in a statement",
                       suggestion: "keep Action, or split the statement in two")
        }
    }
}
