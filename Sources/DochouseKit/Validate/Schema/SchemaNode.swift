import Foundation

/// A JSON type an OpenAPI schema can name in `type`.
public enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

/// One node of an OpenAPI v3 schema (the subset dochouse supports), with where it stands in its YAML file.
///
/// Immutable and shared: a node reached through a YAML alias or merge key may appear under several parents.
/// Keywords that were absent are nil (or empty / false); `keywords` lists the ones the file wrote.
public final class SchemaNode: Sendable {
    /// `additionalProperties`: a flag or a schema for every key not listed in `properties`.
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(SchemaNode)
    }

    /// `exclusiveMinimum`/`exclusiveMaximum`: OpenAPI 3.0's flag (applies to `minimum`/`maximum`) or 3.1's number.
    public enum ExclusiveBound: Sendable, Hashable {
        case flag(Bool)
        case value(SchemaNumber)
    }

    /// A named child under `properties`.
    public struct Property: Sendable {
        public let name: String
        /// Where the property's name stands in the YAML file.
        public let keyLocation: SourceLocation
        public let node: SchemaNode

        public init(name: String, keyLocation: SourceLocation, node: SchemaNode) {
            self.name = name
            self.keyLocation = keyLocation
            self.node = node
        }
    }

    /// Every field of a node, for building one (the loader, tests, synthetic schemas).
    public struct Fields: Sendable {
        public var location: SourceLocation
        public var keywords: [String] = []
        public var types: [SchemaType] = []
        public var properties: [Property]?
        public var required: [String] = []
        public var additionalProperties: AdditionalProperties?
        public var items: SchemaNode?
        public var enumValues: [SchemaValue]?
        public var pattern: String?
        public var minimum: SchemaNumber?
        public var maximum: SchemaNumber?
        public var exclusiveMinimum: ExclusiveBound?
        public var exclusiveMaximum: ExclusiveBound?
        public var multipleOf: SchemaNumber?
        public var minLength: Int?
        public var maxLength: Int?
        public var minItems: Int?
        public var maxItems: Int?
        public var uniqueItems = false
        public var minProperties: Int?
        public var maxProperties: Int?
        public var format: String?
        public var nullable = false
        public var defaultValue: SchemaValue?
        public var oneOf: [SchemaNode] = []
        public var anyOf: [SchemaNode] = []
        public var allOf: [SchemaNode] = []
        public var not: SchemaNode?
        public var deprecated = false
        public var title: String?
        public var description: String?
        public var example: SchemaValue?
        /// Every `x-*` key with its raw value, in file order.
        public var extensions: [SchemaValue.Member] = []

        public init(location: SourceLocation) {
            self.location = location
        }
    }

    public let location: SourceLocation
    /// The keywords the file wrote for this node, in file order (merge keys resolved).
    public let keywords: [String]
    /// `type`, as one name or a list; empty when absent (any type).
    public let types: [SchemaType]
    /// `properties` in file order; nil when absent (an empty `properties: {}` is an empty list).
    public let propertyList: [Property]?
    public let required: [String]
    public let additionalProperties: AdditionalProperties?
    public let items: SchemaNode?
    public let enumValues: [SchemaValue]?
    public let pattern: String?
    public let minimum: SchemaNumber?
    public let maximum: SchemaNumber?
    public let exclusiveMinimum: ExclusiveBound?
    public let exclusiveMaximum: ExclusiveBound?
    public let multipleOf: SchemaNumber?
    public let minLength: Int?
    public let maxLength: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let uniqueItems: Bool
    public let minProperties: Int?
    public let maxProperties: Int?
    public let format: String?
    public let nullable: Bool
    public let defaultValue: SchemaValue?
    public let oneOf: [SchemaNode]
    public let anyOf: [SchemaNode]
    public let allOf: [SchemaNode]
    public let not: SchemaNode?
    public let deprecated: Bool
    public let title: String?
    public let description: String?
    public let example: SchemaValue?
    public let extensions: [SchemaValue.Member]

    private let propertyIndex: [String: Int]
    /// `pattern` compiled; nil when absent or invalid (the loader reports an invalid one).
    let compiledPattern: CompiledPattern?

    public init(_ fields: Fields) {
        location = fields.location
        keywords = fields.keywords
        types = fields.types
        propertyList = fields.properties
        required = fields.required
        additionalProperties = fields.additionalProperties
        items = fields.items
        enumValues = fields.enumValues
        pattern = fields.pattern
        minimum = fields.minimum
        maximum = fields.maximum
        exclusiveMinimum = fields.exclusiveMinimum
        exclusiveMaximum = fields.exclusiveMaximum
        multipleOf = fields.multipleOf
        minLength = fields.minLength
        maxLength = fields.maxLength
        minItems = fields.minItems
        maxItems = fields.maxItems
        uniqueItems = fields.uniqueItems
        minProperties = fields.minProperties
        maxProperties = fields.maxProperties
        format = fields.format
        nullable = fields.nullable
        defaultValue = fields.defaultValue
        oneOf = fields.oneOf
        anyOf = fields.anyOf
        allOf = fields.allOf
        not = fields.not
        deprecated = fields.deprecated
        title = fields.title
        description = fields.description
        example = fields.example
        extensions = fields.extensions
        var index: [String: Int] = [:]
        for (offset, property) in (fields.properties ?? []).enumerated() where index[property.name] == nil {
            index[property.name] = offset
        }
        propertyIndex = index
        compiledPattern = fields.pattern.flatMap { CompiledPattern($0) }
    }

    // MARK: - Properties

    /// `properties` in file order (empty when absent).
    public var properties: [Property] { propertyList ?? [] }

    public var propertyNames: [String] { properties.map(\.name) }

    /// The child named `name` under `properties`, or nil.
    public func property(_ name: String) -> SchemaNode? {
        propertyIndex[name].map { properties[$0].node }
    }

    public func propertyEntry(_ name: String) -> Property? {
        propertyIndex[name].map { properties[$0] }
    }

    /// Names of properties declared by this node or by its `allOf`/`oneOf`/`anyOf` branches (recursively).
    public var declaredPropertyNames: [String] {
        var seen = Set<String>()
        var out: [String] = []
        func collect(_ node: SchemaNode, depth: Int) {
            guard depth < 32 else { return }
            for name in node.propertyNames where seen.insert(name).inserted { out.append(name) }
            for branch in node.allOf + node.oneOf + node.anyOf { collect(branch, depth: depth + 1) }
        }
        collect(self, depth: 0)
        return out
    }

    /// The node at a property path, where array `items` add no segment (`["nodeGroups", "instanceClass"]`).
    /// Properties of `allOf`/`oneOf`/`anyOf` branches are found too.
    public func node(at path: [String]) -> SchemaNode? {
        var current: SchemaNode = self
        for segment in path {
            guard let next = current.elementNode.declaredChild(segment) else { return nil }
            current = next
        }
        return current
    }

    /// For an array, the innermost `items` (an array of arrays adds no segment either); else the node itself.
    public var elementNode: SchemaNode {
        var node = self
        var steps = 0
        while let items = node.items, steps < 64 { node = items; steps += 1 }
        return node
    }

    /// The property `name` of this node or of its `allOf`/`oneOf`/`anyOf` branches (own properties first).
    public func declaredChild(_ name: String) -> SchemaNode? {
        declaredChild(name, depth: 0)
    }

    private func declaredChild(_ name: String, depth: Int) -> SchemaNode? {
        if let own = property(name) { return own }
        guard depth < 32 else { return nil }
        for branch in allOf + oneOf + anyOf {
            if let found = branch.declaredChild(name, depth: depth + 1) { return found }
        }
        return nil
    }

    // MARK: - Derived facts

    public var isObjectTyped: Bool { types.contains(.object) }
    public var isArrayTyped: Bool { types.contains(.array) }

    /// The lower bound and whether it is exclusive, from `minimum` and `exclusiveMinimum` in either OpenAPI form.
    public var lowerBound: (value: SchemaNumber, exclusive: Bool)? {
        Self.bound(minimum, exclusiveMinimum, lower: true)
    }

    /// The upper bound and whether it is exclusive.
    public var upperBound: (value: SchemaNumber, exclusive: Bool)? {
        Self.bound(maximum, exclusiveMaximum, lower: false)
    }

    private static func bound(_ inclusive: SchemaNumber?, _ exclusive: ExclusiveBound?, lower: Bool)
        -> (value: SchemaNumber, exclusive: Bool)? {
        switch exclusive {
        case .value(let number):
            // 3.1 form; with both, the stricter bound wins.
            guard let inclusive else { return (number, true) }
            let stricter = lower ? number.value >= inclusive.value : number.value <= inclusive.value
            return stricter ? (number, true) : (inclusive, false)
        case .flag(let flag):
            return inclusive.map { ($0, flag) }
        case nil:
            return inclusive.map { ($0, false) }
        }
    }

    /// True when the node only lists `required` names (the Deckhouse "exactly one of" branch shape).
    public var isRequiredOnly: Bool {
        !required.isEmpty && keywords.allSatisfy { ["required", "description", "title"].contains($0) || $0.hasPrefix("x-") }
    }

    // MARK: - Extensions

    /// The raw value of an `x-*` key, or nil.
    public func extensionValue(_ name: String) -> SchemaValue? {
        extensions.first(where: { $0.key == name })?.value
    }

    public var xDocDefault: SchemaValue? { extensionValue("x-doc-default") }
    /// `x-doc-required`: overrides the required/optional label of a page.
    public var xDocRequired: Bool? { extensionValue("x-doc-required")?.boolValue }
    public var xDocDeprecated: Bool { extensionValue("x-doc-deprecated")?.boolValue ?? false }
    public var xDocSkip: Bool { extensionValue("x-doc-skip")?.boolValue ?? false }
    public var xDocExamples: [SchemaValue]? { extensionValue("x-doc-examples")?.arrayValue }
    public var xDocExample: SchemaValue? { extensionValue("x-doc-example") }
    public var xExamples: SchemaValue? { extensionValue("x-examples") }
    public var xDocSearch: String? { extensionValue("x-doc-search")?.stringValue }
    public var xUnsafe: Bool { extensionValue("x-unsafe")?.boolValue ?? false }
    public var xUnsafeRules: [String]? { extensionValue("x-unsafe-rules")?.arrayValue?.compactMap(\.stringValue) }
    /// `x-enum-descriptions`: enum value (as text) -> description.
    public var xEnumDescriptions: [String: String]? {
        guard let members = extensionValue("x-enum-descriptions")?.members else { return nil }
        var out: [String: String] = [:]
        for member in members { out[member.key] = member.value.stringValue ?? member.value.jsonText }
        return out
    }

    /// `x-kubernetes-int-or-string: true`: an integer or a string.
    public var isIntOrString: Bool { extensionValue("x-kubernetes-int-or-string")?.boolValue ?? false }
    /// `x-kubernetes-preserve-unknown-fields: true`: any extra key is kept.
    public var preservesUnknownFields: Bool {
        extensionValue("x-kubernetes-preserve-unknown-fields")?.boolValue ?? false
    }

    /// Deprecated by `deprecated` or `x-doc-deprecated`.
    public var isDeprecated: Bool { deprecated || xDocDeprecated }

    /// The default a page shows: `x-doc-default` over `default`.
    public var documentedDefault: SchemaValue? { xDocDefault ?? defaultValue }
}

/// A compiled `pattern`. NSRegularExpression is immutable and documented as safe to share between threads.
struct CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init?(_ pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: []) else { return nil }
        self.regex = regex
    }

    /// JSON Schema semantics: the pattern may match anywhere (it is not implicitly anchored).
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
