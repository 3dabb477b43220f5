/// Decodes file bytes as UTF-8 text, or tells where the first invalid byte is.
enum UTF8Decoder {
    struct InvalidByte: Error, Equatable {
        /// 0-based offset of the first byte that is not part of a valid UTF-8 sequence.
        var offset: Int
        var line: Int
        var column: Int
    }

    /// The text with a leading byte-order mark removed, or the position of the first invalid byte.
    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        // The standard library validates while it copies (one pass); the byte-by-byte scan only runs to say where
        // the first invalid byte is.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidOffset(bytes) ?? 0
            let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
            return .failure(InvalidByte(offset: offset, line: line, column: column))
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return .success(text)
    }

    /// The 1-based line and character column of a byte offset (the offset's own byte need not be valid).
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
