/// `iam.statement-missing`: a policy grants or denies nothing without `Statement`.
struct IAMStatementMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.statement-missing", defaultSeverity: .error,
        summary: "An IAM policy has no Statement element.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind else { return }
        // A sample annotated as a policy whose text is not an object has no policy to read at all.
        if sample.policy == nil, let value = sample.value {
            report.add(Self.descriptor, at: value.position,
                       "an IAM policy is an object with Version and Statement, not \(IAMRuleSupport.describe(value))")
            return
        }
        guard let policy = sample.policy, policy.statementValue == nil,
              let members = policy.root.members,
              IAMRuleSupport.misspelling(of: "Statement", in: members, allowed: IAMPolicyDocument.topLevelElements) == nil
        else { return }
        report.add(Self.descriptor, at: policy.root.position,
                   "the policy has no Statement; a policy needs at least one statement with Effect, Action and (in identity policies) Resource",
                   suggestion: "add \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [...], \"Resource\": \"...\"}]")
    }
}
