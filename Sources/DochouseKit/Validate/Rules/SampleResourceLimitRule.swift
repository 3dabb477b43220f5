/// A sample whose value would exceed the reader's limits (alias expansion, nesting depth) is refused
/// instead of being expanded; this says so.
struct SampleResourceLimitRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "sample.too-large", defaultSeverity: .error,
                                           summary: "A sample expands or nests beyond the reader's limits.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard let problem = sample.syntaxError, problem.isResourceLimit, !problem.isLineTooLong else { return }
        report.add(Self.descriptor, at: problem.position, problem.message)
    }
}
