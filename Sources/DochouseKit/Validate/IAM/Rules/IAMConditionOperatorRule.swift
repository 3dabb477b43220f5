/// `iam.condition-operator`: every key of `Condition` is a condition operator IAM knows, spelled exactly.
struct IAMConditionOperatorRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.condition-operator", defaultSeverity: .error,
        summary: "A Condition uses an operator IAM does not know.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        for statement in policy.statements {
            guard let operators = statement.condition?.members else { continue }
            for member in operators where IAMConditionOperator(member.key) == nil {
                reportUnknown(member, in: operators, lines: &lines, report: &report)
            }
        }
    }

    private func reportUnknown(_ member: SampleMember, in siblings: [SampleMember], lines: inout IAMRuleSupport.SampleLines,
                               report: inout SampleReport) {
        let name = member.key
        if name.hasSuffix("IfExists"), IAMConditionOperator(String(name.dropLast("IfExists".count)))?.base == "Null" {
            report.add(Self.descriptor, at: member.keyPosition,
                       "'\(name)' is not a condition operator: Null takes no IfExists (it already tests whether the key exists)",
                       suggestion: "write '\(name.dropLast("IfExists".count))'")
            return
        }
        if let proper = IAMConditionOperator.allNames.first(where: { $0.lowercased() == name.lowercased() }) {
            var range: (SamplePosition, SamplePosition)?
            var replacement: String?
            if !siblings.contains(where: { $0.key == proper }),
               let span = IAMRuleSupport.span(of: name, at: member.keyPosition, in: &lines),
               let text = span.replacement(proper) {
                range = (span.start, span.end)
                replacement = text
            }
            report.add(Self.descriptor, at: member.keyPosition,
                       "condition operators are case-sensitive: write '\(proper)', not '\(name)'",
                       suggestion: "write '\(proper)'", replacing: range, with: replacement)
            return
        }
        report.add(Self.descriptor, at: member.keyPosition,
                   "'\(name)' is not a condition operator; use one of StringEquals, StringLike, ArnLike, Bool, IpAddress, NumericLessThan, DateGreaterThan, Null and the like",
                   suggestion: NearMiss.closest(to: name, among: IAMConditionOperator.allNames).map { "did you mean '\($0)'?" })
    }
}
