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
/// The lexers read UTF-8 bytes: every character they look for is ASCII, and the bytes of a non-ASCII character
/// are never ASCII, so a token never ends inside one.
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
        String(decoding: highlightedBytes(code, as: language), as: UTF8.self)
    }

    /// The highlighted HTML as UTF-8 bytes (what `highlight` returns, for a caller that writes bytes).
    static func highlightedBytes(_ code: String, as language: Language) -> [UInt8] {
        switch language {
        case .json: jsonBytes(code)
        case .yaml: yamlBytes(code)
        case .shell: shellBytes(code)
        }
    }

    static func json(_ code: String) -> String { String(decoding: jsonBytes(code), as: UTF8.self) }
    static func yaml(_ code: String) -> String { String(decoding: yamlBytes(code), as: UTF8.self) }
    static func shell(_ code: String) -> String { String(decoding: shellBytes(code), as: UTF8.self) }

    // MARK: JSON

    static func jsonBytes(_ code: String) -> [UInt8] {
        let s = Array(code.utf8)
        var out = HTMLOut(capacity: s.count * 3)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case Byte.quote:
                let end = quotedEnd(s, from: i, quote: Byte.quote, escapes: true)
                var j = end
                while j < s.count, s[j] == Byte.space || s[j] == Byte.tab { j += 1 }
                out.span(j < s.count && s[j] == Byte.colon ? "tok-key" : "tok-string", s, i..<end)
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), Byte.colon:
                out.span("tok-punct", s, i..<i + 1)
                i += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i + 1
                while j < s.count, isNumberByte(s[j]) { j += 1 }
                out.span("tok-number", s, i..<j)
                i = j
            default:
                if isWordStart(c) {
                    var j = i + 1
                    while j < s.count, isWordByte(s[j]) { j += 1 }
                    if isJSONLiteral(s[i..<j]) { out.span("tok-literal", s, i..<j) } else { out.text(s, i..<j) }
                    i = j
                } else if c == UInt8(ascii: "/"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "/") || s[i + 1] == UInt8(ascii: "*") {
                    // Comments are not JSON (the validator says so), but a reader should see them as comments.
                    let j: Int
                    if s[i + 1] == UInt8(ascii: "/") { j = s[i...].firstIndex(of: Byte.newline) ?? s.count } else { j = blockCommentEnd(s, from: i) }
                    out.span("tok-comment", s, i..<j)
                    i = j
                } else {
                    out.text(s, i..<i + 1)
                    i += 1
                }
            }
        }
        return out.bytes
    }

    private static func isJSONLiteral(_ word: ArraySlice<UInt8>) -> Bool {
        word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
    }

    // MARK: YAML

    static func yamlBytes(_ code: String) -> [UInt8] {
        let all = Array(code.utf8)
        var out = HTMLOut(capacity: all.count * 3)
        var blockScalarIndent: Int?
        var lineStart = 0
        var first = true
        while lineStart <= all.count {
            let lineEnd = all[lineStart...].firstIndex(of: Byte.newline) ?? all.count
            defer { lineStart = lineEnd + 1 }
            if !first { out.raw("\n") }
            first = false
            let s = all[lineStart..<lineEnd]
            let start = s.startIndex, end = s.endIndex
            var i = start
            while i < end, s[i] == Byte.space { i += 1 }
            let indent = i - start
            if let block = blockScalarIndent {
                if s.allSatisfy({ $0 == Byte.space || $0 == Byte.tab }) || indent > block {
                    out.span("tok-string", all, start..<end)
                    continue
                }
                blockScalarIndent = nil
            }
            out.text(all, start..<i)
            if i < end, s[i] == UInt8(ascii: "#") { out.span("tok-comment", all, i..<end); continue }
            if s[i...].starts(with: "---".utf8) || s[i...].starts(with: "...".utf8) {
                out.span("tok-punct", all, i..<end)
                continue
            }
            // List dashes.
            while i < end, s[i] == UInt8(ascii: "-"), i + 1 == end || s[i + 1] == Byte.space {
                out.span("tok-punct", all, i..<i + 1)
                i += 1
                while i < end, s[i] == Byte.space { out.text(all, i..<i + 1); i += 1 }
            }
            // A key: plain or quoted text up to `:` followed by a space or the end of the line.
            if let colon = keyColon(all, from: i, end: end) {
                let isMerge = all[i..<colon].elementsEqual("<<".utf8)
                out.span(isMerge ? "tok-anchor" : "tok-key", all, i..<colon)
                out.span("tok-punct", all, colon..<colon + 1)
                i = colon + 1
            }
            yamlValue(all, from: i, lineStart: start, end: end, into: &out)
            var valueStart = i
            while valueStart < end, s[valueStart] == Byte.space || s[valueStart] == Byte.tab { valueStart += 1 }
            if valueStart < end, s[valueStart] == UInt8(ascii: "|") || s[valueStart] == UInt8(ascii: ">") { blockScalarIndent = indent }
        }
        return out.bytes
    }

    private static func keyColon(_ s: [UInt8], from start: Int, end: Int) -> Int? {
        guard start < end else { return nil }
        var i = start
        if s[i] == Byte.quote || s[i] == Byte.apostrophe {
            i = quotedEnd(s, from: i, quote: s[i], escapes: s[i] == Byte.quote, end: end)
            return i < end && s[i] == Byte.colon && (i + 1 == end || s[i + 1] == Byte.space) ? i : nil
        }
        if "[{#&*!|>%@`".utf8.contains(s[i]) { return nil }
        while i < end {
            if s[i] == Byte.colon, i + 1 == end || s[i + 1] == Byte.space || s[i + 1] == Byte.tab { return i }
            if s[i] == UInt8(ascii: "#"), i > start, s[i - 1] == Byte.space { return nil }
            i += 1
        }
        return nil
    }

    private static func yamlValue(_ s: [UInt8], from start: Int, lineStart: Int, end: Int, into out: inout HTMLOut) {
        var i = start
        while i < end {
            let c = s[i]
            if c == Byte.space || c == Byte.tab { out.text(s, i..<i + 1); i += 1; continue }
            if c == UInt8(ascii: "#"), i == lineStart || s[i - 1] == Byte.space || s[i - 1] == Byte.tab {
                out.span("tok-comment", s, i..<end)
                return
            }
            if c == Byte.quote || c == Byte.apostrophe {
                let close = quotedEnd(s, from: i, quote: c, escapes: c == Byte.quote, end: end)
                out.span("tok-string", s, i..<close)
                i = close
                continue
            }
            if c == UInt8(ascii: "&") || c == UInt8(ascii: "*") || c == UInt8(ascii: "!") {
                var j = i + 1
                while j < end, s[j] != Byte.space, s[j] != UInt8(ascii: ","), s[j] != UInt8(ascii: "]"), s[j] != UInt8(ascii: "}") { j += 1 }
                out.span("tok-anchor", s, i..<j)
                i = j
                continue
            }
            if "[]{},|>".utf8.contains(c) {
                out.span("tok-punct", s, i..<i + 1)
                i += 1
                continue
            }
            // A plain scalar runs to ` #`, or to a flow indicator inside flow collections.
            var j = i
            while j < end, !(s[j] == UInt8(ascii: "#") && (s[j - 1] == Byte.space || s[j - 1] == Byte.tab)),
                  s[j] != UInt8(ascii: ","), s[j] != UInt8(ascii: "]"), s[j] != UInt8(ascii: "}") { j += 1 }
            var wordEnd = j
            while wordEnd > i, s[wordEnd - 1] == Byte.space || s[wordEnd - 1] == Byte.tab { wordEnd -= 1 }
            out.span(yamlScalarClass(s[i..<wordEnd]), s, i..<wordEnd)
            out.text(s, wordEnd..<j)
            i = j
        }
    }

    private static let yamlLiterals: [[UInt8]] = ["true", "false", "null", "~", "yes", "no", "on", "off", "True", "False",
                                                  "TRUE", "FALSE", "Null", "NULL", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF"]
        .map { Array($0.utf8) }

    private static func yamlScalarClass(_ word: ArraySlice<UInt8>) -> StaticString {
        if word.count <= 5, yamlLiterals.contains(where: { $0.elementsEqual(word) }) { return "tok-literal" }
        if !word.isEmpty, word.allSatisfy(isNumberByte),
           word.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return "tok-number" }
        return "tok-string"
    }

    // MARK: Shell

    private static let shellWordEnds = Array(" \t\n|&;<>'\"$".utf8)
    private static let shellChainWords: [[UInt8]] = ["sudo", "time", "env", "exec", "then", "do", "else", "!"].map { Array($0.utf8) }

    static func shellBytes(_ code: String) -> [UInt8] {
        let s = Array(code.utf8)
        var out = HTMLOut(capacity: s.count * 3)
        var i = 0
        var atCommandStart = true
        while i < s.count {
            let c = s[i]
            switch c {
            case Byte.space, Byte.tab:
                out.text(s, i..<i + 1)
                i += 1
            case Byte.newline:
                out.raw("\n")
                i += 1
                atCommandStart = !(i >= 2 && s[i - 2] == Byte.backslash)
            case UInt8(ascii: "#") where i == 0 || s[i - 1] == Byte.space || s[i - 1] == Byte.tab || s[i - 1] == Byte.newline:
                let j = s[i...].firstIndex(of: Byte.newline) ?? s.count
                out.span("tok-comment", s, i..<j)
                i = j
            case Byte.apostrophe, Byte.quote:
                let end = quotedEnd(s, from: i, quote: c, escapes: c == Byte.quote, multiline: true)
                out.span("tok-string", s, i..<end)
                i = end
                atCommandStart = false
            case UInt8(ascii: "$"):
                var j = i + 1
                if j < s.count, s[j] == UInt8(ascii: "{") || s[j] == UInt8(ascii: "(") {
                    let close = s[j] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
                    j = (s[j...].firstIndex(of: close) ?? (s.count - 1)) + 1
                } else {
                    while j < s.count, isWordByte(s[j]) || s[j] == UInt8(ascii: "_") { j += 1 }
                }
                out.span("tok-variable", s, i..<j)
                i = j
                atCommandStart = false
            case UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                var j = i + 1
                while j < s.count, "|&;<>".utf8.contains(s[j]) { j += 1 }
                out.span("tok-operator", s, i..<j)
                i = j
                atCommandStart = c != UInt8(ascii: "<") && c != UInt8(ascii: ">")
            case Byte.backslash:
                out.span("tok-punct", s, i..<min(i + 1, s.count))
                i += 1
            default:
                var j = i
                while j < s.count, !shellWordEnds.contains(s[j]) { j += 1 }
                let word = s[i..<j]
                let hasEquals = word.contains(UInt8(ascii: "="))
                if atCommandStart, word.first != UInt8(ascii: "$"), !hasEquals || word.first == UInt8(ascii: "=") {
                    out.span("tok-command", s, i..<j)
                    atCommandStart = shellChainWords.contains(where: { $0.elementsEqual(word) })
                } else if atCommandStart, hasEquals {
                    out.span("tok-variable", s, i..<j)
                } else if word.first == UInt8(ascii: "-") {
                    out.span("tok-option", s, i..<j)
                } else {
                    out.text(s, i..<j)
                }
                i = j
            }
        }
        return out.bytes
    }

    // MARK: Shared scanning

    /// The index just after the closing quote (or the end of the line/text when it is missing).
    private static func quotedEnd(_ s: [UInt8], from start: Int, quote: UInt8, escapes: Bool,
                                  multiline: Bool = false, end: Int? = nil) -> Int {
        let end = end ?? s.count
        var i = start + 1
        while i < end {
            if escapes, s[i] == Byte.backslash { i += 2; continue }
            if s[i] == quote {
                // YAML's '' inside single quotes is an escaped quote.
                if quote == Byte.apostrophe, !escapes, i + 1 < end, s[i + 1] == Byte.apostrophe { i += 2; continue }
                return i + 1
            }
            if s[i] == Byte.newline, !multiline { return i }
            i += 1
        }
        return end
    }

    private static func blockCommentEnd(_ s: [UInt8], from start: Int) -> Int {
        var i = start + 2
        while i + 1 < s.count {
            if s[i] == UInt8(ascii: "*"), s[i + 1] == UInt8(ascii: "/") { return i + 2 }
            i += 1
        }
        return s.count
    }

    private static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    }

    private static func isWordStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        isWordStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    private enum Byte {
        static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), colon = UInt8(ascii: ":")
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        static let backslash = UInt8(ascii: "\\")
    }
}

/// Escaped HTML output with spans, built as UTF-8 bytes; empty spans are left out.
struct HTMLOut {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func span(_ className: StaticString, _ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append("<span class=\"")
        append(className)
        append("\">")
        text(source, range)
        append("</span>")
    }

    mutating func text(_ source: [UInt8], _ range: Range<Int>) {
        HTMLEscaping.appendEscaped(source[range], to: &bytes)
    }

    mutating func raw(_ text: StaticString) { append(text) }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
