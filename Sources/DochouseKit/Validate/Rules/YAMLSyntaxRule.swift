/// YAML samples must parse; the finding points at the character where the YAML parser stopped.
struct YAMLSyntaxRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "sample.yaml-syntax", defaultSeverity: .error,
                                           summary: "A YAML sample is not valid YAML.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.syntax == .yaml, let problem = sample.syntaxError, !problem.isResourceLimit else { return }
        // `"key" = "value"` lines get a clearer finding of their own.
        if !YAMLEqualsLinesRule.equalsLines(in: sample.text).isEmpty { return }
        report.add(Self.descriptor, at: problem.position, "invalid YAML: \(problem.message)")
    }
}
