/// Snowball's Russian stemmer (snowballstem.org, `russian.sbl` as shipped in libstemmer 2.2), written out by hand.
///
/// The search index is stemmed here and the query in the browser by `templates/assets/search.js`, which carries
/// the same algorithm line for line; `Tests/DochouseKitTests/Fixtures/stemmer/russian.tsv` holds libstemmer's own
/// output for a word list, and both implementations are tested against it (Swift in `swift test`, JS in
/// `scripts/site-gates`). Input is expected in lower case. Every deletion is at the end of the word, so the word
/// is an array of scalars that only ever shrinks from the right.
enum RussianStemmer {
    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]
    typealias Suffixes = [[Unicode.Scalar]]
    private static func list(_ words: [String]) -> Suffixes { words.map { Array($0.unicodeScalars) } }
    private static let reflexive = list(["ся", "сь"])
    private static let gerundAfterAOrYa = list(["в", "вши", "вшись"])
    private static let gerunds = gerundAfterAOrYa + list(["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"])
    private static let participlesAfterAOrYa = list(["ем", "нн", "вш", "ющ", "щ"])
    private static let participles = participlesAfterAOrYa + list(["ивш", "ывш", "ующ"])
    private static let derivational = list(["ост", "ость"])
    private static let tidy = list(["ейш", "ейше", "н", "ь"])
    private static let finalI = list(["и"])

    static func stem(_ word: String) -> String {
        var w = word.unicodeScalars.map { $0 == "ё" ? "е" : $0 }
        // RV starts after the first vowel; R2 as in the Snowball description.
        let isVowel = { (s: Unicode.Scalar) in vowels.contains(s) }
        let pV = goPast(isVowel, in: w, from: 0) ?? w.count
        var p2 = w.count
        if let r1 = goPast({ !isVowel($0) }, in: w, from: pV), let vowel = goPast(isVowel, in: w, from: r1),
           let r2 = goPast({ !isVowel($0) }, in: w, from: vowel) {
            p2 = r2
        }
        var word = SuffixWord(scalars: w, limit: pV)
        if !perfectiveGerund(&word) {
            _ = word.removeLongest(of: reflexive)
            if !adjectival(&word), !verb(&word) { _ = word.removeLongest(of: nouns) }
        }
        _ = word.removeLongest(of: finalI)
        // Derivational: `ост`, `ость` when they lie in R2.
        if let suffix = word.longestSuffix(of: derivational), word.scalars.count - suffix.count >= p2 {
            word.drop(suffix.count)
        }
        tidyUp(&word)
        w = word.scalars
        return String(String.UnicodeScalarView(w))
    }

    /// Snowball's `gopast`: the position just after the first scalar at or after `start` that satisfies `test`.
    static func goPast(_ test: (Unicode.Scalar) -> Bool, in w: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < w.count {
            if test(w[i]) { return i + 1 }
            i += 1
        }
        return nil
    }

    private static func perfectiveGerund(_ word: inout SuffixWord) -> Bool {
        guard let suffix = word.longestSuffix(of: gerunds) else { return false }
        if gerundAfterAOrYa.contains(suffix) { return word.removeAfterAOrYa(suffix) }
        word.drop(suffix.count)
        return true
    }

    private static let adjectives = list(["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым",
                                     "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"])

    private static func adjectival(_ word: inout SuffixWord) -> Bool {
        guard word.removeLongest(of: adjectives) else { return false }
        if let suffix = word.longestSuffix(of: participles) {
            if participlesAfterAOrYa.contains(suffix) { _ = word.removeAfterAOrYa(suffix) } else { word.drop(suffix.count) }
        }
        return true
    }

    private static let verbsAfterAOrYa = list(["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют",
                                          "ны", "ть", "ешь", "нно"])
    private static let verbs = verbsAfterAOrYa + list(["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им",
                                "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть",
                                "ишь", "ую", "ю"])

    private static func verb(_ word: inout SuffixWord) -> Bool {
        guard let suffix = word.longestSuffix(of: verbs) else { return false }
        if verbsAfterAOrYa.contains(suffix) { return word.removeAfterAOrYa(suffix) }
        word.drop(suffix.count)
        return true
    }

    private static let nouns = list(["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей",
                                "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях",
                                "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"])

    private static func tidyUp(_ word: inout SuffixWord) {
        guard let suffix = word.longestSuffix(of: tidy) else { return }
        switch suffix {
        case ["н"]:
            if word.endsWithDoubled("н") { word.drop(1) }
        case ["ь"]:
            word.drop(1)
        default:
            word.drop(suffix.count)
            if word.endsWithDoubled("н") { word.drop(1) }
        }
    }
}

/// A word being stemmed from the right, with the left limit (the start of RV) no suffix may cross.
struct SuffixWord {
    var scalars: [Unicode.Scalar]
    var limit: Int

    /// The longest of `suffixes` the word ends with inside the limit (Snowball's `among`).
    func longestSuffix(of suffixes: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar]?
        for suffix in suffixes {
            guard suffix.count > (best?.count ?? 0), scalars.count - suffix.count >= limit,
                  scalars.suffix(suffix.count).elementsEqual(suffix) else { continue }
            best = suffix
        }
        return best
    }

    mutating func drop(_ count: Int) { scalars.removeLast(count) }

    /// Removes the longest matching suffix; false when none matches.
    mutating func removeLongest(of suffixes: [[Unicode.Scalar]]) -> Bool {
        guard let suffix = longestSuffix(of: suffixes) else { return false }
        drop(suffix.count)
        return true
    }

    /// Removes `suffix` when the letter before it (inside the limit) is `а` or `я`.
    mutating func removeAfterAOrYa(_ suffix: [Unicode.Scalar]) -> Bool {
        let before = scalars.count - suffix.count - 1
        guard before >= limit, scalars[before] == "а" || scalars[before] == "я" else { return false }
        drop(suffix.count)
        return true
    }

    /// Whether the word ends with the letter twice, both inside the limit.
    func endsWithDoubled(_ letter: Unicode.Scalar) -> Bool {
        scalars.count - 2 >= limit && scalars[scalars.count - 1] == letter && scalars[scalars.count - 2] == letter
    }
}
