/// JSON samples must be strict RFC 8259 JSON: what users paste into the AWS console is parsed strictly there.
struct JSONSyntaxRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "sample.json-syntax", defaultSeverity: .error,
                                           summary: "A JSON sample is not valid JSON.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.syntax == .json, let problem = sample.syntaxError, !problem.isResourceLimit else { return }
        report.add(Self.descriptor, at: problem.position, "invalid JSON: \(problem.message)")
    }
}
