import Synchronization

/// Gathers findings from every stage (and every concurrent task), applies the site's severity overrides,
/// and hands them out sorted. The one engine all consumers (console, JSON, SARIF, preview) read from.
public final class DiagnosticCollector: Sendable {
    private let storage = Mutex<[Diagnostic]>([])
    private let overrides: [String: ConfiguredSeverity]

    public init(overrides: [String: ConfiguredSeverity] = [:]) {
        self.overrides = overrides
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

    /// Every finding so far, sorted by place.
    public var diagnostics: [Diagnostic] {
        storage.withLock { $0 }.sorted()
    }

    public var hasErrors: Bool {
        storage.withLock { list in list.contains { $0.severity == .error } }
    }

    public func count(of severity: Severity) -> Int {
        storage.withLock { list in list.filter { $0.severity == severity }.count }
    }
}
