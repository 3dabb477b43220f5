/// `iam.sid-format`: IAM accepts a `Sid` of ASCII letters and digits only.
///
/// Services that keep resource-based policies (S3, SQS, SNS) accept more (spaces, hyphens), so for those
/// only the type is checked.
struct IAMSidFormatRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.sid-format", defaultSeverity: .error,
        summary: "A statement's Sid is not a string of ASCII letters and digits.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            guard let sid = statement.sid else { continue }
            guard let text = sid.stringValue else {
                report.add(Self.descriptor, at: sid.position,
                           "Sid must be a string of letters and digits, not \(IAMRuleSupport.describe(sid))")
                continue
            }
            guard !policy.isResourceBased else { continue }
            let allowed = text.unicodeScalars.allSatisfy {
                ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122)
            }
            guard !allowed else { continue }
            let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter {
                ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122)
            }))
            report.add(Self.descriptor, at: sid.position,
                       "Sid '\(text)' may hold only ASCII letters and digits in an IAM policy; IAM rejects the policy otherwise",
                       suggestion: cleaned.isEmpty ? "use a name such as 'AllowRead'" : "write '\(cleaned)'")
        }
    }
}
