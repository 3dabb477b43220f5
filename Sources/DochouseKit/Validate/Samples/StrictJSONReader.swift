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
struct OpenContainer {
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

/// Bytes and byte classes of the JSON grammar (shared by the reader's files).
extension UInt8 {
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

/// The reader's state; scalars (`+Scalars`) and messages (`+Messages`) are extensions in their own files.
struct StrictJSONParser {
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
}
