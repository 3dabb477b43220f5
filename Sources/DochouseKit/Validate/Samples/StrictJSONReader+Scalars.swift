/// Scalars of the strict JSON reader: literals, numbers, strings and their escapes.
extension StrictJSONParser {
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
}
