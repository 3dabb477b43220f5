/// `iam.principal-forbidden`: an identity policy's principal is whoever it is attached to; it cannot name one.
struct IAMPrincipalForbiddenRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.principal-forbidden", defaultSeverity: .error,
        summary: "A statement of an identity policy has Principal or NotPrincipal.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, !policy.isResourceBased else { return }
        for statement in policy.statements {
            for name in ["Principal", "NotPrincipal"] {
                guard let member = IAMRuleSupport.member(name, of: statement.value) else { continue }
                report.add(Self.descriptor, at: member.keyPosition,
                           "an identity policy cannot have \(name): it applies to the user, group or role it is attached to; remove \(name), or mark the sample policy=resource if it is a resource-based policy")
            }
        }
    }
}
