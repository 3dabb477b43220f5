/// `iam.version-old`: `2008-10-17` is the old policy language, without policy variables.
struct IAMVersionOldRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.version-old", defaultSeverity: .warning,
        summary: "An IAM policy uses the old policy language version 2008-10-17.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let version = sample.policy?.version, version.stringValue == "2008-10-17" else { return }
        report.add(Self.descriptor, at: version.position,
                   "Version 2008-10-17 is the old policy language: policy variables such as ${aws:username} are plain text in it; use \"2012-10-17\"",
                   suggestion: "write \"Version\": \"2012-10-17\"")
    }
}
