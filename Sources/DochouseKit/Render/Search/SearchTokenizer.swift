/// Cuts text into search terms the way the browser cuts a query (`tokens` and `stemToken` in
/// `templates/assets/search.js`): lower case, `ё` as `е`, runs of letters and digits (an apostrophe between
/// letters stays inside a word, a final `'s` goes), then Snowball's English stemmer for Latin words and its
/// Russian stemmer for Cyrillic ones. Any other word is kept as it is.
enum SearchTokenizer {
    static func terms(_ text: String) -> [String] {
        words(text).map(stem)
    }

    static func stem(_ word: String) -> String {
        if let known = StemCache.shared.lookup(word) { return known }
        let stem = computeStem(word)
        StemCache.shared.store(word, stem)
        return stem
    }

    private static func computeStem(_ word: String) -> String {
        let scalars = word.unicodeScalars
        if scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "'" }) {
            return EnglishStemmer.stem(word)
        }
        if scalars.allSatisfy({ ("а"..."я").contains($0) || $0 == "ё" }) { return RussianStemmer.stem(word) }
        return word
    }

    /// The words of `text`, lowercased, before stemming.
    static func words(_ text: String) -> [String] {
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
