import Foundation

/// Build-time syntax highlighting of code blocks: JSON, YAML and shell become escaped HTML with `<span class="tok-…">`
/// around tokens, so the page needs no script for colours and reads the same without CSS.
///
/// The tokenizers are lexical and never fail: a sample with a syntax error (which the validator reports) is still
/// highlighted as far as it goes. That is why JSON does not go through `StrictJSONReader`, which stops at the first
/// error and keeps positions of values but not of punctuation or the end of a token; the lexer here shares its
/// grammar (strings with escapes, numbers, `true`/`false`/`null`) and tells keys from values the same way, by the
/// `:` after a string. YAML is highlighted line by line (keys, list dashes, comments, anchors, aliases, quoted and
/// plain scalars), which covers the block style samples use; a flow-style JSON-in-YAML sample is read as JSON.
///
/// Token classes: `tok-key`, `tok-string`, `tok-number`, `tok-literal` (true/false/null and YAML's booleans),
/// `tok-punct`, `tok-comment`, `tok-anchor` (YAML anchors, aliases, merge keys, tags), `tok-command`, `tok-option`,
/// `tok-variable`, `tok-operator`.
enum CodeHighlighter {
    enum Language: String, Sendable {
        case json, yaml, shell
    }

    /// The highlighter for a fence language (`json`, `yaml`/`yml`, `sh`/`shell`/`bash`/`console`/`zsh`), if any.
    static func language(forFence fence: String) -> Language? {
        switch fence.lowercased() {
        case "json", "jsonc", "json5": .json
        case "yaml", "yml": .yaml
        case "sh", "shell", "bash", "console", "zsh", "shell-session": .shell
        default: nil
        }
    }

    static func highlight(_ code: String, as language: Language) -> String {
        switch language {
        case .json: json(code)
        case .yaml: yaml(code)
        case .shell: shell(code)
        }
    }

    // MARK: JSON

    static func json(_ code: String) -> String {
        let s = Array(code.unicodeScalars)
        var out = HTMLOut()
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\"":
                let end = quotedEnd(s, from: i, quote: "\"", escapes: true)
                var j = end
                while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                out.span(j < s.count && s[j] == ":" ? "tok-key" : "tok-string", s[i..<end])
                i = end
            case "{", "}", "[", "]", ",", ":":
                out.span("tok-punct", s[i..<i + 1])
                i += 1
            case "-", "0"..."9":
                var j = i + 1
                while j < s.count, isNumberScalar(s[j]) { j += 1 }
                out.span("tok-number", s[i..<j])
                i = j
            default:
                if isWordStart(c) {
                    var j = i + 1
                    while j < s.count, isWordScalar(s[j]) { j += 1 }
                    let word = String(String.UnicodeScalarView(s[i..<j]))
                    if ["true", "false", "null"].contains(word) { out.span("tok-literal", s[i..<j]) } else { out.text(s[i..<j]) }
                    i = j
                } else if c == "/", i + 1 < s.count, s[i + 1] == "/" || s[i + 1] == "*" {
                    // Comments are not JSON (the validator says so), but a reader should see them as comments.
                    let j: Int
                    if s[i + 1] == "/" { j = s[i...].firstIndex(of: "\n") ?? s.count } else { j = blockCommentEnd(s, from: i) }
                    out.span("tok-comment", s[i..<j])
                    i = j
                } else {
                    out.text(s[i..<i + 1])
                    i += 1
                }
            }
        }
        return out.html
    }

    // MARK: YAML

    static func yaml(_ code: String) -> String {
        var out = HTMLOut()
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var blockScalarIndent: Int?
        for (number, line) in lines.enumerated() {
            if number > 0 { out.raw("\n") }
            let s = Array(line.unicodeScalars)
            let indent = s.prefix(while: { $0 == " " }).count
            if let block = blockScalarIndent {
                if s.allSatisfy({ $0 == " " || $0 == "\t" }) || indent > block {
                    out.span("tok-string", s[...])
                    continue
                }
                blockScalarIndent = nil
            }
            var i = 0
            out.text(s[0..<indent])
            i = indent
            if i < s.count, s[i] == "#" { out.span("tok-comment", s[i...]); continue }
            if s[i...].starts(with: ["-", "-", "-"]) || s[i...].starts(with: [".", ".", "."]) {
                out.span("tok-punct", s[i...])
                continue
            }
            // List dashes.
            while i < s.count, s[i] == "-", i + 1 == s.count || s[i + 1] == " " {
                out.span("tok-punct", s[i..<i + 1])
                i += 1
                while i < s.count, s[i] == " " { out.text(s[i..<i + 1]); i += 1 }
            }
            // A key: plain or quoted text up to `:` followed by a space or the end of the line.
            if let colon = keyColon(s, from: i) {
                let isMerge = String(String.UnicodeScalarView(s[i..<colon])) == "<<"
                out.span(isMerge ? "tok-anchor" : "tok-key", s[i..<colon])
                out.span("tok-punct", s[colon..<colon + 1])
                i = colon + 1
            }
            let valueStart = i
            yamlValue(s, from: i, into: &out)
            let value = String(String.UnicodeScalarView(s[valueStart...])).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("|") || value.hasPrefix(">") { blockScalarIndent = indent }
        }
        return out.html
    }

    private static func keyColon(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < s.count else { return nil }
        var i = start
        if s[i] == "\"" || s[i] == "'" {
            i = quotedEnd(s, from: i, quote: s[i], escapes: s[i] == "\"")
            return i < s.count && s[i] == ":" && (i + 1 == s.count || s[i + 1] == " ") ? i : nil
        }
        if ["[", "{", "#", "&", "*", "!", "|", ">", "%", "@", "`"].contains(s[i]) { return nil }
        while i < s.count {
            if s[i] == ":", i + 1 == s.count || s[i + 1] == " " || s[i + 1] == "\t" { return i }
            if s[i] == "#", i > start, s[i - 1] == " " { return nil }
            i += 1
        }
        return nil
    }

    private static func yamlValue(_ s: [Unicode.Scalar], from start: Int, into out: inout HTMLOut) {
        var i = start
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" { out.text(s[i..<i + 1]); i += 1; continue }
            if c == "#", i == 0 || s[i - 1] == " " || s[i - 1] == "\t" { out.span("tok-comment", s[i...]); return }
            if c == "\"" || c == "'" {
                let end = quotedEnd(s, from: i, quote: c, escapes: c == "\"")
                out.span("tok-string", s[i..<end])
                i = end
                continue
            }
            if c == "&" || c == "*" || c == "!" {
                var j = i + 1
                while j < s.count, s[j] != " ", s[j] != ",", s[j] != "]", s[j] != "}" { j += 1 }
                out.span("tok-anchor", s[i..<j])
                i = j
                continue
            }
            if c == "[" || c == "]" || c == "{" || c == "}" || c == "," || c == "|" || c == ">" {
                out.span("tok-punct", s[i..<i + 1])
                i += 1
                continue
            }
            // A plain scalar runs to ` #`, or to a flow indicator inside flow collections.
            var j = i
            while j < s.count, !(s[j] == "#" && (s[j - 1] == " " || s[j - 1] == "\t")), s[j] != ",", s[j] != "]", s[j] != "}" { j += 1 }
            var end = j
            while end > i, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
            let word = String(String.UnicodeScalarView(s[i..<end]))
            out.span(yamlScalarClass(word), s[i..<end])
            out.text(s[end..<j])
            i = j
        }
    }

    private static let yamlLiterals: Set<String> = ["true", "false", "null", "~", "yes", "no", "on", "off", "True", "False",
                                                    "TRUE", "FALSE", "Null", "NULL", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF"]

    private static func yamlScalarClass(_ word: String) -> String {
        if yamlLiterals.contains(word) { return "tok-literal" }
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isNumberScalar),
           word.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return "tok-number" }
        return "tok-string"
    }

    // MARK: Shell

    static func shell(_ code: String) -> String {
        let s = Array(code.unicodeScalars)
        var out = HTMLOut()
        var i = 0
        var atCommandStart = true
        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t":
                out.text(s[i..<i + 1])
                i += 1
            case "\n":
                out.raw("\n")
                i += 1
                atCommandStart = !(i >= 2 && s[i - 2] == "\\")
            case "#" where i == 0 || [" ", "\t", "\n"].contains(s[i - 1]):
                let j = s[i...].firstIndex(of: "\n") ?? s.count
                out.span("tok-comment", s[i..<j])
                i = j
            case "'", "\"":
                let end = quotedEnd(s, from: i, quote: c, escapes: c == "\"", multiline: true)
                out.span("tok-string", s[i..<end])
                i = end
                atCommandStart = false
            case "$":
                var j = i + 1
                if j < s.count, s[j] == "{" || s[j] == "(" {
                    let close: Unicode.Scalar = s[j] == "{" ? "}" : ")"
                    j = (s[j...].firstIndex(of: close) ?? (s.count - 1)) + 1
                } else {
                    while j < s.count, isWordScalar(s[j]) || s[j] == "_" { j += 1 }
                }
                out.span("tok-variable", s[i..<j])
                i = j
                atCommandStart = false
            case "|", "&", ";", "<", ">":
                var j = i + 1
                while j < s.count, ["|", "&", ";", "<", ">"].contains(s[j]) { j += 1 }
                out.span("tok-operator", s[i..<j])
                i = j
                atCommandStart = c != "<" && c != ">"
            case "\\":
                out.span("tok-punct", s[i..<min(i + 1, s.count)])
                i += 1
            default:
                var j = i
                while j < s.count, ![" ", "\t", "\n", "|", "&", ";", "<", ">", "'", "\"", "$"].contains(s[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(s[i..<j]))
                if atCommandStart, word.hasPrefix("$") == false, !word.contains("=") || word.hasPrefix("=") {
                    out.span("tok-command", s[i..<j])
                    atCommandStart = ["sudo", "time", "env", "exec", "then", "do", "else", "!"].contains(word)
                } else if atCommandStart, word.contains("=") {
                    out.span("tok-variable", s[i..<j])
                } else if word.hasPrefix("-") {
                    out.span("tok-option", s[i..<j])
                } else {
                    out.text(s[i..<j])
                }
                i = j
            }
        }
        return out.html
    }

    // MARK: Shared scanning

    /// The index just after the closing quote (or the end of the line/text when it is missing).
    private static func quotedEnd(_ s: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar, escapes: Bool,
                                  multiline: Bool = false) -> Int {
        var i = start + 1
        while i < s.count {
            if escapes, s[i] == "\\" { i += 2; continue }
            if s[i] == quote {
                // YAML's '' inside single quotes is an escaped quote.
                if quote == "'", !escapes, i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                return i + 1
            }
            if s[i] == "\n", !multiline { return i }
            i += 1
        }
        return s.count
    }

    private static func blockCommentEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 2
        while i + 1 < s.count {
            if s[i] == "*", s[i + 1] == "/" { return i + 2 }
            i += 1
        }
        return s.count
    }

    private static func isNumberScalar(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || c == "." || c == "-" || c == "+" || c == "e" || c == "E"
    }

    private static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        isWordStart(c) || ("0"..."9").contains(c)
    }
}

/// Escaped HTML output with spans; empty spans are left out.
struct HTMLOut {
    private(set) var html = ""

    mutating func span(_ className: String, _ scalars: some Collection<Unicode.Scalar>) {
        guard !scalars.isEmpty else { return }
        html += "<span class=\"\(className)\">"
        text(scalars)
        html += "</span>"
    }

    mutating func text(_ scalars: some Collection<Unicode.Scalar>) {
        var plain = String.UnicodeScalarView()
        plain.append(contentsOf: scalars)
        html += HTMLEscaping.escape(String(plain))
    }

    mutating func raw(_ text: String) { html += text }
}
