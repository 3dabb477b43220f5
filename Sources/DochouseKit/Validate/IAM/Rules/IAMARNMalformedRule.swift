/// `iam.arn-malformed`: a `Resource` (or a `Principal` AWS value that is not an account ID) must be `*` or an
/// ARN, `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. Placeholders are not malformed: they have their own
/// finding (iam.placeholder-account).
struct IAMARNMalformedRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.arn-malformed", defaultSeverity: .error,
        summary: "A Resource or Principal ARN is not a well-formed ARN.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            for (name, value) in [("Resource", statement.resource), ("NotResource", statement.notResource)] {
                for entry in IAMStatement.strings(in: value) where entry.text != "*" && !Self.isWholePlaceholder(entry.text) {
                    if case .failure(let problem) = ARNParser.parse(entry.text) {
                        report.add(Self.descriptor, at: entry.position,
                                   "\(name) '\(entry.text)' is not a well-formed ARN: \(problem.message); write arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE or \"*\"")
                    }
                }
            }
            for principal in [statement.principal, statement.notPrincipal] {
                guard let aws = principal?["AWS"] else { continue }
                for entry in IAMStatement.strings(in: aws) where entry.text != "*" && !ARNParser.isAccountID(entry.text)
                    && !Self.isWholePlaceholder(entry.text) {
                    if case .failure(let problem) = ARNParser.parse(entry.text) {
                        report.add(Self.descriptor, at: entry.position,
                                   "the AWS principal '\(entry.text)' is not an account ID, \"*\" or a well-formed ARN: \(problem.message)",
                                   suggestion: "write arn:aws:iam::ACCOUNT:role/NAME, or a 12-digit account ID")
                    }
                }
            }
        }
    }

    /// A value that is a placeholder as a whole (`<REPOSITORY_ARN>`, `xxx`): a reader replaces it, it is not garbage.
    static func isWholePlaceholder(_ text: String) -> Bool {
        IAMPlaceholder.isPlaceholderAccount(text)
            || (text.hasPrefix("<") && text.hasSuffix(">"))
            || (text.hasPrefix("${") && text.hasSuffix("}") && !text.dropFirst(2).contains("${"))
    }
}
