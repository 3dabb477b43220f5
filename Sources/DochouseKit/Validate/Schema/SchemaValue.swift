/// A JSON-shaped value read from a schema file: an `enum` entry, a `default`, an `example`, the raw value of an
/// `x-*` extension. Numbers keep their text, as `SampleValue` does, so nothing is rounded on the way to a page.
public indirect enum SchemaValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written in the schema (`5`, `-1.5e3`).
    case number(String)
    case string(String)
    case array([SchemaValue])
    /// Members in the order the file gives them.
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: SchemaValue

        public init(key: String, value: SchemaValue) {
            self.key = key
            self.value = value
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [SchemaValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The numeric value of a number, or nil.
    public var doubleValue: Double? {
        if case .number(let text) = self { return SchemaNumber.parse(text) }
        return nil
    }

    /// The value of the first member named `key`, or nil.
    public subscript(key: String) -> SchemaValue? {
        members?.first(where: { $0.key == key })?.value
    }

    /// The value as compact JSON (`{"sizeGb":20,"type":"gp3"}`), for pages and messages.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return SchemaValue.quoted(text)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { SchemaValue.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// A string bare, anything else as JSON: how an enum value is named in a message (`WithNAT`, `5`, `null`).
    public var displayText: String {
        if case .string(let text) = self { return text }
        return jsonText
    }

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
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A number of a schema keyword (`minimum: 1`), with its text for messages and its value for comparisons.
public struct SchemaNumber: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let value: Double

    public init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    public init?(_ text: String) {
        guard let value = SchemaNumber.parse(text) else { return nil }
        self.init(text: text, value: value)
    }

    public var description: String { text }

    /// Parses a JSON or YAML number: decimal, exponent, YAML's `0x`/`0o`/`0b` forms, `_` separators, `.inf`, `.nan`.
    public static func parse(_ raw: String) -> Double? {
        var text = raw.replacingOccurrences(of: "_", with: "")
        var sign = 1.0
        if text.hasPrefix("-") { sign = -1; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        guard !text.isEmpty else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            guard let value = UInt64(text.dropFirst(2), radix: radix) else { return nil }
            return sign * Double(value)
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
              text.first?.isNumber == true || text.first == "."
        else { return nil }
        guard let value = Double(text) else { return nil }
        return sign * value
    }
}
