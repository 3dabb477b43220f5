/// `iam.allow-not-action`: Allow with NotAction grants every action except the listed ones, of every service.
struct IAMAllowNotActionRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.allow-not-action", defaultSeverity: .warning,
        summary: "An Allow statement uses NotAction, granting everything else.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements where IAMRuleSupport.isAllow(statement) {
            guard let member = IAMRuleSupport.member("NotAction", of: statement.value) else { continue }
            report.add(Self.descriptor, at: member.keyPosition,
                       "Allow with NotAction grants every action of every service except the listed ones; list the allowed actions in Action instead, or use NotAction with Deny",
                       suggestion: "use \"Action\" with the actions to allow")
        }
    }
}
