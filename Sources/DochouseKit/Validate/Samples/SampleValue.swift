/// A 1-based line and character column inside a sample's own text (the code block's content).
/// `SampleSourceMap` projects it into the Markdown file.
public struct SamplePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SamplePosition, rhs: SamplePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// How a scalar was written, so rules can tell `"NO"` from a YAML 1.1 `NO` and a JSON number from a YAML one.
public enum ScalarStyle: Sendable, Hashable {
    case json
    case yamlPlain
    case yamlSingleQuoted
    case yamlDoubleQuoted
    case yamlLiteral
    case yamlFolded
}

/// A parsed JSON or YAML sample: one tree shape for both, every node with its position, so that the IAM
/// checker and the schema validator work the same on either syntax.
public struct SampleValue: Sendable, Hashable {
    /// Not `indirect`: arrays already hold the children out of line, and a box per node would be one more
    /// allocation for every scalar of every sample.
    public enum Kind: Sendable, Hashable {
        case object([SampleMember])
        case array([SampleValue])
        case string(String)
        /// A number as written (`5`, `-1.5e3`), so no precision is lost.
        case number(String)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    /// Where the value starts (for a quoted scalar, its opening quote).
    public var position: SamplePosition
    /// For scalars: how they were written; nil for objects and arrays.
    public var style: ScalarStyle?
    /// For scalars: the source text of a plain YAML scalar (`NO`, `012`, `1.10`), to catch YAML 1.1 readings.
    public var plainText: String?

    public init(kind: Kind, position: SamplePosition, style: ScalarStyle? = nil, plainText: String? = nil) {
        self.kind = kind
        self.position = position
        self.style = style
        self.plainText = plainText
    }

    /// The members of an object, or nil.
    public var members: [SampleMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The value of the first member named `key` (exact match), or nil.
    public subscript(key: String) -> SampleValue? {
        members?.first(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var arrayValue: [SampleValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    /// A short name of the value's type for messages: "object", "array", "string", "number", "boolean", "null".
    public var typeName: String {
        switch kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

/// One key of an object, where the key stands, and its value.
public struct SampleMember: Sendable, Hashable {
    public var key: String
    public var keyPosition: SamplePosition
    public var value: SampleValue

    public init(key: String, keyPosition: SamplePosition, value: SampleValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension SampleValue {
    /// True when both values hold the same keys and scalars in the same structure and order, wherever they stand
    /// and however their scalars were written. Values alike this way have equal canonical forms (`CanonicalValue`
    /// reads only keys, scalars and structure), which twin parity uses to skip canonicalizing translated copies
    /// whose text differs only in comments and layout.
    func hasSameContent(as other: SampleValue) -> Bool {
        switch (kind, other.kind) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where a[index].key != b[index].key || !a[index].value.hasSameContent(as: b[index].value) {
                return false
            }
            return true
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !a[index].hasSameContent(as: b[index]) { return false }
            return true
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}
