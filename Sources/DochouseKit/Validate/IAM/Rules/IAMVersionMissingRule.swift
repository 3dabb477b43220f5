/// `iam.version-missing`: a policy without `Version` is read with the 2008-10-17 rules, where policy variables
/// such as `${aws:username}` are plain text.
struct IAMVersionMissingRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.version-missing", defaultSeverity: .warning,
        summary: "An IAM policy has no Version element, so policy variables do not work in it.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, policy.version == nil,
              let members = policy.root.members,
              IAMRuleSupport.misspelling(of: "Version", in: members, allowed: IAMPolicyDocument.topLevelElements) == nil
        else { return }
        report.add(Self.descriptor, at: policy.root.position,
                   "the policy has no Version; without \"Version\": \"2012-10-17\" IAM reads it with the old 2008-10-17 rules, where policy variables such as ${aws:username} are plain text",
                   suggestion: "add \"Version\": \"2012-10-17\" as the policy's first element")
    }
}
