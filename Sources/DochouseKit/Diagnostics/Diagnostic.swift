/// A replacement of text in a source file, offered with a diagnostic (the basis of `--fix`).
public struct FixIt: Sendable, Hashable, Codable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A related place mentioned by a diagnostic ("first defined here").
public struct DiagnosticNote: Sendable, Hashable, Codable {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }
}

/// One finding: what rule found it, how serious it is, where, and what to do about it.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// Nil only for findings about the whole run (a missing directory, say).
    public var range: SourceRange?
    /// A short hint of the fix, when one is known ("did you mean 'ecr:BatchGetImage'?").
    public var suggestion: String?
    public var notes: [DiagnosticNote]
    public var fixIts: [FixIt]
    /// True when the tree's baseline lists this finding as known: it is reported but fails nothing.
    public var isBaselined = false

    public init(rule: RuleDescriptor, severity: Severity? = nil, message: String, at location: SourceLocation?,
                end: SourceLocation? = nil, suggestion: String? = nil, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) {
        self.ruleID = rule.id
        self.severity = severity ?? rule.defaultSeverity
        self.message = message
        self.range = location.map { SourceRange(start: $0, end: end) }
        self.suggestion = suggestion
        self.notes = notes
        self.fixIts = fixIts
    }

    public var location: SourceLocation? { range?.start }
}

extension Diagnostic: Comparable {
    /// Findings sort by file, then position, then rule, so output is stable however the pipeline was scheduled.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return (lhs.ruleID, lhs.message) < (rhs.ruleID, rhs.message)
        case (nil, _): return true
        case (_, nil): return false
        case (let l?, let r?):
            if l != r { return l < r }
            return (lhs.ruleID, lhs.message) < (rhs.ruleID, rhs.message)
        }
    }
}
extension Diagnostic: Error {}
