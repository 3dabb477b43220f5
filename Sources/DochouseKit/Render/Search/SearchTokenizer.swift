/// Cuts text into search terms the way the browser cuts a query (`tokens` and `stemToken` in
/// `templates/assets/search.js`): lower case, `ё` as `е`, runs of letters and digits (an apostrophe between
/// letters stays inside a word, a final `'s` goes), then Snowball's English stemmer for Latin words and its
/// Russian stemmer for Cyrillic ones. Any other word is kept as it is.
///
/// Two paths give the same words: text made only of ASCII, the basic Cyrillic block (U+0400-U+045F), `’` and
/// common punctuation (dashes, quotes, arrows), which is nearly all docs text, is cut on its UTF-8 bytes without building strings (`forEachWord`); any other
/// text goes through the general path on Unicode scalars (`scalarWords`), which also defines the behaviour.
enum SearchTokenizer {
    static func terms(_ text: String) -> [String] {
        words(text).map(stem)
    }

    /// The stem of one lowercased word. Pages reach it through `SearchStemTable`, which computes each word's
    /// stem once per process.
    static func stem(_ word: String) -> String {
        let scalars = word.unicodeScalars
        if scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "'" }) {
            return EnglishStemmer.stem(word)
        }
        if scalars.allSatisfy({ ("а"..."я").contains($0) || $0 == "ё" }) { return RussianStemmer.stem(word) }
        return word
    }

    /// The words of `text`, lowercased, before stemming.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text`, lowercased, in order. The buffer is only valid
    /// during the call.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var scratch = Scratch()
        forEachWord(in: text, scratch: &scratch, body)
    }

    /// Buffers `forEachWord` reuses from one text to the next (a page cuts a few dozen texts).
    struct Scratch {
        var codes: [UInt16] = []
        var word: [UInt8] = []
    }

    static func forEachWord(in text: String, scratch: inout Scratch, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Taken out of the scratch (so each buffer stays uniquely referenced) and put back at the end.
        var codes: [UInt16] = []
        var word: [UInt8] = []
        swap(&codes, &scratch.codes)
        swap(&word, &scratch.word)
        defer {
            scratch.codes = codes
            scratch.word = word
        }
        // Written through pointers into buffers sized up front: a folded text has at most one code per byte, and
        // a word's UTF-8 is never longer than the text it came from. (Appending element by element checked the
        // arrays' capacity and uniqueness on every byte: a third of cutting the words.)
        var text = text
        let byteCount = text.utf8.count
        if codes.count < byteCount { codes = [UInt16](repeating: 0, count: Swift.max(byteCount, 2 * codes.count)) }
        if word.count < byteCount { word = [UInt8](repeating: 0, count: Swift.max(byteCount, 2 * word.count)) }
        let folded = text.withUTF8 { source in
            codes.withUnsafeMutableBufferPointer { foldBasic(source, into: $0) }
        }
        guard let n = folded else {
            for word in scalarWords(text) {
                var word = word
                word.withUTF8 { body($0) }
            }
            return
        }
        codes.withUnsafeBufferPointer { codes in
            word.withUnsafeMutableBufferPointer { word in
                var i = 0
                while i < n {
                    guard isBasicWordCode(codes[i]) else { i += 1; continue }
                    var length = 0
                    var apostrophes = 0
                    while i < n {
                        let code = codes[i]
                        if isBasicWordCode(code) {
                            appendUTF8(code, to: word, at: &length)
                            i += 1
                        } else if code == 0x27, i + 1 < n, isBasicLetterCode(codes[i + 1]) {
                            word[length] = 0x27
                            length += 1
                            apostrophes += 1
                            i += 1
                            while i < n, isBasicLetterCode(codes[i]) { appendUTF8(codes[i], to: word, at: &length); i += 1 }
                            // After an apostrophe group only letters continue the word (as the JS pattern says).
                            if i < n, codes[i] == 0x27 { continue }
                            break
                        } else {
                            break
                        }
                    }
                    if length >= 2, word[length - 2] == 0x27, word[length - 1] == 0x73 {
                        length -= 2
                        apostrophes -= 1
                    }
                    if apostrophes > 0 {
                        var kept = 0
                        for index in 0..<length where word[index] != 0x27 {
                            word[kept] = word[index]
                            kept += 1
                        }
                        length = kept
                    }
                    if length > 0 { body(UnsafeBufferPointer(rebasing: word[0..<length])) }
                }
            }
        }
    }

    /// Lowercases and folds `text` into code points when every scalar is ASCII, basic Cyrillic or `’`:
    /// `A-Z` and Cyrillic capitals to lower case, `ё`/`Ё` to `е`, `’` to `'`. The number of codes written, or nil
    /// (and `codes` unusable) otherwise. `codes` must hold at least one code per byte of `text`.
    private static func foldBasic(_ text: UnsafeBufferPointer<UInt8>, into codes: UnsafeMutableBufferPointer<UInt16>) -> Int? {
        var count = 0
        var i = 0
        let n = text.count
        while i < n {
            let byte = text[i]
            if byte < 0x80 {
                codes[count] = byte >= 0x41 && byte <= 0x5A ? UInt16(byte) + 0x20 : UInt16(byte)
                i += 1
            } else if byte == 0xD0 || byte == 0xD1 {
                guard i + 1 < n else { return nil }
                let scalar = (UInt16(byte & 0x1F) << 6) | UInt16(text[i + 1] & 0x3F)
                switch scalar {
                case 0x400...0x40F: codes[count] = scalar == 0x401 ? 0x435 : scalar + 0x50
                case 0x410...0x42F: codes[count] = scalar + 0x20
                case 0x451: codes[count] = 0x435
                case 0x430...0x45F: codes[count] = scalar
                default: return nil
                }
                i += 2
            } else if byte == 0xC2 || byte == 0xC3 {
                // Latin-1 punctuation and signs that docs use between words: no-break space, «», §, ©, ®, °, ±, ·, ×, ÷.
                guard i + 1 < n else { return nil }
                let scalar = (UInt16(byte & 0x1F) << 6) | UInt16(text[i + 1] & 0x3F)
                switch scalar {
                case 0xA0, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xD7, 0xF7: codes[count] = 0x20
                default: return nil
                }
                i += 2
            } else if byte == 0xE2 {
                guard i + 2 < n else { return nil }
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
                switch scalar {
                case 0x2019: codes[count] = 0x27
                // General punctuation (dashes, quotes, ellipsis, spaces), the numero sign, arrows: never inside a word.
                case 0x2000...0x205E, 0x2116, 0x2190...0x21FF: codes[count] = 0x20
                default: return nil
                }
                i += 3
            } else {
                return nil
            }
            count += 1
        }
        return count
    }

    private static func isBasicLetterCode(_ code: UInt16) -> Bool {
        (code >= 0x61 && code <= 0x7A) || (code >= 0x400 && code <= 0x45F)
    }

    private static func isBasicWordCode(_ code: UInt16) -> Bool {
        isBasicLetterCode(code) || (code >= 0x30 && code <= 0x39)
    }

    private static func appendUTF8(_ code: UInt16, to bytes: UnsafeMutableBufferPointer<UInt8>, at length: inout Int) {
        if code < 0x80 {
            bytes[length] = UInt8(code)
            length += 1
        } else {
            bytes[length] = 0xC0 | UInt8(code >> 6)
            bytes[length + 1] = 0x80 | UInt8(code & 0x3F)
            length += 2
        }
    }

    /// The general path on Unicode scalars: any script, full Unicode lower case.
    static func scalarWords(_ text: String) -> [String] {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "’": scalars.append("'")
            case "ё": scalars.append("е")
            default: scalars.append(scalar)
            }
        }
        var words: [String] = []
        var i = 0
        while i < scalars.count {
            guard isWordScalar(scalars[i]) else { i += 1; continue }
            var word = String.UnicodeScalarView()
            while i < scalars.count {
                if isWordScalar(scalars[i]) {
                    word.append(scalars[i])
                    i += 1
                } else if scalars[i] == "'", i + 1 < scalars.count, isLetter(scalars[i + 1]) {
                    word.append(scalars[i])
                    i += 1
                    while i < scalars.count, isLetter(scalars[i]) { word.append(scalars[i]); i += 1 }
                    // After an apostrophe group only letters continue the word (as the JS pattern says).
                    if i < scalars.count, scalars[i] == "'" { continue }
                    break
                } else {
                    break
                }
            }
            var text = String(word)
            if text.hasSuffix("'s") { text.removeLast(2) }
            text.removeAll { $0 == "'" }
            if !text.isEmpty { words.append(text) }
        }
        return words
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        // Fast paths for the scripts of the docs; the general category decides the rest.
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x430...0x44F, 0x410...0x42F, 0x451, 0x401: return true
        case 0...0x7F: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x30...0x39).contains(scalar.value) || isLetter(scalar) }
        if isLetter(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
