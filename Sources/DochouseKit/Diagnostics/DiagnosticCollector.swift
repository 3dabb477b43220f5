import Synchronization

/// Gathers findings from every stage (and every concurrent task), applies the site's severity overrides,
/// and hands them out sorted. The one engine all consumers (console, JSON, SARIF, preview) read from.
public final class DiagnosticCollector: Sendable {
    private let storage = Mutex<[Diagnostic]>([])
    public let policy: DiagnosticPolicy

    public init(policy: DiagnosticPolicy) {
        self.policy = policy
    }

    public convenience init(overrides: [String: ConfiguredSeverity] = [:], baseline: Baseline? = nil, contentRoot: String = "") {
        self.init(policy: DiagnosticPolicy(overrides: overrides, baseline: baseline, contentRoot: contentRoot))
    }

    public func report(_ diagnostic: Diagnostic) {
        guard let diagnostic = policy.adjusted(diagnostic) else { return }
        storage.withLock { $0.append(diagnostic) }
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// Every finding so far, sorted by place, with the baseline's findings marked.
    public var diagnostics: [Diagnostic] {
        policy.finish(storage.withLock { $0 })
    }

    /// True when an error not covered by the baseline was reported.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error && !$0.isBaselined }
    }
}
