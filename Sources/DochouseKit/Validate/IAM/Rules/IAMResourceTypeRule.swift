/// `iam.resource-type`: `Resource`/`NotResource` is a string or an array of strings.
struct IAMResourceTypeRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.resource-type", defaultSeverity: .error,
        summary: "A statement's Resource or NotResource is not a string or an array of strings.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            // Resource, then NotResource (one at a time: a list of the pairs was an allocation per statement).
            check("Resource", statement.resource, report: &report)
            check("NotResource", statement.notResource, report: &report)
        }
    }

    private func check(_ name: String, _ value: SampleValue?, report: inout SampleReport) {
        IAMRuleSupport.checkStringOrStrings(name, value, rule: Self.descriptor, entryHint: " (an ARN or \"*\")",
                                            valueHint: " (ARNs or \"*\")", report: &report)
    }
}
