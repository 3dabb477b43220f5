/// `iam.allow-not-principal`: Allow with NotPrincipal grants every principal except the listed ones.
struct IAMAllowNotPrincipalRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.allow-not-principal", defaultSeverity: .warning,
        summary: "An Allow statement uses NotPrincipal, granting everyone else.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements where IAMRuleSupport.isAllow(statement) {
            guard let member = IAMRuleSupport.member("NotPrincipal", of: statement.value) else { continue }
            report.add(Self.descriptor, at: member.keyPosition,
                       "Allow with NotPrincipal grants access to every principal except the listed ones, anonymous users included; name the allowed principals in Principal instead",
                       suggestion: "use \"Principal\" with the principals to allow")
        }
    }
}
