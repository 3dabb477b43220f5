/// Recognises the placeholders documentation writes where a reader must put their own value:
/// `xxx`, `<ACCOUNT_ID>`, `${ACCOUNT_ID}`, `account-id`, the example account IDs AWS's own docs use.
/// They are a class of their own (readers must replace them), not malformed ARNs.
enum IAMPlaceholder {
    /// Example account IDs: AWS documentation's and the obvious ones.
    static let exampleAccountIDs: Set<String> = [
        "123456789012", "111122223333", "444455556666", "777788889999", "000000000000", "012345678901",
    ]

    /// Words that name an account instead of being one (compared without case, `-`, `_` and spaces).
    static let accountWords: Set<String> = [
        "accountid", "youraccountid", "awsaccountid", "accountnumber", "youraccountnumber", "awsaccountnumber",
    ]

    /// Whether an account part (or a bare account value) is a placeholder.
    static func isPlaceholderAccount(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        if let answer = isPlaceholderAccountASCII(text) { return answer }
        return isPlaceholderAccountAnyScript(text)
    }

    /// `isPlaceholderAccount` on the bytes of ASCII text (nil for other text), where a byte is a scalar and a
    /// Character, except that CR LF is one Character. Account parts are mostly 12 digits, which the
    /// String comparisons (prefixes and suffixes by Character, a Set's hash) took long to turn down.
    static func isPlaceholderAccountASCII(_ text: String) -> Bool? {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let count = bytes.count
        if count >= 3 && bytes.allSatisfy({ $0 | 0x20 == UInt8(ascii: "x") }) { return true }
        if (first == UInt8(ascii: "<") && last == UInt8(ascii: ">")) || (first == UInt8(ascii: "{") && last == UInt8(ascii: "}")) {
            // `count > 2` in Characters: a CR LF inside counts once.
            var characters = count
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "\r") && byte == UInt8(ascii: "\n") { characters -= 1 }
                previous = byte
            }
            if characters > 2 { return true }
        }
        if count >= 2, first == UInt8(ascii: "$"), bytes.dropFirst().first == UInt8(ascii: "{"), last == UInt8(ascii: "}"),
           !isPolicyVariable(text) {
            return true
        }
        if isAccountWord(text) { return true }
        guard count == 12, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        // Twelve digits: an example ID, or 12 copies of one digit (111111111111).
        return bytes.allSatisfy { $0 == first } || exampleAccountIDs.contains(text)
    }

    /// `isPlaceholderAccount` by scalars and Characters, for any text.
    static func isPlaceholderAccountAnyScript(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        if isXRun(text) || isBracketed(text) { return true }
        if text.hasPrefix("${"), text.hasSuffix("}"), !isPolicyVariable(text) { return true }
        if isAccountWord(text) { return true }
        // The examples are 12 ASCII digits; only a 12-byte text can equal one.
        if text.utf8.count == 12, exampleAccountIDs.contains(text) { return true }
        // 12 copies of one digit (111111111111): no real account looks like that (12 digits are 12 bytes).
        if ARNParser.isAccountID(text), let first = text.utf8.first, text.utf8.allSatisfy({ $0 == first }) { return true }
        return false
    }

    /// Whether the text is one of `accountWords` once lowercased and without `-`, `_` and spaces.
    private static func isAccountWord(_ text: String) -> Bool {
        // ASCII: the words are 9 to 17 letters, so anything else is told apart by bytes, without lowercasing.
        var letters = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " "): continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            case 0x80...: return isAccountWordAnyScript(text)
            default: return false
            }
        }
        return letters >= 9 && letters <= 17 && isAccountWordAnyScript(text)
    }

    private static func isAccountWordAnyScript(_ text: String) -> Bool {
        accountWords.contains(String(text.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " }))
    }

    /// Placeholders inside a resource part (`role/xxx-node` has `xxx`), in order of appearance.
    static func placeholders(inResource text: String) -> [String] {
        var found: [String] = []
        // Bracketed placeholders anywhere: <ROLE>, ${ROLE} (but not ${aws:username}), {role}.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let open = scalars[index]
            let close: Unicode.Scalar? = open == "<" ? ">" : open == "{" ? "}" : nil
            if let close, let end = scalars[(index + 1)...].firstIndex(of: close) {
                var startIndex = index
                if open == "{", index > 0, scalars[index - 1] == "$" { startIndex = index - 1 }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[startIndex...end])
                let word = String(view)
                if !isPolicyVariable(word) { found.append(word) }
                index = end + 1
                continue
            }
            index += 1
        }
        // Words of x's between separators: role/xxx-node.
        var word = String.UnicodeScalarView()
        for scalar in scalars + ["/"] {
            if "/-_:.*".unicodeScalars.contains(scalar) {
                let text = String(word)
                if isXRun(text) { found.append(text) }
                word = String.UnicodeScalarView()
            } else {
                word.append(scalar)
            }
        }
        return found
    }

    /// A policy variable IAM substitutes at evaluation: `${aws:username}`, `${s3:prefix}`, `${*}`, `${?}`, `${$}`.
    /// `${ACCOUNT_ID}` and CloudFormation's `${AWS::AccountId}` are not: they are placeholders here.
    static func isPolicyVariable(_ text: String) -> Bool {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count >= 4 else { return false }
        let inner = text.dropFirst(2).dropLast()
        if inner == "*" || inner == "?" || inner == "$" { return true }
        let parts = inner.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[0].unicodeScalars.allSatisfy {
            ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) || $0 == "-"
        }
    }

    /// Three or more x's and nothing else (`xxx`, `XXXXXXXXXXXX`).
    private static func isXRun(_ text: String) -> Bool {
        text.unicodeScalars.count >= 3 && text.unicodeScalars.allSatisfy { $0 == "x" || $0 == "X" }
    }

    /// `<ACCOUNT_ID>` or `{account}`.
    private static func isBracketed(_ text: String) -> Bool {
        (text.hasPrefix("<") && text.hasSuffix(">") && text.count > 2)
            || (text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2)
    }
}
