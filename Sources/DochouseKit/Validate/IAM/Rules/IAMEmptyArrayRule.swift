/// `iam.empty-array`: an empty `Action`, `NotAction`, `Resource` or `NotResource` array matches nothing;
/// IAM rejects it.
struct IAMEmptyArrayRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.empty-array", defaultSeverity: .error,
        summary: "A statement's Action, NotAction, Resource or NotResource is an empty array.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            // The statement's elements as it found them when read (`statement.value[name]` scanned the keys).
            check("Action", statement.action, report: &report)
            check("NotAction", statement.notAction, report: &report)
            check("Resource", statement.resource, report: &report)
            check("NotResource", statement.notResource, report: &report)
        }
    }

    private func check(_ name: String, _ value: SampleValue?, report: inout SampleReport) {
        guard let value, case .array(let items) = value.kind, items.isEmpty else { return }
        report.add(Self.descriptor, at: value.position,
                   "\(name) is an empty array; IAM rejects it: list at least one entry or remove \(name)")
    }
}
