/// `iam.principal-invalid`: `Principal`/`NotPrincipal` is `"*"` or an object whose keys are `AWS`, `Service`,
/// `Federated` or `CanonicalUser`, each with a string or an array of strings.
struct IAMPrincipalInvalidRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.principal-invalid", defaultSeverity: .error,
        summary: "A Principal is not \"*\" or an object of AWS, Service, Federated or CanonicalUser.")

    static let principalTypes = ["AWS", "Service", "Federated", "CanonicalUser"]

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        for statement in policy.statements {
            // Principal, then NotPrincipal (without a list of the pairs: an allocation per statement).
            if let value = statement.principal { check("Principal", value, lines: &lines, report: &report) }
            if let value = statement.notPrincipal { check("NotPrincipal", value, lines: &lines, report: &report) }
        }
    }

    private func check(_ name: String, _ value: SampleValue, lines: inout IAMRuleSupport.SampleLines, report: inout SampleReport) {
        switch value.kind {
        case .string(let text):
            guard text != "*" else { return }
            let looksLikeAWS = text.hasPrefix("arn:") || ARNParser.isAccountID(text) || IAMPlaceholder.isPlaceholderAccount(text)
            report.add(Self.descriptor, at: value.position,
                       "\(name) must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}, not the bare string '\(text)'",
                       suggestion: looksLikeAWS ? "write {\"AWS\": \"\(text)\"}" : nil)
        case .object(let members):
            if members.isEmpty {
                report.add(Self.descriptor, at: value.position,
                           "\(name) is an empty object; name at least one principal under AWS, Service, Federated or CanonicalUser")
            }
            for member in members {
                if !Self.principalTypes.contains(member.key) {
                    reportUnknownKey(member, in: members, name: name, lines: &lines, report: &report)
                    continue
                }
                switch member.value.kind {
                case .string:
                    continue
                case .array(let items):
                    if items.isEmpty {
                        report.add(Self.descriptor, at: member.value.position,
                                   "\(name) \(member.key) is an empty array; list at least one principal")
                    }
                    for item in items where item.stringValue == nil {
                        report.add(Self.descriptor, at: item.position,
                                   "each \(name) \(member.key) entry must be a string, not \(IAMRuleSupport.describe(item))")
                    }
                default:
                    report.add(Self.descriptor, at: member.value.position,
                               "\(name) \(member.key) must be a string or an array of strings, not \(IAMRuleSupport.describe(member.value))")
                }
            }
        default:
            report.add(Self.descriptor, at: value.position,
                       "\(name) must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}, not \(IAMRuleSupport.describe(value))")
        }
    }

    private func reportUnknownKey(_ member: SampleMember, in members: [SampleMember], name: String, lines: inout IAMRuleSupport.SampleLines,
                                  report: inout SampleReport) {
        let known = Self.principalTypes.joined(separator: ", ")
        if let proper = Self.principalTypes.first(where: { $0.lowercased() == member.key.lowercased() }) {
            var range: (SamplePosition, SamplePosition)?
            var replacement: String?
            if !members.contains(where: { $0.key == proper }),
               let span = IAMRuleSupport.span(of: member.key, at: member.keyPosition, in: &lines),
               let text = span.replacement(proper) {
                range = (span.start, span.end)
                replacement = text
            }
            report.add(Self.descriptor, at: member.keyPosition,
                       "principal types are case-sensitive: write '\(proper)', not '\(member.key)'",
                       suggestion: "write '\(proper)'", replacing: range, with: replacement)
            return
        }
        report.add(Self.descriptor, at: member.keyPosition,
                   "'\(member.key)' is not a principal type; \(name) takes \(known)",
                   suggestion: NearMiss.closest(to: member.key, among: Self.principalTypes).map { "did you mean '\($0)'?" })
    }
}
