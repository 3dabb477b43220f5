/// `iam.placeholder-account`: an account ID that is a placeholder (`xxx`, `<ACCOUNT_ID>`, `123456789012`)
/// in a Resource or Principal ARN, or as a bare Principal AWS value. It is its own class, so a site can
/// decide how loud it is: the sample is fine as a sample, but readers must replace the value.
struct IAMPlaceholderAccountRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.placeholder-account", defaultSeverity: .warning,
        summary: "A policy uses a placeholder account ID that readers must replace.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        for statement in policy.statements {
            // In this order, without lists of the values (an allocation each per statement).
            check(statement.resource, lines: &lines, report: &report)
            check(statement.notResource, lines: &lines, report: &report)
            check(statement.principal?["AWS"], lines: &lines, report: &report)
            check(statement.notPrincipal?["AWS"], lines: &lines, report: &report)
        }
    }

    private func check(_ value: SampleValue?, lines: inout IAMRuleSupport.SampleLines, report: inout SampleReport) {
        guard let value else { return }
        // An array's items, or the value itself (without a one-item list for it).
        guard case .array(let items) = value.kind else {
            check(item: value, lines: &lines, report: &report)
            return
        }
        for item in items {
            check(item: item, lines: &lines, report: &report)
        }
    }

    private func check(item: SampleValue, lines: inout IAMRuleSupport.SampleLines, report: inout SampleReport) {
        guard let text = item.stringValue else { return }
        if let arn = ARNParser.split(text) {
            guard IAMPlaceholder.isPlaceholderAccount(arn.account) else { return }
            let inResource = IAMPlaceholder.placeholders(inResource: arn.resource)
            let also = inResource.isEmpty ? ""
                : "; the resource part '\(arn.resource)' holds a placeholder too (\(inResource.map { "'\($0)'" }.joined(separator: ", ")))"
            report.add(Self.descriptor, at: IAMRuleSupport.position(inside: item, offset: arn.accountOffset, lines: &lines),
                       "account ID '\(arn.account)' is a placeholder; readers must replace it before using the policy\(also)",
                       suggestion: "say next to the sample which values to replace, or use your documentation's placeholder convention")
        } else if IAMPlaceholder.isPlaceholderAccount(text) {
            report.add(Self.descriptor, at: IAMRuleSupport.position(inside: item, offset: 0, lines: &lines),
                       "account ID '\(text)' is a placeholder; readers must replace it before using the policy",
                       suggestion: "say next to the sample which values to replace, or use your documentation's placeholder convention")
        }
    }
}
