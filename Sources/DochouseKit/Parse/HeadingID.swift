import Foundation

/// Heading ids as kramdown's GFM parser makes them, so links written for the Jekyll site keep working.
///
/// The id is made from the heading's raw source text: lowercase it; drop every character that is not a
/// letter, mark, digit, connector punctuation (`_`), `-`, space or tab (Unicode-aware, so Cyrillic stays);
/// turn spaces and tabs into `-`. A repeated id gets `-1`, `-2`, ... An explicit `{#id}` wins.
///
/// One departure from kramdown: its counter is per text, so `a`, `a`, `a-1` gives `a`, `a-1`, `a-1`, two
/// elements with one id. Here the heading that would repeat an id already issued gets a further `-1` (`a-1-1`),
/// so every generated id on a page is unique, and every other heading keeps kramdown's id (a link to `#a-1`
/// reaches the same heading as on the Jekyll site, where the first element with an id wins).
struct HeadingIDGenerator {
    private var counts: [String: Int] = [:]
    private var issued: Set<String> = []

    /// The id for the next heading of the page with the given raw text.
    mutating func nextID(forRawText text: String) -> String {
        let base = Self.slug(text)
        let seen = counts[base, default: -1] + 1
        counts[base] = seen
        var id = seen == 0 ? base : "\(base)-\(seen)"
        if issued.contains(id) {
            var suffix = 1
            while issued.contains("\(id)-\(suffix)") { suffix += 1 }
            id = "\(id)-\(suffix)"
        }
        issued.insert(id)
        return id
    }

    /// Records an explicit id so a later generated one does not collide with it silently.
    mutating func reserve(_ id: String) {
        counts[id, default: -1] += 1
        issued.insert(id)
    }

    static func slug(_ text: String) -> String {
        basicSlug(text) ?? scalarSlug(text)
    }

    /// `scalarSlug` for text of ASCII and basic Cyrillic (U+0400–U+045F, all letters), on bytes: no lowercased
    /// copy of the text, no Unicode property lookups. Nil for any other text.
    static func basicSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                out.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "\t"): out.append(UInt8(ascii: "-"))
            case 0x00..<0x80: continue
            case 0xD0, 0xD1:
                guard let next = bytes.next() else { return nil }
                var scalar = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                guard (0x400...0x45F).contains(scalar) else { return nil }
                if scalar < 0x410 { scalar += 0x50 } else if scalar < 0x430 { scalar += 0x20 }
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            default: return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func scalarSlug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " || scalar == "\t" {
                result.append("-")
            } else if scalar == "-" || isWordCharacter(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Ruby's `\p{Word}`: letters, marks, decimal digits and connector punctuation.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}

/// Finds the raw text of a heading in its source line(s) and the explicit `{#id}` that may end it.
enum HeadingSource {
    struct Parts: Equatable {
        var rawText: String
        var explicitID: String?
    }

    /// - Parameters:
    ///   - lines: the heading's source lines from its start column (an ATX line, or setext content lines).
    static func parts(atxOrSetextLines lines: [Substring]) -> Parts {
        guard let first = lines.first else { return Parts(rawText: "", explicitID: nil) }
        var text: Substring
        var trimmedFirst = first.drop(while: { $0 == " " })
        if trimmedFirst.first == "#" {
            trimmedFirst = trimmedFirst.drop(while: { $0 == "#" })
            text = trimmedFirst.drop(while: { $0 == " " || $0 == "\t" }).trimmingTrailingWhitespace
            // An optional closing sequence of `#`s, preceded by a space (or alone).
            let withoutHashes = text.reversed().drop(while: { $0 == "#" })
            if withoutHashes.count < text.count {
                let rest = text.prefix(withoutHashes.count)
                if rest.isEmpty { text = rest } else if rest.last == " " || rest.last == "\t" { text = rest.trimmingTrailingWhitespace }
            }
        } else {
            text = Substring(lines.map { String($0).trimming(charactersIn: " \t") }.joined(separator: " "))
        }
        return split(String(text))
    }

    /// Separates a trailing kramdown `{#id}` from the text.
    static func split(_ text: String) -> Parts {
        let trimmed = Substring(text).trimmingTrailingWhitespace
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else {
            return Parts(rawText: String(trimmed), explicitID: nil)
        }
        let id = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        guard let first = id.first, first.isLetter || first == "_",
              id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }) else {
            return Parts(rawText: String(trimmed), explicitID: nil)
        }
        return Parts(rawText: String(trimmed[..<open.lowerBound].trimmingTrailingWhitespace), explicitID: String(id))
    }
}
