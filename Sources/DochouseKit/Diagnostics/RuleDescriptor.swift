/// The identity of a rule: a stable id (`iam.unknown-action`), the severity it has unless a site changes it,
/// and a one-line summary for `dochouse rules` and SARIF.
public struct RuleDescriptor: Sendable, Hashable {
    public let id: String
    public let defaultSeverity: Severity
    public let summary: String

    public init(id: String, defaultSeverity: Severity, summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }
}
