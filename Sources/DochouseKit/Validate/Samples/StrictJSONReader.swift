/// A JSON syntax error: where the offending character stands in the sample's text, and what is wrong.
///
/// `position` uses the same convention as `SamplePosition` everywhere: 1-based line, 1-based column counted in
/// Unicode scalars. For errors caused by the input ending too early (an unterminated string, array or object,
/// or an empty input), it is the position just after the last character.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    var position: SamplePosition
    var message: String

    var description: String { "line \(position.line), column \(position.column): \(message)" }
}

/// A strict RFC 8259 JSON reader that keeps the position of every value and key.
///
/// It accepts exactly the JSON grammar: no comments, no trailing commas, no single quotes, no unquoted keys,
/// no NaN or Infinity, no leading zeros or `+` signs. On top of the RFC it rejects duplicate keys in one
/// object, lone surrogates in `\u` escapes, and nesting deeper than `maxDepth`. A byte-order mark at the very
/// start is skipped (it still counts as one column, being a scalar of the text).
///
/// Line breaks are LF, CR and CRLF (a CRLF is one line break), as in Markdown.
///
/// The reader works on the UTF-8 bytes without recursion (an explicit stack of open containers), so hostile
/// nesting costs one error, not a stack overflow.
enum StrictJSONReader {
    /// Parses the whole text as one JSON value. Positions are 1-based line and 1-based column counted in Unicode
    /// scalars (not bytes) within `text`.
    ///
    /// Scalars get style `.json`; numbers keep their exact source text; object members keep source order.
    /// Duplicate keys are compared with Swift `String` equality (canonical equivalence), the same comparison
    /// `SampleValue`'s key subscript uses, so no member can be hidden behind an equal-looking twin.
    static func read(_ text: String, maxDepth: Int = 512) -> Result<SampleValue, JSONSyntaxError> {
        var text = text
        return text.withUTF8 { bytes in
            var parser = StrictJSONParser(bytes: bytes, maxDepth: max(0, maxDepth))
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
    }
}

// MARK: - Parser

/// An array or object that has been opened and not yet closed.
private struct OpenContainer {
    let isObject: Bool
    /// Where its `[` or `{` stands.
    let open: SamplePosition
    var items: [SampleValue] = []
    var members: [SampleMember] = []
    /// The key whose value is being read (objects only).
    var pendingKey = ""
    var pendingKeyPosition = SamplePosition(line: 0, column: 0)
    /// Key to member index, built once an object grows past a few members (small objects scan linearly).
    var keyIndex: [String: Int]?

    init(isObject: Bool, open: SamplePosition) {
        self.isObject = isObject
        self.open = open
        // Most containers in samples are small; one allocation up front beats growing through 1, 2 and 4.
        if isObject { members.reserveCapacity(4) } else { items.reserveCapacity(4) }
    }

    var kindName: String { isObject ? "object" : "array" }
    var closer: String { isObject ? "}" : "]" }

    /// The position of an earlier member with this key, if any.
    mutating func earlierKeyPosition(_ key: String) -> SamplePosition? {
        if let keyIndex {
            return keyIndex[key].map { members[$0].keyPosition }
        }
        for member in members where member.key == key {
            return member.keyPosition
        }
        if members.count >= 8 {
            var index = [String: Int](minimumCapacity: members.count * 2)
            for (offset, member) in members.enumerated() where index[member.key] == nil {
                index[member.key] = offset
            }
            keyIndex = index
        }
        return nil
    }

    mutating func appendMember(_ value: SampleValue) {
        members.append(SampleMember(key: pendingKey, keyPosition: pendingKeyPosition, value: value))
        if keyIndex != nil, keyIndex?[pendingKey] == nil {
            keyIndex?[pendingKey] = members.count - 1
        }
    }
}

private extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let asterisk = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    var isDigit: Bool { self >= .zero && self <= .nine }
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    /// Letters, digits, `_` and `$`: the characters of an unquoted word such as `True`, `NaN` or a bare key.
    var isWordCharacter: Bool { isASCIILetter || isDigit || self == UInt8(ascii: "_") || self == UInt8(ascii: "$") }
    /// Characters that, right after a number, show the number itself is malformed (`1.5.3`, `0x1F`, `1-2`, `12px`).
    var continuesNumber: Bool { isWordCharacter || self == .dot || self == .plus || self == .minus }
    var isContinuationByte: Bool { self & 0xC0 == 0x80 }
}

private struct StrictJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    /// The byte offset of the next unread byte, and its line and scalar column.
    var index = 0
    var line = 1
    var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    var here: SamplePosition { SamplePosition(line: line, column: column) }

    /// Moves past one ASCII byte on the current line.
    @inline(__always)
    mutating func advanceASCII() {
        index += 1
        column += 1
    }

    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case .space, .tab:
                index += 1
                column += 1
            case .lineFeed:
                index += 1
                line += 1
                column = 1
            case .carriageReturn:
                index += 1
                if index < count, bytes[index] == .lineFeed { index += 1 }
                line += 1
                column = 1
            default:
                return
            }
        }
    }

    // MARK: Document and containers

    mutating func parseDocument() throws(JSONSyntaxError) -> SampleValue {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            column = 2
        }
        skipWhitespace()
        var stack: [OpenContainer] = []
        var value: SampleValue

        parsing: while true {
            // A value starts at `index`; whitespace is already skipped.
            guard index < count else { throw endOfInputBeforeValue(in: stack.last) }
            let byte = bytes[index]
            if byte == .openBrace || byte == .openBracket {
                let open = here
                if stack.count >= maxDepth {
                    throw JSONSyntaxError(position: open, message:
                        "nesting is too deep: more than \(maxDepth) levels of arrays and objects; flatten the document")
                }
                advanceASCII()
                skipWhitespace()
                if byte == .openBrace {
                    if index < count, bytes[index] == .closeBrace {
                        advanceASCII()
                        value = SampleValue(kind: .object([]), position: open)
                    } else {
                        stack.append(OpenContainer(isObject: true, open: open))
                        try readKey(into: &stack[stack.count - 1])
                        continue parsing
                    }
                } else {
                    if index < count, bytes[index] == .closeBracket {
                        advanceASCII()
                        value = SampleValue(kind: .array([]), position: open)
                    } else {
                        stack.append(OpenContainer(isObject: false, open: open))
                        continue parsing
                    }
                }
            } else {
                value = try readScalar(in: stack)
            }

            // Hand the finished value to its container, closing containers as far as the text closes them.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    stack[top].appendMember(value)
                } else {
                    stack[top].items.append(value)
                }
                guard index < count else { throw unterminated(stack[top]) }
                let byte = bytes[index]
                if byte == .comma {
                    let comma = here
                    advanceASCII()
                    skipWhitespace()
                    if index < count, bytes[index] == .closeBracket || bytes[index] == .closeBrace {
                        let closer = bytes[index] == .closeBracket ? "]" : "}"
                        throw JSONSyntaxError(position: comma, message:
                            "trailing comma before '\(closer)'; JSON does not allow it, remove the ','")
                    }
                    if stack[top].isObject { try readKey(into: &stack[top]) }
                    continue parsing
                }
                if byte == (stack[top].isObject ? .closeBrace : .closeBracket) {
                    advanceASCII()
                    let finished = stack.removeLast()
                    value = finished.isObject
                        ? SampleValue(kind: .object(finished.members), position: finished.open)
                        : SampleValue(kind: .array(finished.items), position: finished.open)
                    continue
                }
                throw unexpectedAfterItem(in: stack[top])
            }

            skipWhitespace()
            if index < count {
                if let comment = commentError() { throw comment }
                throw JSONSyntaxError(position: here, message:
                    "unexpected text after the JSON value (found \(describeCharacter())); a JSON document holds exactly one value")
            }
            return value
        }
    }

    /// Reads `"key"`, checks it is new, and moves past the `:` to where the value starts.
    mutating func readKey(into container: inout OpenContainer) throws(JSONSyntaxError) {
        guard index < count else { throw unterminated(container) }
        guard bytes[index] == .quote else { throw keyExpected() }
        let position = here
        let key = try readString()
        if let first = container.earlierKeyPosition(key) {
            throw JSONSyntaxError(position: position, message:
                "duplicate key \(quoted(key)) in this object (first defined on line \(first.line), column \(first.column)); JSON readers disagree on which value wins, keep only one")
        }
        container.pendingKey = key
        container.pendingKeyPosition = position
        skipWhitespace()
        guard index < count else { throw unterminated(container) }
        guard bytes[index] == .colon else {
            if let comment = commentError() { throw comment }
            throw JSONSyntaxError(position: here, message:
                "missing ':' after the key \(quoted(key)) (found \(describeCharacter())); JSON separates a key from its value with ':'")
        }
        advanceASCII()
        skipWhitespace()
    }

    // MARK: Scalars

    /// Reads the string, number or literal at `index`; `stack` (borrowed, not copied) names the context for messages.
    mutating func readScalar(in stack: [OpenContainer]) throws(JSONSyntaxError) -> SampleValue {
        let position = here
        let byte = bytes[index]
        switch byte {
        case .quote:
            let string = try readString()
            return SampleValue(kind: .string(string), position: position, style: .json)
        case .minus, .zero ... .nine:
            return try readNumber()
        case _ where byte.isWordCharacter:
            return try readWord()
        case .apostrophe:
            throw JSONSyntaxError(position: position, message:
                "single-quoted strings are not allowed in JSON; use double quotes (\")")
        case .plus where index + 1 < count && (bytes[index + 1].isDigit || bytes[index + 1] == .dot):
            let token = numberToken(from: index)
            throw JSONSyntaxError(position: position, message:
                "invalid number '\(token)': JSON numbers cannot start with '+'; write \(token.dropFirst())")
        case .dot where index + 1 < count && bytes[index + 1].isDigit:
            let token = numberToken(from: index)
            throw JSONSyntaxError(position: position, message:
                "invalid number '\(token)': a digit must come before the decimal point; write 0\(token)")
        default:
            if let comment = commentError() { throw comment }
            if byte == .comma || byte == .colon || byte == .closeBrace || byte == .closeBracket {
                if let container = stack.last, container.isObject {
                    throw JSONSyntaxError(position: position, message:
                        "expected a value for the key \(quoted(container.pendingKey)), found '\(Character(Unicode.Scalar(byte)))'")
                }
                throw JSONSyntaxError(position: position, message:
                    "expected a JSON value, found '\(Character(Unicode.Scalar(byte)))'")
            }
            throw JSONSyntaxError(position: position, message:
                "unexpected character \(describeCharacter()); expected a JSON value (object, array, string, number, true, false or null)\(whitespaceHint())")
        }
    }

    /// Reads `true`, `false` or `null`, or explains why the word at `index` is not one.
    mutating func readWord() throws(JSONSyntaxError) -> SampleValue {
        let position = here
        let word = wordToken(from: index)
        let length = word.utf8.count
        switch word {
        case "true", "false":
            index += length
            column += length
            return SampleValue(kind: .bool(word == "true"), position: position, style: .json)
        case "null":
            index += length
            column += length
            return SampleValue(kind: .null, position: position, style: .json)
        default:
            break
        }
        let shown = abbreviated(word)
        let lower = word.lowercased()
        let message: String
        if ["true", "false", "null"].contains(lower) {
            message = "'\(shown)' is not a JSON value; JSON literals are lowercase: write \(lower)"
        } else if ["nan", "infinity", "inf"].contains(lower) {
            message = "'\(shown)' is not a JSON value; JSON has no NaN or Infinity, use null or a string"
        } else if ["undefined", "none", "nil"].contains(lower) {
            message = "'\(shown)' is not a JSON value; write null"
        } else if let near = NearMiss.closest(to: word, among: ["true", "false", "null"]) {
            message = "'\(shown)' is not a JSON value; did you mean \(near)?"
        } else {
            message = "'\(shown)' is not a JSON value; strings must be in double quotes: \"\(shown)\""
        }
        throw JSONSyntaxError(position: position, message: message)
    }

    /// Reads a number per RFC 8259 §6 and keeps its source text.
    mutating func readNumber() throws(JSONSyntaxError) -> SampleValue {
        let start = index
        let startPosition = here
        // Numbers are ASCII, so a byte offset from `start` is a column offset from `startPosition`.
        func position(_ offset: Int) -> SamplePosition {
            SamplePosition(line: startPosition.line, column: startPosition.column + offset - start)
        }
        var i = start
        if bytes[i] == .minus { i += 1 }
        guard i < count else {
            throw JSONSyntaxError(position: position(i), message: "invalid number '-': a digit must follow '-'")
        }
        let first = bytes[i]
        if first == .zero {
            i += 1
            if i < count, bytes[i].isDigit {
                let token = numberToken(from: start)
                var message = "invalid number '\(token)': leading zeros are not allowed in JSON"
                if let fixed = withoutLeadingZeros(token) { message += "; write \(fixed), or quote the value if it is an identifier" }
                throw JSONSyntaxError(position: position(i - 1), message: message)
            }
            if i < count, bytes[i] | 0x20 == UInt8(ascii: "x") {
                throw JSONSyntaxError(position: startPosition, message:
                    "invalid number '\(numberToken(from: start))': hexadecimal numbers are not allowed in JSON; write the value in decimal")
            }
        } else if first.isDigit {
            i += 1
            while i < count, bytes[i].isDigit { i += 1 }
        } else {
            if first.isWordCharacter {
                let word = wordToken(from: i)
                if ["infinity", "inf", "nan"].contains(word.lowercased()) {
                    throw JSONSyntaxError(position: startPosition, message:
                        "'-\(abbreviated(word))' is not a JSON value; JSON has no NaN or Infinity, use null or a string")
                }
            }
            throw JSONSyntaxError(position: position(i), message:
                "invalid number '\(numberToken(from: start))': a digit must follow '-'")
        }
        if i < count, bytes[i] == .dot {
            i += 1
            guard i < count, bytes[i].isDigit else {
                let token = numberToken(from: start)
                let hint = token.hasSuffix(".") ? "; write \(token)0 or \(token.dropLast())" : ""
                throw JSONSyntaxError(position: position(i), message:
                    "invalid number '\(token)': a digit must follow the decimal point\(hint)")
            }
            while i < count, bytes[i].isDigit { i += 1 }
        }
        if i < count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count, bytes[i] == .plus || bytes[i] == .minus { i += 1 }
            guard i < count, bytes[i].isDigit else {
                throw JSONSyntaxError(position: position(i), message:
                    "invalid number '\(numberToken(from: start))': the exponent needs at least one digit (as in 1e5 or 2.5E-3)")
            }
            while i < count, bytes[i].isDigit { i += 1 }
        }
        if i < count, bytes[i].continuesNumber {
            throw JSONSyntaxError(position: position(i), message:
                "invalid number '\(numberToken(from: start))'; a JSON number looks like 42, -1.5 or 2.5e-3 (quote the value if it is text)")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< i]), as: UTF8.self)
        column += i - start
        index = i
        return SampleValue(kind: .number(text), position: startPosition, style: .json)
    }

    // MARK: Strings

    /// Reads a string whose opening quote is at `index` and returns its decoded text.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let open = here
        advanceASCII()
        let start = index
        // Fast path: no escapes, so the text is the bytes themselves.
        var i = index
        var scalarColumn = column
        while i < count {
            let byte = bytes[i]
            if byte == .quote {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< i]), as: UTF8.self)
                index = i + 1
                column = scalarColumn + 1
                return string
            }
            if byte == .backslash || byte < 0x20 { break }
            if !byte.isContinuationByte { scalarColumn += 1 }
            i += 1
        }
        index = i
        column = scalarColumn

        var buffer: [UInt8] = []
        buffer.reserveCapacity(i - start + 16)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< i]))
        while index < count {
            let byte = bytes[index]
            if byte == .quote {
                advanceASCII()
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == .backslash {
                try readEscape(into: &buffer, stringOpenedAt: open)
                continue
            }
            if byte < 0x20 { throw controlCharacterInString(byte, stringOpenedAt: open) }
            buffer.append(byte)
            if !byte.isContinuationByte { column += 1 }
            index += 1
        }
        throw unterminatedString(openedAt: open)
    }

    /// Reads one escape sequence whose backslash is at `index`, appending its UTF-8 to `buffer`.
    mutating func readEscape(into buffer: inout [UInt8], stringOpenedAt open: SamplePosition) throws(JSONSyntaxError) {
        let escape = here
        guard index + 1 < count else { throw unterminatedString(openedAt: open) }
        let simple: UInt8
        switch bytes[index + 1] {
        case .quote: simple = .quote
        case .backslash: simple = .backslash
        case .slash: simple = .slash
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = .lineFeed
        case UInt8(ascii: "r"): simple = .carriageReturn
        case UInt8(ascii: "t"): simple = .tab
        case UInt8(ascii: "u"):
            try readUnicodeEscape(into: &buffer, at: escape, stringOpenedAt: open)
            return
        default:
            let next = index + 1
            let shown = bytes[next] >= 0x21 && bytes[next] <= 0x7E
                ? "'\\\(Character(Unicode.Scalar(bytes[next])))'"
                : "'\\' followed by \(describeCharacter(at: next))"
            let hint = bytes[next] == .apostrophe ? " (a single quote needs no escape)" : ""
            throw JSONSyntaxError(position: escape, message:
                "invalid escape \(shown) in a string\(hint); JSON allows only \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX")
        }
        buffer.append(simple)
        index += 2
        column += 2
    }

    /// Reads `\uXXXX`, or a `\uXXXX\uXXXX` surrogate pair, as one scalar.
    mutating func readUnicodeEscape(into buffer: inout [UInt8], at escape: SamplePosition,
                                    stringOpenedAt open: SamplePosition) throws(JSONSyntaxError) {
        let unit = try hexQuad(at: index + 2, escape: escape, stringOpenedAt: open)
        var scalar = unit
        var length = 6
        if (0xD800 ... 0xDBFF).contains(unit) {
            let next = index + 6
            var low: UInt32?
            if next + 1 < count, bytes[next] == .backslash, bytes[next + 1] == UInt8(ascii: "u") {
                let nextEscape = SamplePosition(line: escape.line, column: escape.column + 6)
                low = try hexQuad(at: next + 2, escape: nextEscape, stringOpenedAt: open)
            }
            guard let low, (0xDC00 ... 0xDFFF).contains(low) else {
                throw JSONSyntaxError(position: escape, message:
                    "lone high surrogate \(sourceText(index, 6)) in a string: it must be followed by a low surrogate escape \\uDC00–\\uDFFF; write the character itself or its full surrogate pair")
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            length = 12
        } else if (0xDC00 ... 0xDFFF).contains(unit) {
            throw JSONSyntaxError(position: escape, message:
                "lone low surrogate \(sourceText(index, 6)) in a string: it must follow a high surrogate escape \\uD800–\\uDBFF; write the character itself or its full surrogate pair")
        }
        appendUTF8(scalar, to: &buffer)
        index += length
        column += length
    }

    /// The value of the four hex digits at `offset`, the digits of the `\u` escape at `escape`.
    func hexQuad(at offset: Int, escape: SamplePosition, stringOpenedAt open: SamplePosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for i in offset ..< offset + 4 {
            guard i < count else { throw unterminatedString(openedAt: open) }
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case .zero ... .nine: digit = byte - .zero
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONSyntaxError(position: escape, message:
                    "invalid \\u escape: \\u must be followed by exactly 4 hexadecimal digits (0-9, a-f, A-F)")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0 ..< 0x80:
            buffer.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800 ..< 0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Errors

    func endOfInputBeforeValue(in container: OpenContainer?) -> JSONSyntaxError {
        guard let container else {
            return JSONSyntaxError(position: here, message: "empty input: expected a JSON value")
        }
        return unterminated(container)
    }

    func unterminated(_ container: OpenContainer) -> JSONSyntaxError {
        JSONSyntaxError(position: endPosition(), message:
            "unterminated \(container.kindName): the input ended before the closing '\(container.closer)' (the \(container.kindName) opened at line \(container.open.line), column \(container.open.column))")
    }

    func unterminatedString(openedAt open: SamplePosition) -> JSONSyntaxError {
        JSONSyntaxError(position: endPosition(), message:
            "unterminated string: the input ended before the closing '\"' (the string opened at line \(open.line), column \(open.column))")
    }

    func controlCharacterInString(_ byte: UInt8, stringOpenedAt open: SamplePosition) -> JSONSyntaxError {
        if byte == .lineFeed || byte == .carriageReturn {
            return JSONSyntaxError(position: here, message:
                "unterminated string: line break inside a string (the string opened at line \(open.line), column \(open.column)); close the string with '\"' or write the line break as \\n")
        }
        let escape: String
        switch byte {
        case .tab: escape = "\\t"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        default: escape = "\\u" + hex4(UInt32(byte))
        }
        return JSONSyntaxError(position: here, message:
            "control character \(describeCharacter()) must be escaped in a string; write \(escape)")
    }

    /// The error for a character where an object key should start (after `{` or `,`).
    func keyExpected() -> JSONSyntaxError {
        if let comment = commentError() { return comment }
        let byte = bytes[index]
        if byte == .apostrophe {
            return JSONSyntaxError(position: here, message:
                "object keys must be in double quotes; JSON does not allow single-quoted keys")
        }
        if byte.isWordCharacter || byte == .minus {
            var end = index
            while end < count, bytes[end].isWordCharacter || bytes[end] == .minus { end += 1 }
            let word = abbreviated(String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< end]), as: UTF8.self))
            return JSONSyntaxError(position: here, message:
                "unquoted key \(word): object keys must be in double quotes; write \"\(word)\"")
        }
        return JSONSyntaxError(position: here, message:
            "expected an object key in double quotes, found \(describeCharacter())\(whitespaceHint())")
    }

    /// The error for a character after an array element or object member that is neither ',' nor the closer.
    func unexpectedAfterItem(in container: OpenContainer) -> JSONSyntaxError {
        if let comment = commentError() { return comment }
        let byte = bytes[index]
        let opened = "line \(container.open.line), column \(container.open.column)"
        if byte == .closeBrace || byte == .closeBracket {
            return JSONSyntaxError(position: here, message:
                "'\(Character(Unicode.Scalar(byte)))' does not close the \(container.kindName) opened at \(opened); close it with '\(container.closer)'")
        }
        let startsValue = byte == .quote || byte == .openBrace || byte == .openBracket || byte == .minus
            || byte.isWordCharacter || byte == .apostrophe
        if startsValue {
            let between = container.isObject ? "object members" : "array elements"
            return JSONSyntaxError(position: here, message:
                "missing ',' between \(between); add ',' before this \(container.isObject ? "member" : "value")")
        }
        return JSONSyntaxError(position: here, message:
            "expected ',' or '\(container.closer)' after \(container.isObject ? "an object member" : "an array element"), found \(describeCharacter())\(whitespaceHint())")
    }

    /// A comment error if `//` or `/*` starts at `index`.
    func commentError() -> JSONSyntaxError? {
        guard index + 1 < count, bytes[index] == .slash else { return nil }
        switch bytes[index + 1] {
        case .slash:
            return JSONSyntaxError(position: here, message: "comments are not allowed in JSON; remove the '//' comment")
        case .asterisk:
            return JSONSyntaxError(position: here, message: "comments are not allowed in JSON; remove the '/* */' comment")
        default:
            return nil
        }
    }

    // MARK: Text helpers

    /// The position just past the end of the input, counted on from the current position.
    func endPosition() -> SamplePosition {
        var line = self.line
        var column = self.column
        var i = index
        while i < count {
            let byte = bytes[i]
            if byte == .lineFeed {
                line += 1
                column = 1
            } else if byte == .carriageReturn {
                if i + 1 < count, bytes[i + 1] == .lineFeed { i += 1 }
                line += 1
                column = 1
            } else if !byte.isContinuationByte {
                column += 1
            }
            i += 1
        }
        return SamplePosition(line: line, column: column)
    }

    /// The scalar whose UTF-8 starts at `offset` (the text is valid UTF-8, being a Swift string).
    func scalar(at offset: Int) -> Unicode.Scalar {
        var end = offset + 1
        while end < count, bytes[end].isContinuationByte { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< end]), as: UTF8.self)
        return text.unicodeScalars.first ?? "\u{FFFD}"
    }

    /// The character at `offset` for a message: `'x'`, or its code point and name when it is invisible.
    func describeCharacter(at offset: Int? = nil) -> String {
        let scalar = scalar(at: offset ?? index)
        let code = "U+" + hex4(scalar.value)
        let names: [UInt32: String] = [
            0x00: "NUL", 0x08: "backspace", 0x09: "tab", 0x0A: "line feed", 0x0B: "vertical tab", 0x0C: "form feed",
            0x0D: "carriage return", 0x1B: "escape", 0x20: "space", 0x7F: "delete", 0xA0: "no-break space",
            0x200B: "zero width space", 0x2028: "line separator", 0x2029: "paragraph separator",
            0x3000: "ideographic space", 0xFEFF: "byte order mark",
        ]
        if let name = names[scalar.value] { return "\(code) (\(name))" }
        switch scalar.value {
        case 0x21 ... 0x7E:
            return "'\(Character(scalar))'"
        case 0x201C, 0x201D, 0x2018, 0x2019:
            return "'\(Character(scalar))' (\(code), a typographic quote; JSON needs straight double quotes \")"
        default:
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format {
                return code
            }
            return "'\(Character(scalar))' (\(code))"
        }
    }

    /// A hint when the character at `index` is whitespace that JSON does not accept.
    func whitespaceHint() -> String {
        guard index < count else { return "" }
        let scalar = scalar(at: index)
        if scalar.properties.isWhitespace || scalar.value == 0xFEFF || scalar.value == 0x200B {
            return "; JSON whitespace is only space, tab, line feed and carriage return"
        }
        return ""
    }

    /// The run of characters from `offset` that reads as one (malformed) number, for messages.
    func numberToken(from offset: Int) -> String {
        var end = offset
        while end < count, end - offset < 40, bytes[end].continuesNumber { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< end]), as: UTF8.self)
    }

    /// The word (letters, digits, `_`, `$`) from `offset`.
    func wordToken(from offset: Int) -> String {
        var end = offset
        while end < count, bytes[end].isWordCharacter { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< end]), as: UTF8.self)
    }

    func sourceText(_ offset: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< min(count, offset + length)]), as: UTF8.self)
    }

    func abbreviated(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// A key in double quotes for a message, with quotes and backslashes escaped.
    func quoted(_ key: String) -> String {
        var result = "\""
        for scalar in abbreviated(key).unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += "\\u" + hex4(scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `012` → `12`, `-00` → `-0`, `00.5` → `0.5`; nil when the token is not digits with an optional sign and fraction.
    func withoutLeadingZeros(_ token: String) -> String? {
        var sign = ""
        var rest = Substring(token)
        if rest.hasPrefix("-") {
            sign = "-"
            rest = rest.dropFirst()
        }
        guard rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), rest.filter({ $0 == "." }).count <= 1 else {
            return nil
        }
        var digits = rest.drop(while: { $0 == "0" })
        if digits.isEmpty || digits.first == "." { digits = "0" + digits }
        return sign + digits
    }
}

private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
