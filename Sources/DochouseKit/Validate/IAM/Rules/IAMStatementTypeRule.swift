/// `iam.statement-type`: `Statement` is one statement object or an array of them.
struct IAMStatementTypeRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.statement-type", defaultSeverity: .error,
        summary: "An IAM policy's Statement is not an object or an array of objects.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let value = sample.policy?.statementValue else { return }
        switch value.kind {
        case .object:
            return
        case .array(let items):
            for item in items where item.members == nil {
                report.add(Self.descriptor, at: item.position,
                           "each statement must be an object with Effect, Action and so on, not \(IAMRuleSupport.describe(item))")
            }
        default:
            report.add(Self.descriptor, at: value.position,
                       "Statement must be an object or an array of objects, not \(IAMRuleSupport.describe(value))")
        }
    }
}
