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
        guard let value else { return }
        switch value.kind {
        case .string:
            return
        case .array(let items):
            for item in items where item.stringValue == nil {
                report.add(Self.descriptor, at: item.position,
                           "each entry of \(name) must be a string such as \"ecr:BatchGetImage\", not \(IAMRuleSupport.describe(item))")
            }
        default:
            report.add(Self.descriptor, at: value.position,
                       "\(name) must be a string or an array of strings, not \(IAMRuleSupport.describe(value))")
        }
    }
}
