/// `iam.resource-missing`: a statement of an identity policy says which resources it covers.
/// In resource-based policies the resource is the one the policy is attached to, so `Resource` is optional
/// there (an ECR repository policy normally has none).
struct IAMResourceMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.resource-missing", defaultSeverity: .error,
        summary: "A statement of an identity policy has neither Resource nor NotResource.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, !policy.isResourceBased else { return }
        for statement in policy.statements
        where !IAMRuleSupport.mentions("Resource", in: statement) && !IAMRuleSupport.mentions("NotResource", in: statement) {
            report.add(Self.descriptor, at: statement.value.position,
                       "the statement has neither Resource nor NotResource; an identity policy must say which resources it covers",
                       suggestion: "add \"Resource\": \"*\" or the ARNs of the resources")
        }
    }
}
