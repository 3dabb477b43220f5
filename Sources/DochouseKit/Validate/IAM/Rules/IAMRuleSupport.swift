/// Small helpers the IAM rules share: reading action names, finding a scalar's source text for replacements
/// and columns, noticing misspelled element names. Kept in a namespace so the rules stay a screen long each.
enum IAMRuleSupport {
    // MARK: Actions

    /// `service:Action` split at its first colon; nil when the entry is not shaped like an action
    /// (no colon, an empty side, or whitespace). `*` alone is not split either: callers handle it first.
    static func splitAction(_ text: String) -> (service: String, action: String)? {
        // Byte scans: this runs for every action of every sample, so it avoids grapheme-level String work.
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var ascii = true
        for byte in utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return nil }
            if byte >= 0x80 { ascii = false }
        }
        guard ascii || !text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }) else { return nil }
        let service = Substring(utf8[..<colon])
        let action = Substring(utf8[utf8.index(after: colon)...])
        guard !service.isEmpty, !action.isEmpty else { return nil }
        return (String(service), String(action))
    }

    /// Whether a name holds an IAM wildcard (`*` or `?`).
    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
    }

    /// Whether a statement's `Effect` says Allow. Ignores case: a miscased Effect is its own finding, and the
    /// rules about what an Allow grants should still speak about the statement its author meant.
    static func isAllow(_ statement: IAMStatement) -> Bool {
        statement.effect?.stringValue?.lowercased() == "allow"
    }

    /// Reports an element (`Action`, `Resource`, ...) whose value is neither a string nor an array of strings: each
    /// entry of an array that is not a string, or else the whole value. The hints say what the strings should be
    /// (` such as "ecr:BatchGetImage"` for an entry, ` (ARNs or "*")` for the value).
    static func checkStringOrStrings(_ name: String, _ value: SampleValue?, rule: RuleDescriptor, entryHint: String,
                                     valueHint: String, report: inout SampleReport) {
        guard let value else { return }
        switch value.kind {
        case .string:
            return
        case .array(let items):
            for item in items where item.stringValue == nil {
                report.add(rule, at: item.position, "each entry of \(name) must be a string\(entryHint), not \(describe(item))")
            }
        default:
            report.add(rule, at: value.position, "\(name) must be a string or an array of strings\(valueHint), not \(describe(value))")
        }
    }

    /// The value's type with its article, for messages: "a string", "an array", "null".
    static func describe(_ value: SampleValue) -> String {
        switch value.kind {
        case .object: "an object"
        case .array: "an array"
        case .null: "null"
        default: "a \(value.typeName)"
        }
    }

    /// Up to `limit` names, then "and N more".
    static func list(_ names: [String], limit: Int = 3) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }

    // MARK: Element names

    /// A member whose key is a misspelling of `element` (another case, or a near miss) and not itself one of
    /// `allowed`: the unknown-element rule reports it, so a "missing" rule need not report the element as well.
    static func misspelling(of element: String, in members: [SampleMember], allowed: [String]) -> SampleMember? {
        members.first { member in
            guard !allowed.contains(member.key) else { return false }
            if member.key.lowercased() == element.lowercased() { return true }
            return NearMiss.closest(to: member.key, among: allowed) == element
        }
    }

    /// Whether a statement states `element` or a misspelling of it.
    static func mentions(_ element: String, in statement: IAMStatement) -> Bool {
        guard let members = statement.value.members else { return false }
        return members.contains { $0.key == element }
            || misspelling(of: element, in: members, allowed: IAMStatement.elements) != nil
    }

    /// The member named exactly `key`.
    static func member(_ key: String, of value: SampleValue) -> SampleMember? {
        value.members?.first { $0.key == key }
    }

    // MARK: Source text

    /// Where a scalar's text stands in the sample: the whole token (quotes included) and its content.
    struct ScalarSpan {
        /// The token's first character (an opening quote for quoted scalars).
        var start: SamplePosition
        /// Just after the token's last character (after the closing quote).
        var end: SamplePosition
        /// The content's first character.
        var contentStart: SamplePosition
        /// The quote character, or nil for a plain YAML scalar.
        var quote: Unicode.Scalar?
        /// True when the content is written exactly as its value reads (no escapes), so a column inside the
        /// value is the same column offset inside the source.
        var isVerbatim: Bool

        /// The token's text with `content` in place of the current content; nil when that needs escaping.
        func replacement(_ content: String) -> String? {
            guard let quote else {
                // A plain YAML scalar stays plain only with harmless characters and no indicator in front.
                let plainSafe = content.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:*?/".contains($0)) }
                guard plainSafe, let first = content.first, !"*?-:".contains(first) else { return nil }
                return content
            }
            if content.unicodeScalars.contains(quote) || content.contains("\\") { return nil }
            return "\(Character(quote))\(content)\(Character(quote))"
        }
    }

    /// The span of the scalar whose value `decoded` starts at `position`; nil when the source there does not
    /// hold it on one line (so no replacement or inner column is offered).
    static func span(of decoded: String, at position: SamplePosition, in lines: inout SampleLines) -> ScalarSpan? {
        guard let line = lines.line(position.line) else { return nil }
        let index = position.column - 1
        guard index >= 0, index < line.count else { return nil }
        let first = line[index]
        if first == "\"" || first == "'" {
            var j = index + 1
            var raw: [Unicode.Scalar] = []
            var verbatim = true
            while j < line.count {
                let scalar = line[j]
                if first == "\"" && scalar == "\\" {
                    verbatim = false
                    j += 2
                    continue
                }
                if scalar == first {
                    if first == "'", j + 1 < line.count, line[j + 1] == "'" {
                        verbatim = false
                        j += 2
                        continue
                    }
                    var content = String.UnicodeScalarView()
                    content.append(contentsOf: raw)
                    return ScalarSpan(start: position, end: SamplePosition(line: position.line, column: j + 2),
                                      contentStart: SamplePosition(line: position.line, column: position.column + 1),
                                      quote: first, isVerbatim: verbatim && String(content) == decoded)
                }
                raw.append(scalar)
                j += 1
            }
            return nil
        }
        let wanted = Array(decoded.unicodeScalars)
        guard !wanted.isEmpty, index + wanted.count <= line.count,
              Array(line[index..<(index + wanted.count)]) == wanted else { return nil }
        return ScalarSpan(start: position, end: SamplePosition(line: position.line, column: position.column + wanted.count),
                          contentStart: position, quote: nil, isVerbatim: true)
    }

    /// The span of a string value in the sample.
    static func span(of value: SampleValue, in lines: inout SampleLines) -> ScalarSpan? {
        guard let string = value.stringValue else { return nil }
        return span(of: string, at: value.position, in: &lines)
    }

    /// The position of the character `offset` scalars into a string value's content, when the source writes
    /// the value verbatim on one line; otherwise the value's own position.
    static func position(inside value: SampleValue, offset: Int, lines: inout SampleLines) -> SamplePosition {
        guard let span = span(of: value, in: &lines), span.isVerbatim else { return value.position }
        return SamplePosition(line: span.contentStart.line, column: span.contentStart.column + offset)
    }

    /// The sample's lines as Unicode scalars (LF, CR and CRLF end a line, as the readers count them), indexed
    /// on first use so a rule finding many spans reads the text once.
    struct SampleLines {
        private let text: String
        private var ranges: [Range<String.UnicodeScalarView.Index>]?

        init(_ text: String) {
            self.text = text
        }

        mutating func line(_ number: Int) -> [Unicode.Scalar]? {
            let ranges = self.ranges ?? Self.index(text)
            self.ranges = ranges
            guard number >= 1, number <= ranges.count else { return nil }
            return Array(text.unicodeScalars[ranges[number - 1]])
        }

        private static func index(_ text: String) -> [Range<String.UnicodeScalarView.Index>] {
            let scalars = text.unicodeScalars
            var ranges: [Range<String.UnicodeScalarView.Index>] = []
            var start = scalars.startIndex
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                guard scalar == "\n" || scalar == "\r" else {
                    index = scalars.index(after: index)
                    continue
                }
                ranges.append(start..<index)
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            }
            ranges.append(start..<scalars.endIndex)
            return ranges
        }
    }

    // MARK: Budgets

    /// Findings one rule reports on one sample at most. A hostile sample (a 50 MB list of typos) would otherwise
    /// cost a "did you mean" search per entry and bury the page in findings; a hundred tell the story.
    static let findingLimit = 100

    /// Wildcard patterns one rule expands against the catalog per sample at most; each may scan every action
    /// of every service, so the budget bounds the time a hostile sample can take.
    static let expansionLimit = 1_000
}
