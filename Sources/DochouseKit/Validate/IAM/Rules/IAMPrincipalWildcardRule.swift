/// `iam.principal-wildcard`: `"Principal": "*"` (or `{"AWS": "*"}`) in an Allow statement grants everyone,
/// anonymous users included, unless a Condition narrows it.
struct IAMPrincipalWildcardRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.principal-wildcard", defaultSeverity: .warning,
        summary: "An Allow statement grants to every principal (\"*\") without a Condition.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, policy.isResourceBased else { return }
        for statement in policy.statements where IAMRuleSupport.isAllow(statement) && statement.condition == nil {
            guard let principal = statement.principal else { continue }
            var wildcards: [SamplePosition] = []
            if principal.stringValue == "*" {
                wildcards.append(principal.position)
            } else if let aws = principal["AWS"] {
                wildcards += IAMStatement.strings(in: aws).filter { $0.text == "*" }.map(\.position)
            }
            for position in wildcards {
                report.add(Self.descriptor, at: position,
                           "Principal \"*\" in an Allow statement grants access to everyone, anonymous users included; name the principals, or add a Condition that restricts who (aws:PrincipalOrgID, aws:SourceAccount)",
                           suggestion: "write {\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}")
            }
        }
    }
}
