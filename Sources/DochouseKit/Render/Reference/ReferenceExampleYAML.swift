/// Writes a schema value as block-style YAML for the examples of a reference page. Deterministic: members keep
/// the schema's order; a string is quoted exactly when YAML would read it as something else.
enum ReferenceExampleYAML {
    /// `name: value` (the value under its parameter's name); with `name` nil, the value itself (a whole resource).
    /// Ends with a newline.
    static func document(_ value: SchemaValue, name: String?) -> String {
        var lines: [String] = []
        if let name {
            entry(key: name, value: value, indent: 0, into: &lines)
        } else {
            switch value {
            case .object(let members) where !members.isEmpty:
                for member in members { entry(key: member.key, value: member.value, indent: 0, into: &lines) }
            case .array(let items) where !items.isEmpty:
                sequence(items, indent: 0, into: &lines)
            default:
                lines.append(scalar(value))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `key: scalar`, or `key:` and the block below it.
    private static func entry(key: String, value: SchemaValue, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        let written = self.key(key)
        switch value {
        case .object(let members) where !members.isEmpty:
            lines.append(pad + written + ":")
            for member in members { entry(key: member.key, value: member.value, indent: indent + 2, into: &lines) }
        case .array(let items) where !items.isEmpty:
            // Sequences under a key are not indented (as kubectl writes them).
            lines.append(pad + written + ":")
            sequence(items, indent: indent, into: &lines)
        default:
            lines.append(pad + written + ": " + scalar(value))
        }
    }

    /// `- item` lines; a collection item starts on the dash's line (`- name: worker`, `- - a`).
    private static func sequence(_ items: [SchemaValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            var nested: [String] = []
            switch item {
            case .object(let members) where !members.isEmpty:
                for member in members { entry(key: member.key, value: member.value, indent: indent + 2, into: &nested) }
            case .array(let inner) where !inner.isEmpty:
                sequence(inner, indent: indent + 2, into: &nested)
            default:
                lines.append(pad + "- " + scalar(item))
                continue
            }
            // The first nested line starts with indent + 2 spaces: put the dash in their place.
            nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
            lines += nested
        }
    }

    /// A scalar (or an empty collection) as it stands after `key: ` or `- `.
    static func scalar(_ value: SchemaValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return needsQuotes(text) ? quoted(text) : text
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    static func key(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    /// True when a plain scalar would not read back as this string (YAML 1.1 or 1.2), or would not parse.
    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if reservedWords.contains(text.lowercased()) { return true }
        if SchemaNumber.parse(text) != nil || looksLikeNumberOrDate(text) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if first == " " || last == " " || last == ":" { return true }
        if text.contains(": ") || text.contains(" #") { return true }
        return text.unicodeScalars.contains(where: needsEscape)
    }

    /// Booleans and nulls in YAML 1.1 or 1.2 (compared lowercased).
    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    /// YAML 1.1's other implicit types: sexagesimal numbers (`1:20`) and timestamps (`2024-01-02`).
    private static func looksLikeNumberOrDate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first(where: { $0 != "+" && $0 != "-" }), ("0"..."9").contains(first) else { return false }
        // Only digits and the separators of numbers, times and dates.
        return scalars.allSatisfy { ("0"..."9").contains($0) || "+-.:_ TtZz".unicodeScalars.contains($0) }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FEFF}"
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + hex.leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
