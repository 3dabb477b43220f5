/// What a plain (unquoted) YAML scalar means under Yams' default resolver (YAML 1.1): null, a boolean, a
/// number, or a string. The same answers as `Resolver.default`, without its regular expressions, which cost
/// more than reading the rest of a sample (a property test holds the two together).
enum YAMLPlainScalar {
    enum Meaning: Equatable {
        case null, bool, number, string
    }

    static func meaning(of text: String) -> Meaning {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
             "on", "On", "ON", "off", "Off", "OFF": return .bool
        default: break
        }
        let bytes = Array(text.utf8)
        return isInt(bytes) || isFloat(bytes) ? .number : .string
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static let underscore = UInt8(ascii: "_"), colon = UInt8(ascii: ":"), dot = UInt8(ascii: ".")

    /// Index after an optional sign.
    private static func skipSign(_ s: [UInt8]) -> Int {
        !s.isEmpty && (s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+")) ? 1 : 0
    }

    /// Index after a run of bytes satisfying `accept`.
    private static func run(_ s: [UInt8], from start: Int, _ accept: (UInt8) -> Bool) -> Int {
        var i = start
        while i < s.count, accept(s[i]) { i += 1 }
        return i
    }

    /// `(?::[0-5]?[0-9])+` from `start`: the index after it, or nil when there is no such group.
    private static func sexagesimal(_ s: [UInt8], from start: Int) -> Int? {
        var i = start
        var groups = 0
        while i < s.count, s[i] == colon {
            guard i + 1 < s.count, isDigit(s[i + 1]) else { break }
            if i + 2 < s.count, isDigit(s[i + 2]), s[i + 1] <= UInt8(ascii: "5") {
                i += 3
            } else {
                i += 2
            }
            groups += 1
        }
        return groups > 0 ? i : nil
    }

    private static func isInt(_ s: [UInt8]) -> Bool {
        let start = skipSign(s)
        guard start < s.count else { return false }
        let body = s[start...]
        let isDigitOrUnderscore: (UInt8) -> Bool = { isDigit($0) || $0 == underscore }
        if body.first == UInt8(ascii: "0") {
            // 0b..., 0x..., 0o?[0-7_]+, or a lone 0.
            if s.count == start + 1 { return true }
            let marker = s[start + 1]
            if marker == UInt8(ascii: "b") {
                return s.count > start + 2 && run(s, from: start + 2, { $0 == 0x30 || $0 == 0x31 || $0 == underscore }) == s.count
            }
            if marker == UInt8(ascii: "x") {
                return s.count > start + 2 && run(s, from: start + 2, { isDigit($0) || $0 == underscore
                    || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }) == s.count
            }
            let octalStart = marker == UInt8(ascii: "o") ? start + 2 : start + 1
            return s.count > octalStart && run(s, from: octalStart, { ($0 >= 0x30 && $0 <= 0x37) || $0 == underscore }) == s.count
        }
        guard let first = body.first, first >= 0x31, first <= 0x39 else { return false }
        let digitsEnd = run(s, from: start + 1, isDigitOrUnderscore)
        if digitsEnd == s.count { return true }
        return sexagesimal(s, from: digitsEnd) == s.count
    }

    private static func isFloat(_ s: [UInt8]) -> Bool {
        let isDigitOrUnderscore: (UInt8) -> Bool = { isDigit($0) || $0 == underscore }
        // \.(?:nan|NaN|NAN) and [-+]?\.(?:inf|Inf|INF)
        let start = skipSign(s)
        let rest = String(decoding: s[start...], as: UTF8.self)
        if rest == ".inf" || rest == ".Inf" || rest == ".INF" { return true }
        if start == 0, rest == ".nan" || rest == ".NaN" || rest == ".NAN" { return true }
        // \.[0-9_]+(?:[eE][-+][0-9]+)?  (no sign before the dot)
        if start == 0, !s.isEmpty, s[0] == dot {
            let end = run(s, from: 1, isDigitOrUnderscore)
            guard end > 1 else { return false }
            if end == s.count { return true }
            guard s[end] == UInt8(ascii: "e") || s[end] == UInt8(ascii: "E"), end + 1 < s.count,
                  s[end + 1] == UInt8(ascii: "-") || s[end + 1] == UInt8(ascii: "+") else { return false }
            let exponentEnd = run(s, from: end + 2, isDigit)
            return exponentEnd > end + 2 && exponentEnd == s.count
        }
        guard start < s.count, isDigit(s[start]) else { return false }
        let integerEnd = run(s, from: start + 1, isDigitOrUnderscore)
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        if let groupsEnd = sexagesimal(s, from: integerEnd), groupsEnd < s.count, s[groupsEnd] == dot,
           run(s, from: groupsEnd + 1, isDigitOrUnderscore) == s.count { return true }
        // [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        var i = integerEnd
        if i < s.count, s[i] == dot { i = run(s, from: i + 1, isDigitOrUnderscore) }
        if i == s.count { return true }
        guard s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { i += 1 }
        let exponentEnd = run(s, from: i, isDigit)
        return exponentEnd > i && exponentEnd == s.count
    }
}
