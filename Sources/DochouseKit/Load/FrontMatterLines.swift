/// Reads the front matter almost every page has, one `key: value` per line, without composing YAML.
///
/// Composing three lines with Yams took ~20 µs a page (a third of reading a page's header, 10,000 pages on
/// two cores), so lines of the plainest shapes are read here: a key of letters, digits, `_` and `-` at the
/// start of the line, `: `, and a value that is a plain scalar no YAML indicator can change, or a single- or
/// double-quoted string without escapes on one line. Any other line (a comment, an indented or continued
/// line, a flow collection, an escape, a tab, a character YAML treats as a break or refuses) gives nil, and
/// the caller composes the block with Yams as before. The values and key locations are the ones Yams gives;
/// `FrontMatterLinesTests` holds the two readings to that on generated front matter.
enum FrontMatterLines {
    static func read(_ file: SourceFile, lines: Range<Int>) -> FrontMatter? {
        guard !lines.isEmpty else { return nil }
        var values: [String: FrontMatterValue] = [:]
        var locations: [String: SourceLocation] = [:]
        for number in lines {
            let line = file.line(number)
            if line.isEmpty { continue }
            guard let (key, value) = entry(line), values[key] == nil else { return nil }
            values[key] = value
            locations[key] = file.location(line: number, column: 1)
        }
        guard !values.isEmpty else { return nil }
        return FrontMatter(values: values, keyLocations: locations, location: file.location(line: 1, column: 1),
                           lineCount: lines.upperBound)
    }

    /// One `key: value` line, or nil when it is not of the plainest shape.
    static func entry(_ line: Substring) -> (String, FrontMatterValue)? {
        let bytes = Array(line.utf8)
        var i = 0
        guard let first = bytes.first, isKeyStart(first) else { return nil }
        while i < bytes.count, isKeyByte(bytes[i]) { i += 1 }
        // `key:` then at least one space; `key:` alone may open a nested block.
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: " ") else {
            return nil
        }
        let key = String(decoding: bytes[0..<i], as: UTF8.self)
        i += 1
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < bytes.count else { return nil }
        let rest = bytes[i...]
        guard allPrintable(rest) else { return nil }
        switch rest.first! {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let text = quoted(rest) else { return nil }
            return (key, .string(text))
        default:
            guard let text = plain(rest) else { return nil }
            return (key, FrontMatterParser.plainValue(text))
        }
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// A quoted value that closes on its line with only spaces after it, and holds no escape (`\\` in double
    /// quotes, `''` in single quotes): its text is then the bytes between the quotes.
    private static func quoted(_ value: ArraySlice<UInt8>) -> String? {
        let quote = value.first!
        let body = value.dropFirst()
        guard let close = body.firstIndex(of: quote) else { return nil }
        let text = body[..<close]
        if quote == UInt8(ascii: "\""), text.contains(UInt8(ascii: "\\")) { return nil }
        guard body[(close + 1)...].allSatisfy({ $0 == UInt8(ascii: " ") }) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// A plain value no YAML indicator can change: it starts with a letter, a digit, `/`, `.`, `_`, `(`, a
    /// non-ASCII character or `-` before a digit; it holds no ` #` (a comment) and no `: ` nor a final `:` (a
    /// nested mapping). Trailing spaces are not part of it, as in YAML.
    private static func plain(_ value: ArraySlice<UInt8>) -> String? {
        var end = value.endIndex
        while end > value.startIndex, value[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let text = value[value.startIndex..<end]
        guard let first = text.first else { return nil }
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "("), 0xC3...0xF4:
            break
        case UInt8(ascii: "-"):
            guard text.count > 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[text.startIndex + 1]) else { return nil }
        default:
            return nil
        }
        guard text.last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for byte in text {
            if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") { return nil }
            if byte == UInt8(ascii: " "), previous == UInt8(ascii: ":") { return nil }
            previous = byte
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// No control character, no DEL, no C1 control (NEL is a line break to YAML, the others are refused), no line
    /// or paragraph separator, no byte-order mark and no noncharacter U+FFFE/U+FFFF. The bytes are valid UTF-8
    /// already (the page was decoded).
    private static func allPrintable(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] < 0xA0 { return false }
            if byte == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            if byte == 0xEF, i + 2 < bytes.endIndex,
               (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE) { return false }
            i += 1
        }
        return true
    }
}
