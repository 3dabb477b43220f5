import Foundation

/// How the validator reads and shows values: YAML's implicit typing, numbers and their bounds, equality with
/// enum values, and the words of its messages.
extension SchemaValidator.Run {
    // MARK: - Values

    static let yaml11Words: Set<String> = ["yes", "no", "on", "off", "y", "n"]

    /// YAML 1.1's timestamp forms (`2024-01-02`, `2001-12-14t21:59:43.10-05:00`).
    static let timestamp = CompiledPattern(
        #"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$"#)!

    /// For a plain scalar that a reader left as a string: what YAML (1.1 or 1.2) may read it as instead.
    static func implicitReading(of text: String) -> String? {
        if timestamp.matches(text) { return "date" }
        if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) { return "boolean" }
        if SchemaNumber.parse(text) != nil { return "number" }
        return nil
    }

    static func matches(_ value: SampleValue, _ types: [SchemaType], nullable: Bool) -> Bool {
        switch value.kind {
        case .string: return types.contains(.string)
        case .number(let text):
            return types.contains(.number) || (types.contains(.integer) && isIntegral(text))
        case .bool: return types.contains(.boolean)
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .null: return nullable || types.contains(.null)
        }
    }

    static func isIntegral(_ text: String) -> Bool {
        guard let number = SchemaNumber.parse(text), number.isFinite else { return false }
        return number.rounded() == number
    }

    /// Compares a sample number with a bound: as integers when both are, else as doubles.
    static func compare(_ text: String, _ bound: SchemaNumber) -> ComparisonResult? {
        if let left = Int(text), let right = Int(bound.text) {
            return left < right ? .orderedAscending : left > right ? .orderedDescending : .orderedSame
        }
        guard let left = SchemaNumber.parse(text), !left.isNaN, !bound.value.isNaN else { return nil }
        return left < bound.value ? .orderedAscending : left > bound.value ? .orderedDescending : .orderedSame
    }

    static func equal(_ value: SampleValue, _ allowed: SchemaValue) -> Bool {
        switch (value.kind, allowed) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.number(let a), .number(let b)):
            if a == b { return true }
            if let left = Int(a), let right = Int(b) { return left == right }
            guard let left = SchemaNumber.parse(a), let right = SchemaNumber.parse(b) else { return false }
            return left == right
        case (.array, .array), (.object, .object):
            return canonical(value, depth: 0) == canonical(allowed, depth: 0)
        default: return false
        }
    }

    /// A text that is equal for equal JSON values (numbers by value, object keys in any order).
    static func canonical(_ value: SampleValue, depth: Int) -> String {
        guard depth < 64 else { return "…" }
        switch value.kind {
        case .string(let text): return SchemaValue.quoted(text)
        case .number(let text): return canonicalNumber(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map { canonical($0, depth: depth + 1) }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { SchemaValue.quoted($0.key) + ":" + canonical($0.value, depth: depth + 1) }
                .sorted().joined(separator: ",") + "}"
        }
    }

    static func canonical(_ value: SchemaValue, depth: Int) -> String {
        guard depth < 64 else { return "…" }
        switch value {
        case .string(let text): return SchemaValue.quoted(text)
        case .number(let text): return canonicalNumber(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map { canonical($0, depth: depth + 1) }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { SchemaValue.quoted($0.key) + ":" + canonical($0.value, depth: depth + 1) }
                .sorted().joined(separator: ",") + "}"
        }
    }

    static func canonicalNumber(_ text: String) -> String {
        if let integer = Int(text) { return String(integer) }
        if let number = SchemaNumber.parse(text) {
            if number.isFinite, number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
            return "\(number)"
        }
        return text
    }

    /// The source text of a scalar as the user wrote it, when known.
    static func writtenText(_ value: SampleValue) -> String? {
        if let text = value.plainText { return text }
        guard value.style == .yamlPlain else { return nil }
        return scalarText(value)
    }

    /// A scalar's value as text (`withNAT`, `5`, `true`), nil for objects, arrays and null.
    static func scalarText(_ value: SampleValue) -> String? {
        switch value.kind {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return value.plainText ?? (flag ? "true" : "false")
        default: return nil
        }
    }

    /// A quoted string written where a number, integer or boolean is wanted: the text without quotes, when
    /// it reads as that type.
    static func unquoted(_ text: String, for types: [SchemaType]) -> String? {
        if types.contains(.integer) || types.contains(.number), let number = SchemaNumber.parse(text), number.isFinite,
           !text.contains("_"), types.contains(.number) || number.rounded() == number {
            return text
        }
        if types.contains(.boolean), text == "true" || text == "false" { return text }
        return nil
    }

    /// `target` written in the style of `value`: bare where the original was plain and the text stays a
    /// string, quoted otherwise.
    static func render(_ target: SchemaValue, like value: SampleValue) -> String? {
        guard case .string(let text) = target else { return target.jsonText }
        switch value.style {
        case .yamlPlain?:
            let safe = !text.isEmpty && implicitReading(of: text) == nil && !yaml11Words.contains(text.lowercased())
                && !["null", "Null", "NULL", "~"].contains(text)
                && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0) }
                && !text.hasPrefix("-") && !text.hasPrefix(".")
            return safe ? text : SchemaValue.quoted(text)
        case .yamlSingleQuoted?:
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .yamlLiteral?, .yamlFolded?:
            return nil
        default:
            return SchemaValue.quoted(text)
        }
    }

    static func describe(_ types: [SchemaType]) -> String {
        let names = types.map(\.rawValue)
        if names.count <= 2 { return names.joined(separator: " or ") }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// "number 5", "string \"x\"", "boolean NO", "null", "object", "array".
    static func describe(_ value: SampleValue) -> String {
        switch value.kind {
        case .string(let text): return "string \(abbreviated(text))"
        case .number(let text): return "number \(text)"
        case .bool(let flag): return "boolean \(value.plainText ?? (flag ? "true" : "false"))"
        case .null: return "null"
        case .object: return "object"
        case .array: return "array"
        }
    }

    static func shortDescription(_ value: SampleValue) -> String {
        switch value.kind {
        case .string(let text): return abbreviated(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .object: return "(an object)"
        case .array: return "(a list)"
        }
    }

    static func abbreviated(_ text: String) -> String {
        text.count > 60 ? SchemaValue.quoted(String(text.prefix(57))).dropLast() + "…\"" : SchemaValue.quoted(text)
    }

    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    static func list(_ names: [String], limit: Int = 20) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }

    /// "vpcNetworkCIDR, existingVPCID" (a branch requiring several keys reads "a and b").
    static func choices(_ groups: [[String]]) -> String {
        groups.map { $0.joined(separator: " and ") }.joined(separator: ", ")
    }

    /// `a.b`, `a["node-role.kubernetes.io/worker"]`.
    static func join(_ path: String, _ key: String) -> String {
        let simple = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        if simple { return path.isEmpty ? key : path + "." + key }
        return path + "[" + SchemaValue.quoted(key) + "]"
    }
}
