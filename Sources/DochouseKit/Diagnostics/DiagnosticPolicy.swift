/// How a site wants its findings: the severity overrides of `site.yaml` and the accepted findings of the
/// baseline. Applied the same way to a whole build (`DiagnosticCollector`) and to one file's findings
/// (the preview's overlay), so both show the same severities and the same `(baselined)` marks.
public struct DiagnosticPolicy: Sendable {
    public var overrides: [String: ConfiguredSeverity]
    public let baseline: Baseline?
    public var contentRoot: String
    private let baselineIndex: BaselineIndex?

    public init(overrides: [String: ConfiguredSeverity] = [:], baseline: Baseline? = nil, contentRoot: String = "") {
        self.overrides = overrides
        self.baseline = baseline
        self.contentRoot = contentRoot
        baselineIndex = baseline.map(BaselineIndex.init)
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
        // Positions are sorted rather than the findings themselves (a finding is a large value with seven
        // references, and a sort moves each one ~log n times), by integer keys: each distinct file is compared
        // as text once, to rank it. Findings at the same place fall back to the full order (rule, message).
        let order = adjusted.withUnsafeBufferPointer { findings -> [Int] in
            var rank: [String: Int] = [:]
            for (position, file) in Set(findings.lazy.compactMap { $0.range?.start.file }).sorted().enumerated() {
                rank[file] = position
            }
            let keys = findings.map { finding -> (file: Int, line: Int, column: Int) in
                guard let start = finding.range?.start else { return (-1, 0, 0) }
                return (rank[start.file] ?? -1, start.line, start.column)
            }
            return Array(findings.indices).sorted { a, b in
                if keys[a] != keys[b] { return keys[a] < keys[b] }
                return findings[a] < findings[b]
            }
        }
        let sorted = order.map { adjusted[$0] }
        return baselineIndex?.apply(to: sorted, contentRoot: contentRoot) ?? sorted
    }

    /// `adjusted` then `finish`.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        finish(diagnostics.compactMap(adjusted))
    }
}
