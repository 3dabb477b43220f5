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
        guard let value else { return }
        switch value.kind {
        case .string:
            return
        case .array(let items):
            for item in items where item.stringValue == nil {
                report.add(Self.descriptor, at: item.position,
                           "each entry of \(name) must be a string (an ARN or \"*\"), not \(IAMRuleSupport.describe(item))")
            }
        default:
            report.add(Self.descriptor, at: value.position,
                       "\(name) must be a string or an array of strings (ARNs or \"*\"), not \(IAMRuleSupport.describe(value))")
        }
    }
}
