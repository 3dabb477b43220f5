/// The value shapes condition operators accept, checked by hand on the text (no formatter per value):
/// numbers, ISO 8601 dates or epoch seconds, IPv4/IPv6 addresses and CIDR ranges.
enum IAMConditionValueFormat {
    /// `10`, `-3`, `2.5`.
    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(isDigit) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(isDigit) }
        return true
    }

    /// An ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T12:00:00Z`, `2024-01-31T12:00:00.5+03:00`)
    /// or an epoch time in seconds (`1706659200`).
    static func isDate(_ text: String) -> Bool {
        let chars = Array(text)
        if !chars.isEmpty, chars.count <= 13, chars.allSatisfy(isDigit) { return true }
        var index = 0
        guard let year = number(chars, &index, digits: 4), year > 0,
              take(chars, &index, "-"), let month = number(chars, &index, digits: 2), (1...12).contains(month) else { return false }
        // A date with month only (2024-01) is ISO 8601 too.
        if index == chars.count { return true }
        guard take(chars, &index, "-"), let day = number(chars, &index, digits: 2), (1...31).contains(day) else { return false }
        if index == chars.count { return true }
        guard take(chars, &index, "T") || take(chars, &index, "t") || take(chars, &index, " "),
              let hour = number(chars, &index, digits: 2), (0...24).contains(hour),
              take(chars, &index, ":"), let minute = number(chars, &index, digits: 2), (0...59).contains(minute) else { return false }
        if take(chars, &index, ":") {
            guard let second = number(chars, &index, digits: 2), (0...60).contains(second) else { return false }
            if take(chars, &index, ".") || take(chars, &index, ",") {
                let start = index
                while index < chars.count, isDigit(chars[index]) { index += 1 }
                guard index > start else { return false }
            }
        }
        if index == chars.count || (take(chars, &index, "Z") || take(chars, &index, "z")) && index == chars.count { return true }
        guard take(chars, &index, "+") || take(chars, &index, "-"),
              let offsetHours = number(chars, &index, digits: 2), (0...23).contains(offsetHours) else { return false }
        _ = take(chars, &index, ":")
        if index == chars.count { return true }
        guard let offsetMinutes = number(chars, &index, digits: 2), (0...59).contains(offsetMinutes) else { return false }
        return index == chars.count
    }

    /// An IPv4 or IPv6 address, optionally with a `/prefix` length.
    static func isIPAddressOrCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = parts.first else { return false }
        let isV6 = address.contains(":")
        guard isV6 ? isIPv6(address) : isIPv4(address) else { return false }
        guard parts.count == 2 else { return true }
        let prefix = parts[1]
        guard !prefix.isEmpty, prefix.count <= 3, prefix.allSatisfy(isDigit), let length = Int(prefix) else { return false }
        return length <= (isV6 ? 128 : 32)
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(isDigit) && (Int(octet) ?? 256) <= 255
        }
    }

    static func isIPv6(_ text: Substring) -> Bool {
        let chars = Array(text)
        guard !chars.isEmpty else { return false }
        // Split at the one "::" an address may have.
        var halves: [Substring] = [text]
        var index = 0
        while index + 1 < chars.count {
            if chars[index] == ":" && chars[index + 1] == ":" {
                guard halves.count == 1 else { return false }
                let cut = text.index(text.startIndex, offsetBy: index)
                halves = [text[..<cut], text[text.index(cut, offsetBy: 2)...]]
                if halves[1].hasPrefix(":") { return false }
                index += 2
                continue
            }
            index += 1
        }
        var groups = 0
        for (halfIndex, half) in halves.enumerated() where !half.isEmpty {
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (pieceIndex, piece) in pieces.enumerated() {
                let isLast = halfIndex == halves.count - 1 && pieceIndex == pieces.count - 1
                if isLast, piece.contains(".") {
                    guard isIPv4(piece) else { return false }
                    groups += 2
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy({ $0.isHexDigit }) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    // MARK: Scanning

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func take(_ chars: [Character], _ index: inout Int, _ expected: Character) -> Bool {
        guard index < chars.count, chars[index] == expected else { return false }
        index += 1
        return true
    }

    private static func number(_ chars: [Character], _ index: inout Int, digits: Int) -> Int? {
        guard index + digits <= chars.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let character = chars[index + offset]
            guard isDigit(character), let digit = character.wholeNumberValue else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }
}
