/// `iam.effect-invalid`: `Effect` is exactly `Allow` or `Deny`; unlike action names it is case-sensitive.
struct IAMEffectInvalidRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.effect-invalid", defaultSeverity: .error,
        summary: "A statement's Effect is not exactly Allow or Deny.")

    static let effects = ["Allow", "Deny"]

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        var lines = IAMRuleSupport.SampleLines(sample.text)
        for statement in policy.statements {
            guard let effect = statement.effect else { continue }
            guard let text = effect.stringValue else {
                report.add(Self.descriptor, at: effect.position,
                           "Effect must be the string \"Allow\" or \"Deny\", not \(IAMRuleSupport.describe(effect))")
                continue
            }
            if Self.effects.contains(text) { continue }
            if let proper = Self.effects.first(where: { $0.lowercased() == text.lowercased() }) {
                let span = IAMRuleSupport.span(of: effect, in: &lines)
                let replacement = span?.replacement(proper)
                report.add(Self.descriptor, at: effect.position,
                           "Effect is case-sensitive: write \"\(proper)\", not \"\(text)\"; IAM rejects the policy otherwise",
                           suggestion: "write '\(proper)'",
                           replacing: replacement == nil ? nil : span.map { ($0.start, $0.end) }, with: replacement)
                continue
            }
            let closest = NearMiss.closest(to: text, among: Self.effects)
            report.add(Self.descriptor, at: effect.position,
                       "Effect must be \"Allow\" or \"Deny\", not \"\(text)\"",
                       suggestion: closest.map { "did you mean '\($0)'?" })
        }
    }
}
