/// `check --format github`: workflow commands that GitHub Actions turns into annotations on the pull request,
/// `::error file=F,line=L,col=C,title=RULE::message`. Baselined findings are left out (they fail nothing).
public enum GitHubAnnotationFormatter {
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics where !diagnostic.isBaselined {
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(escapeProperty(location.file))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
                if let end = diagnostic.range?.end {
                    properties.append("endLine=\(end.line)")
                    properties.append("endColumn=\(end.column)")
                }
            }
            properties.append("title=\(escapeProperty(diagnostic.ruleID))")
            var message = diagnostic.message
            if let suggestion = diagnostic.suggestion { message += "\n" + suggestion }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
