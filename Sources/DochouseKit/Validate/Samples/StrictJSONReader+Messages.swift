/// Errors of the strict JSON reader and the text helpers that word them.
extension StrictJSONParser {
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
