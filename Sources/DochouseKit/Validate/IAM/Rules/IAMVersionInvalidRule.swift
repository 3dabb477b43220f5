/// `iam.version-invalid`: `Version` is a date IAM knows (`2012-10-17`, `2008-10-17`) and nothing else.
struct IAMVersionInvalidRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.version-invalid", defaultSeverity: .error,
        summary: "An IAM policy's Version is not 2012-10-17 or 2008-10-17.")

    static let versions = ["2012-10-17", "2008-10-17"]

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let version = sample.policy?.version else { return }
        guard let text = version.stringValue else {
            report.add(Self.descriptor, at: version.position,
                       "Version must be the string \"2012-10-17\", not \(IAMRuleSupport.describe(version))",
                       suggestion: "write \"Version\": \"2012-10-17\"")
            return
        }
        guard !Self.versions.contains(text) else { return }
        let closest = NearMiss.closest(to: text, among: Self.versions)
        var range: (SamplePosition, SamplePosition)?
        var replacement: String?
        var lines = IAMRuleSupport.SampleLines(sample.text)
        if let closest, let span = IAMRuleSupport.span(of: version, in: &lines), let text = span.replacement(closest) {
            range = (span.start, span.end)
            replacement = text
        }
        report.add(Self.descriptor, at: version.position,
                   "Version '\(text)' is not a version of the IAM policy language; IAM knows only \"2012-10-17\" (current) and \"2008-10-17\" (old)",
                   suggestion: closest.map { "did you mean '\($0)'?" } ?? "write \"Version\": \"2012-10-17\"",
                   replacing: range, with: replacement)
    }
}
