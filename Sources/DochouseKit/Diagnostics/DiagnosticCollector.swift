import Synchronization

/// Gathers findings from every stage (and every concurrent task), applies the site's severity overrides,
/// and hands them out sorted. The one engine all consumers (console, JSON, SARIF, preview) read from.
public final class DiagnosticCollector: Sendable {
    private let storage = Mutex<[Diagnostic]>([])
    private let overrides: [String: ConfiguredSeverity]
    private let baseline: Baseline?
    private let contentRoot: String

    public init(overrides: [String: ConfiguredSeverity] = [:], baseline: Baseline? = nil, contentRoot: String = "") {
        self.overrides = overrides
        self.baseline = baseline
        self.contentRoot = contentRoot
    }

    public func report(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if let override = overrides[diagnostic.ruleID] {
            switch override {
            case .off: return
            case .level(let severity): diagnostic.severity = severity
            }
        }
        storage.withLock { $0.append(diagnostic) }
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// Every finding so far, sorted by place, with the baseline's findings marked.
    public var diagnostics: [Diagnostic] {
        let sorted = storage.withLock { $0 }.sorted()
        return baseline?.apply(to: sorted, contentRoot: contentRoot) ?? sorted
    }

    /// True when an error not covered by the baseline was reported.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error && !$0.isBaselined }
    }

    public func count(of severity: Severity) -> Int {
        storage.withLock { list in list.filter { $0.severity == severity }.count }
    }
}
