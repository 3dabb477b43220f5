/// Prints findings the way compilers do: `path:line:col: error: message [rule-id]`, then the source line with a
/// caret under the column, the suggestion, and any notes.
public struct TextDiagnosticFormatter: Sendable {
    /// Gives the source text of a display path, to quote the offending line (nil: quote nothing).
    public var source: @Sendable (String) -> SourceFile?
    public var color: Bool

    public init(color: Bool = false, source: @escaping @Sendable (String) -> SourceFile? = { _ in nil }) {
        self.source = source
        self.color = color
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location {
            out += "\(location.file):\(location.line):\(location.column): "
        }
        out += paint(diagnostic.severity.rawValue, diagnostic.severity) + ": \(diagnostic.message) [\(diagnostic.ruleID)]"
        out += diagnostic.isBaselined ? " (baselined)\n" : "\n"
        if let location = diagnostic.location, let file = source(location.file), location.line <= file.lineCount {
            let (line, caretColumn) = Self.excerpt(of: file.line(location.line), column: location.column)
            out += "    " + line.replacingTabs + "\n"
            let prefix = line.unicodeScalars.prefix(max(0, caretColumn - 1))
            let padding = String(String.UnicodeScalarView(prefix)).map { $0 == "\t" ? "    " : " " }.joined()
            out += "    " + padding + paint("^", diagnostic.severity) + "\n"
        }
        if let suggestion = diagnostic.suggestion {
            out += "    suggestion: \(suggestion)\n"
        }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "\(location.file):\(location.line):\(location.column): note: \(note.message)\n"
            } else {
                out += "note: \(note.message)\n"
            }
        }
        return out
    }

    /// Scalars of a quoted line shown at most: a finding on a minified megabyte quotes a window around its
    /// column, not the megabyte.
    static let excerptWidth = 160

    /// The line, or a window of it around `column` marked with `…` where it was cut, and the caret's column in it.
    static func excerpt(of line: Substring, column: Int) -> (Substring, Int) {
        let scalars = line.unicodeScalars
        guard scalars.count > excerptWidth else { return (line, column) }
        let half = excerptWidth / 2
        let start = max(0, min(column - 1 - half, scalars.count - excerptWidth))
        let startIndex = scalars.index(scalars.startIndex, offsetBy: start)
        let endIndex = scalars.index(startIndex, offsetBy: excerptWidth)
        var window = String(String.UnicodeScalarView(scalars[startIndex..<endIndex]))
        var caret = column - start
        if start > 0 { window = "…" + window; caret += 1 }
        if endIndex < scalars.endIndex { window += "…" }
        return (Substring(window), caret)
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

private extension Substring {
    var replacingTabs: String { map { $0 == "\t" ? "    " : String($0) }.joined() }
}
