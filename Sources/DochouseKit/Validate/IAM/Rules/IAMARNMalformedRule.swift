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
            checkResources(statement.resource, name: "Resource", report: &report)
            checkResources(statement.notResource, name: "NotResource", report: &report)
            checkPrincipal(statement.principal, report: &report)
            checkPrincipal(statement.notPrincipal, report: &report)
        }
    }

    private func checkResources(_ value: SampleValue?, name: String, report: inout SampleReport) {
        IAMStatement.forEachString(in: value) { text, position in
            guard text != "*", !Self.isWholePlaceholder(text), case .failure(let problem) = ARNParser.parse(text) else { return }
            report.add(Self.descriptor, at: position,
                       "\(name) '\(text)' is not a well-formed ARN: \(problem.message); write arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE or \"*\"")
        }
    }

    private func checkPrincipal(_ principal: SampleValue?, report: inout SampleReport) {
        guard let aws = principal?["AWS"] else { return }
        IAMStatement.forEachString(in: aws) { text, position in
            guard text != "*", !ARNParser.isAccountID(text), !Self.isWholePlaceholder(text),
                  case .failure(let problem) = ARNParser.parse(text) else { return }
            report.add(Self.descriptor, at: position,
                       "the AWS principal '\(text)' is not an account ID, \"*\" or a well-formed ARN: \(problem.message)",
                       suggestion: "write arn:aws:iam::ACCOUNT:role/NAME, or a 12-digit account ID")
        }
    }

    /// A value that is a placeholder as a whole (`<REPOSITORY_ARN>`, `xxx`): a reader replaces it, it is not garbage.
    static func isWholePlaceholder(_ text: String) -> Bool {
        IAMPlaceholder.isPlaceholderAccount(text)
            || (text.hasPrefix("<") && text.hasSuffix(">"))
            || (text.hasPrefix("${") && text.hasSuffix("}") && !text.dropFirst(2).contains("${"))
    }
}
