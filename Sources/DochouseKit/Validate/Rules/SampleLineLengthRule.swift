/// A sample with a line longer than `limits.sampleLineLength` is not parsed (a minified megabyte on one line
/// would make every finding quote it); this says so, at the start of that line.
struct SampleLineLengthRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "sample.line-too-long", defaultSeverity: .error,
                                           summary: "A line of a sample is longer than `limits.sampleLineLength`; the sample is not checked.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard let problem = sample.syntaxError, problem.isLineTooLong else { return }
        report.add(Self.descriptor, at: problem.position, problem.message)
    }
}
