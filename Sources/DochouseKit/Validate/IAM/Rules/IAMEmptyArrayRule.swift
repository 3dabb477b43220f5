/// `iam.empty-array`: an empty `Action`, `NotAction`, `Resource` or `NotResource` array matches nothing;
/// IAM rejects it.
struct IAMEmptyArrayRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.empty-array", defaultSeverity: .error,
        summary: "A statement's Action, NotAction, Resource or NotResource is an empty array.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            for name in ["Action", "NotAction", "Resource", "NotResource"] {
                guard let value = statement.value[name], let items = value.arrayValue, items.isEmpty else { continue }
                report.add(Self.descriptor, at: value.position,
                           "\(name) is an empty array; IAM rejects it: list at least one entry or remove \(name)")
            }
        }
    }
}
