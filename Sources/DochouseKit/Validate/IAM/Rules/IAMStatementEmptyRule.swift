/// `iam.statement-empty`: `"Statement": []` states nothing; IAM rejects it.
struct IAMStatementEmptyRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.statement-empty", defaultSeverity: .error,
        summary: "An IAM policy's Statement is an empty array.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let value = sample.policy?.statementValue,
              let items = value.arrayValue, items.isEmpty else { return }
        report.add(Self.descriptor, at: value.position,
                   "Statement is an empty array; a policy needs at least one statement",
                   suggestion: "add a statement, or remove the sample if it shows nothing")
    }
}
