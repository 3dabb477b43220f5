/// A JSON document under a `yaml` fence is read as JSON (YAML would accept trailing commas and other things
/// the AWS console rejects), but the fence should say what it holds, for highlighting and for readers.
struct FenceLanguageRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "sample.fence-language", defaultSeverity: .warning,
                                           summary: "A sample's fence names another language than its content.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.isJSONInYAMLFence else { return }
        report.addAtInfo(Self.descriptor, "this sample is JSON but its fence says '\(sample.annotations.language)'; mark it ```json",
                         suggestion: "replace '\(sample.annotations.language)' with 'json' in the fence")
    }
}
