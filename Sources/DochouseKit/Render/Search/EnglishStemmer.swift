/// Snowball's English stemmer ("Porter2", `english.sbl` as shipped in libstemmer 2.2), written out by hand.
///
/// Mirrored line for line by `templates/assets/search.js`; both are tested against libstemmer's output in
/// `Tests/DochouseKitTests/Fixtures/stemmer/english.tsv`. Input is expected in lower case.
enum EnglishStemmer {
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    private static let afterStep1a: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    static func stem(_ input: String) -> String {
        if let exception = exceptions[input] { return exception }
        var w = Array(input.unicodeScalars)
        guard w.count > 2 else { return input }
        // Prelude.
        if w.first == "'" { w.removeFirst() }
        var yFound = false
        if w.first == "y" { w[0] = "Y"; yFound = true }
        if w.count > 1 {
            for i in 1..<w.count where w[i] == "y" && isVowel(w[i - 1]) {
                w[i] = "Y"
                yFound = true
            }
        }
        // Regions.
        var p1 = w.count
        var p2 = w.count
        var r1Start: Int?
        for prefix in ["gener", "commun", "arsen"] where w.starts(with: prefix.unicodeScalars) {
            r1Start = prefix.unicodeScalars.count
        }
        if r1Start == nil, let v = goPast(isVowel, in: w, from: 0) { r1Start = goPast({ !isVowel($0) }, in: w, from: v) }
        if let r1 = r1Start {
            p1 = r1
            if let v = goPast(isVowel, in: w, from: r1), let r2 = goPast({ !isVowel($0) }, in: w, from: v) { p2 = r2 }
        }
        var word = Word(s: w, p1: p1, p2: p2)
        word.step1a()
        if !afterStep1a.contains(String(String.UnicodeScalarView(word.s))) {
            word.step1b()
            word.step1c()
            word.step2()
            word.step3()
            word.step4()
            word.step5()
        }
        if yFound { word.s = word.s.map { $0 == "Y" ? "y" : $0 } }
        return String(String.UnicodeScalarView(word.s))
    }

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "i" || c == "o" || c == "u" || c == "y"
    }

    static func goPast(_ test: (Unicode.Scalar) -> Bool, in w: [Unicode.Scalar], from start: Int) -> Int? {
        RussianStemmer.goPast(test, in: w, from: start)
    }

    /// The word during the backward steps, with its regions R1 and R2.
    private struct Word {
        var s: [Unicode.Scalar]
        let p1: Int
        let p2: Int

        func longest(_ suffixes: [String]) -> String? {
            var best: String?
            var bestCount = -1
            for suffix in suffixes {
                // Suffixes are ASCII, so UTF-8 bytes stand for scalars one to one.
                let count = suffix.utf8.count
                guard count > bestCount, s.count >= count else { continue }
                var matches = true
                var i = s.count - count
                for byte in suffix.utf8 {
                    if s[i].value != UInt32(byte) { matches = false; break }
                    i += 1
                }
                if matches {
                    best = suffix
                    bestCount = count
                }
            }
            return best
        }

        func start(of suffix: String) -> Int { s.count - suffix.utf8.count }

        mutating func replace(_ suffix: String, with replacement: String) {
            s.removeLast(suffix.utf8.count)
            s.append(contentsOf: replacement.unicodeScalars)
        }

        func hasVowel(before end: Int) -> Bool { s[..<max(0, end)].contains(where: EnglishStemmer.isVowel) }

        /// Snowball's `shortv` at position `end` (the scalars before `end`): non-vowel-WXY, vowel, non-vowel
        /// reading backwards; or non-vowel, vowel at the very start.
        func endsInShortSyllable(_ end: Int) -> Bool {
            guard end >= 2 else { return false }
            let last = s[end - 1], middle = s[end - 2]
            guard !EnglishStemmer.isVowel(last), EnglishStemmer.isVowel(middle) else { return false }
            if end == 2 { return true }
            let first = s[end - 3]
            return !EnglishStemmer.isVowel(first) && last != "w" && last != "x" && last != "Y"
        }

        mutating func step1a() {
            if let apostrophe = longest(["'", "'s", "'s'"]) { replace(apostrophe, with: "") }
            guard let suffix = longest(["sses", "ied", "ies", "s", "us", "ss"]) else { return }
            switch suffix {
            case "sses": replace(suffix, with: "ss")
            case "ied", "ies": replace(suffix, with: start(of: suffix) >= 2 ? "i" : "ie")
            case "s": if hasVowel(before: start(of: suffix) - 1) { replace(suffix, with: "") }
            default: break
            }
        }

        mutating func step1b() {
            guard let suffix = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
            if suffix == "eed" || suffix == "eedly" {
                if start(of: suffix) >= p1 { replace(suffix, with: "ee") }
                return
            }
            guard hasVowel(before: start(of: suffix)) else { return }
            replace(suffix, with: "")
            if let ending = longest(["at", "bl", "iz"]) {
                _ = ending
                s.append("e")
            } else if let _ = longest(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]) {
                s.removeLast()
            } else if s.count == p1, endsInShortSyllable(s.count) {
                s.append("e")
            }
        }

        mutating func step1c() {
            guard s.count > 2, let last = s.last, last == "y" || last == "Y", !EnglishStemmer.isVowel(s[s.count - 2]) else { return }
            s[s.count - 1] = "i"
        }

        mutating func step2() {
            let rules: [(String, String)] = [
                ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
                ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
                ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"),
                ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"),
                ("lessli", "less"), ("li", ""),
            ]
            guard let suffix = longest(rules.map(\.0)), start(of: suffix) >= p1,
                  let replacement = rules.first(where: { $0.0 == suffix })?.1 else { return }
            let before = start(of: suffix) - 1
            switch suffix {
            case "ogi": if before >= 0, s[before] == "l" { replace(suffix, with: replacement) }
            case "li": if before >= 0, "cdeghkmnrt".unicodeScalars.contains(s[before]) { replace(suffix, with: "") }
            default: replace(suffix, with: replacement)
            }
        }

        mutating func step3() {
            let rules: [(String, String)] = [
                ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
                ("ful", ""), ("ness", ""), ("ative", ""),
            ]
            guard let suffix = longest(rules.map(\.0)), start(of: suffix) >= p1,
                  let replacement = rules.first(where: { $0.0 == suffix })?.1 else { return }
            if suffix == "ative" {
                if start(of: suffix) >= p2 { replace(suffix, with: "") }
            } else {
                replace(suffix, with: replacement)
            }
        }

        mutating func step4() {
            let suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
                            "iti", "ous", "ive", "ize", "ion"]
            guard let suffix = longest(suffixes), start(of: suffix) >= p2 else { return }
            if suffix == "ion" {
                let before = start(of: suffix) - 1
                if before >= 0, s[before] == "s" || s[before] == "t" { replace(suffix, with: "") }
            } else {
                replace(suffix, with: "")
            }
        }

        mutating func step5() {
            guard let last = s.last else { return }
            let at = s.count - 1
            if last == "e" {
                if at >= p2 || (at >= p1 && !endsInShortSyllable(at)) { s.removeLast() }
            } else if last == "l" {
                if at >= p2, at >= 1, s[at - 1] == "l" { s.removeLast() }
            }
        }
    }
}
