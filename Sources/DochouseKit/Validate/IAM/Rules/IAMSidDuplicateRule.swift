/// `iam.sid-duplicate`: a `Sid` names one statement; two statements with one Sid are rejected.
struct IAMSidDuplicateRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.sid-duplicate", defaultSeverity: .error,
        summary: "Two statements of one IAM policy have the same Sid.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        // One statement cannot repeat a Sid (most policies have one): no table to build.
        guard case .iamPolicy = sample.kind, let policy = sample.policy, policy.statements.count > 1 else { return }
        var first: [String: SamplePosition] = [:]
        for statement in policy.statements {
            guard let sid = statement.sid, let text = sid.stringValue, !text.isEmpty else { continue }
            if let earlier = first[text] {
                report.add(Self.descriptor, at: sid.position,
                           "Sid '\(text)' is already used by another statement of this policy; each statement needs its own Sid",
                           suggestion: "rename one of them",
                           notes: [DiagnosticNote(location: report.sourceMap.location(earlier), message: "'\(text)' first used here")])
            } else {
                first[text] = sid.position
            }
        }
    }
}
