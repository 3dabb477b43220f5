/// `iam.resource-conflict`: `Resource` and `NotResource` exclude each other in one statement.
struct IAMResourceConflictRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.resource-conflict", defaultSeverity: .error,
        summary: "A statement has both Resource and NotResource.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            guard let resource = IAMRuleSupport.member("Resource", of: statement.value),
                  let notResource = IAMRuleSupport.member("NotResource", of: statement.value) else { continue }
            report.add(Self.descriptor, at: max(resource.keyPosition, notResource.keyPosition),
                       "the statement has both Resource and NotResource; IAM accepts only one of them in a statement",
                       suggestion: "keep Resource, or split the statement in two")
        }
    }
}
