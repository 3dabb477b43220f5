/// `iam.principal-missing`: a resource-based policy says whom each statement grants to (or denies).
struct IAMPrincipalMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.principal-missing", defaultSeverity: .error,
        summary: "A statement of a resource-based policy has neither Principal nor NotPrincipal.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, policy.isResourceBased else { return }
        for statement in policy.statements
        where !IAMRuleSupport.mentions("Principal", in: statement) && !IAMRuleSupport.mentions("NotPrincipal", in: statement) {
            report.add(Self.descriptor, at: statement.value.position,
                       "the statement of a resource-based policy has no Principal; say whom it applies to",
                       suggestion: "add \"Principal\": {\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}")
        }
    }
}
