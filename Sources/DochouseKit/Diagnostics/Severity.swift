/// How serious a finding is. Errors fail `build` and `check`; warnings and notes are reported only.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The severity a site gives a rule: one of the three, or `off` to silence it.
public enum ConfiguredSeverity: Sendable, Hashable {
    case off
    case level(Severity)

    public init?(_ text: String) {
        switch text.lowercased() {
        case "off", "ignore", "none": self = .off
        case "note", "info": self = .level(.note)
        case "warning", "warn": self = .level(.warning)
        case "error": self = .level(.error)
        default: return nil
        }
    }
}
