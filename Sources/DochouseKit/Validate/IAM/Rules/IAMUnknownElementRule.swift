/// `iam.unknown-element`: IAM rejects a policy with an element it does not know. Element names are
/// case-sensitive (`effect` is not `Effect`), so a case slip gets a mechanical fix.
struct IAMUnknownElementRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.unknown-element", defaultSeverity: .error,
        summary: "An IAM policy or statement has an element IAM does not know.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, let top = policy.root.members else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        for member in top where !IAMPolicyDocument.topLevelElements.contains(member.key) {
            if IAMStatement.elements.contains(member.key) && policy.statementValue == nil {
                report.add(Self.descriptor, at: member.keyPosition,
                           "'\(member.key)' belongs inside a statement, not at the top of the policy; put the statement's elements in \"Statement\": [{...}]")
                continue
            }
            reportUnknown(member, siblings: top, allowed: IAMPolicyDocument.topLevelElements,
                          what: "a top-level policy element", lines: &lines, report: &report)
        }
        for statement in policy.statements {
            guard let members = statement.value.members else { continue }
            for member in members where !IAMStatement.elements.contains(member.key) {
                reportUnknown(member, siblings: members, allowed: IAMStatement.elements,
                              what: "a statement element", lines: &lines, report: &report)
            }
        }
    }

    private func reportUnknown(_ member: SampleMember, siblings: [SampleMember], allowed: [String], what: String,
                               lines: inout IAMRuleSupport.SampleLines, report: inout SampleReport) {
        let known = allowed.joined(separator: ", ")
        if let proper = allowed.first(where: { $0.lowercased() == member.key.lowercased() }) {
            var range: (SamplePosition, SamplePosition)?
            var replacement: String?
            if !siblings.contains(where: { $0.key == proper }),
               let span = IAMRuleSupport.span(of: member.key, at: member.keyPosition, in: &lines),
               let text = span.replacement(proper) {
                range = (span.start, span.end)
                replacement = text
            }
            report.add(Self.descriptor, at: member.keyPosition,
                       "'\(member.key)' is not \(what): element names are case-sensitive, write '\(proper)'",
                       suggestion: "write '\(proper)'", replacing: range, with: replacement)
            return
        }
        report.add(Self.descriptor, at: member.keyPosition,
                   "'\(member.key)' is not \(what); IAM rejects the policy. Known: \(known)",
                   suggestion: NearMiss.closest(to: member.key, among: allowed).map { "did you mean '\($0)'?" })
    }
}
