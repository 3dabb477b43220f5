/// How a site wants its findings: the severity overrides of `site.yaml` and the accepted findings of the
/// baseline. Applied the same way to a whole build (`DiagnosticCollector`) and to one file's findings
/// (the preview's overlay), so both show the same severities and the same `(baselined)` marks.
public struct DiagnosticPolicy: Sendable {
    public var overrides: [String: ConfiguredSeverity]
    public var baseline: Baseline?
    public var contentRoot: String

    public init(overrides: [String: ConfiguredSeverity] = [:], baseline: Baseline? = nil, contentRoot: String = "") {
        self.overrides = overrides
        self.baseline = baseline
        self.contentRoot = contentRoot
    }

    /// The finding at its configured severity, or nil when its rule is turned off.
    public func adjusted(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard let override = overrides[diagnostic.ruleID] else { return diagnostic }
        switch override {
        case .off: return nil
        case .level(let severity):
            var diagnostic = diagnostic
            diagnostic.severity = severity
            return diagnostic
        }
    }

    /// Findings already adjusted, sorted by place, with the baseline's findings marked. The baseline matches
    /// by rule, file and message, so applying it to all the findings of some files at once gives the same
    /// marks as applying it to the whole build.
    public func finish(_ adjusted: [Diagnostic]) -> [Diagnostic] {
        let sorted = adjusted.sorted()
        return baseline?.apply(to: sorted, contentRoot: contentRoot) ?? sorted
    }

    /// `adjusted` then `finish`.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        finish(diagnostics.compactMap(adjusted))
    }
}
