/// `iam.effect-missing`: every statement says whether it allows or denies.
struct IAMEffectMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.effect-missing", defaultSeverity: .error,
        summary: "A statement has no Effect.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements where !IAMRuleSupport.mentions("Effect", in: statement) {
            report.add(Self.descriptor, at: statement.value.position,
                       "the statement has no Effect; say \"Effect\": \"Allow\" or \"Effect\": \"Deny\"",
                       suggestion: "add \"Effect\": \"Allow\"")
        }
    }
}
