import Yams

/// Turns a composed `openAPISpec` mapping into `SchemaNode`s, checking every keyword's name and value type.
///
/// It expects a tree already bounded by `YAMLLimits.measure` (node count and depth), so its recursion is safe.
struct SchemaNodeBuilder {
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) {
        self.source = source
    }

    /// The keywords of an OpenAPI v3.0 Schema Object that dochouse reads.
    static let supportedKeywords: [String] = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "pattern", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
        "uniqueItems", "minProperties", "maxProperties", "format", "nullable", "default", "oneOf", "anyOf", "allOf",
        "not", "deprecated", "title", "description", "example",
    ]

    /// OpenAPI keywords that carry no constraint dochouse checks or shows; accepted and ignored.
    static let ignoredKeywords: Set<String> = ["readOnly", "writeOnly", "externalDocs", "xml", "discriminator", "examples"]

    /// JSON Schema keywords outside OpenAPI v3.0 schemas (or needing references), refused with a clear message.
    static let refusedKeywords: Set<String> = [
        "$ref", "$id", "$schema", "$defs", "definitions", "const", "if", "then", "else", "patternProperties",
        "propertyNames", "dependencies", "dependentRequired", "dependentSchemas", "contains", "additionalItems",
        "unevaluatedProperties", "unevaluatedItems", "prefixItems",
    ]

    // MARK: - Nodes

    /// Builds the schema at `node`. `inheritedNames` are the property names a `required` inside a combinator
    /// branch may refer to (those of the enclosing object), nil outside combinators.
    mutating func build(_ node: Node, path: String, inheritedNames: Set<String>? = nil) -> SchemaNode {
        let location = self.location(node)
        guard case .mapping(let mapping) = node else {
            report(SchemaRules.unsupported, "a schema must be a mapping, found \(Self.describe(node))", at: node)
            return SchemaNode(SchemaNode.Fields(location: location))
        }
        var fields = SchemaNode.Fields(location: location)
        let entries = mergedEntries(mapping)
        var seen = Set<String>()
        var requiredEntries: [Node] = []

        // `properties` first: combinator branches and `required` refer to its names.
        let ordered = entries.filter { $0.name == "properties" } + entries.filter { $0.name != "properties" }
        for entry in ordered {
            guard let keyword = entry.name, entry.key.scalar != nil else {
                report(SchemaRules.unsupported, "a schema keyword must be a string, found \(Self.describe(entry.key))",
                       at: entry.key)
                continue
            }
            guard seen.insert(keyword).inserted else { continue }
            if keyword.hasPrefix("x-") {
                fields.keywords.append(keyword)
                let value = convert(entry.value)
                checkExtension(keyword, value, entry)
                fields.extensions.append(SchemaValue.Member(key: keyword, value: value))
                continue
            }
            let childPath = path.isEmpty ? keyword : path + "." + keyword
            switch keyword {
            case "type":
                fields.types = readTypes(entry)
            case "properties":
                fields.properties = readProperties(entry, path: path)
            case "required":
                if let names = readStringList(entry) {
                    fields.required = names
                    if case .sequence(let sequence) = entry.value { requiredEntries = Array(sequence) }
                }
            case "additionalProperties":
                switch entry.value {
                case .mapping:
                    fields.additionalProperties = .schema(build(entry.value, path: childPath))
                default:
                    if let flag = readBool(entry) { fields.additionalProperties = .allowed(flag) }
                }
            case "items":
                if case .mapping = entry.value {
                    fields.items = build(entry.value, path: path + "[]")
                } else if case .sequence = entry.value {
                    report(SchemaRules.unsupported,
                           "items must be one schema (a mapping); a list of schemas (tuple validation) is not supported",
                           at: entry.value)
                } else {
                    typeError(entry, expected: "a schema (a mapping)")
                }
            case "enum":
                if case .sequence(let sequence) = entry.value {
                    if sequence.isEmpty {
                        report(SchemaRules.unsupported, "enum must list at least one value", at: entry.value)
                    }
                    fields.enumValues = sequence.map { convert($0) }
                } else {
                    typeError(entry, expected: "a list of values")
                }
            case "pattern":
                if let pattern = readString(entry) {
                    fields.pattern = pattern
                    if CompiledPattern(pattern) == nil {
                        report(SchemaRules.invalidPattern, "pattern '\(pattern)' is not a valid regular expression",
                               at: entry.value)
                    }
                }
            case "minimum": fields.minimum = readNumber(entry)
            case "maximum": fields.maximum = readNumber(entry)
            case "multipleOf":
                fields.multipleOf = readNumber(entry)
                if let value = fields.multipleOf, value.value <= 0 {
                    report(SchemaRules.unsupported, "multipleOf must be greater than 0, found \(value.text)", at: entry.value)
                    fields.multipleOf = nil
                }
            case "exclusiveMinimum": fields.exclusiveMinimum = readExclusive(entry)
            case "exclusiveMaximum": fields.exclusiveMaximum = readExclusive(entry)
            case "minLength": fields.minLength = readCount(entry)
            case "maxLength": fields.maxLength = readCount(entry)
            case "minItems": fields.minItems = readCount(entry)
            case "maxItems": fields.maxItems = readCount(entry)
            case "minProperties": fields.minProperties = readCount(entry)
            case "maxProperties": fields.maxProperties = readCount(entry)
            case "uniqueItems": fields.uniqueItems = readBool(entry) ?? false
            case "nullable": fields.nullable = readBool(entry) ?? false
            case "deprecated": fields.deprecated = readBool(entry) ?? false
            case "format": fields.format = readString(entry)
            case "title": fields.title = readString(entry)
            case "description": fields.description = readString(entry)
            case "default": fields.defaultValue = convert(entry.value)
            case "example": fields.example = convert(entry.value)
            case "oneOf", "anyOf", "allOf":
                let names = (inheritedNames ?? []).union((fields.properties ?? []).map(\.name))
                let branches = readBranches(entry, path: path, inheritedNames: names)
                switch keyword {
                case "oneOf": fields.oneOf = branches
                case "anyOf": fields.anyOf = branches
                default: fields.allOf = branches
                }
            case "not":
                if case .mapping = entry.value {
                    let names = (inheritedNames ?? []).union((fields.properties ?? []).map(\.name))
                    fields.not = build(entry.value, path: path, inheritedNames: names)
                } else {
                    typeError(entry, expected: "a schema (a mapping)")
                }
            default:
                if Self.ignoredKeywords.contains(keyword) { break }
                if Self.refusedKeywords.contains(keyword) {
                    report(SchemaRules.unsupported,
                           "'\(keyword)' is not supported: dochouse reads self-contained OpenAPI v3.0 schemas",
                           at: entry.key)
                    continue
                }
                let suggestion = NearMiss.closest(to: keyword, among: Self.supportedKeywords).map { "did you mean '\($0)'?" }
                report(SchemaRules.unsupported, "unknown OpenAPI keyword '\(keyword)'", at: entry.key, suggestion: suggestion)
                continue
            }
            fields.keywords.append(keyword)
        }
        checkRequired(fields, requiredEntries: requiredEntries, inheritedNames: inheritedNames)
        checkConsistency(fields)
        return SchemaNode(fields)
    }

    /// Each `required` name must be a property the object declares: its own, a branch's, or (inside a
    /// combinator branch) the enclosing object's. Objects that declare no properties and allow any key are skipped.
    mutating func checkRequired(_ fields: SchemaNode.Fields, requiredEntries: [Node], inheritedNames: Set<String>?) {
        guard !fields.required.isEmpty else { return }
        var known = Set((fields.properties ?? []).map(\.name)).union(inheritedNames ?? [])
        for branch in fields.allOf + fields.oneOf + fields.anyOf { known.formUnion(branch.declaredPropertyNames) }
        var closed = false
        if case .allowed(false) = fields.additionalProperties { closed = true }
        if fields.properties == nil, (inheritedNames ?? []).isEmpty, !closed { return }
        for (offset, name) in fields.required.enumerated() where !known.contains(name) {
            let node = offset < requiredEntries.count ? requiredEntries[offset] : nil
            let suggestion = NearMiss.closest(to: name, among: known.sorted()).map { "did you mean '\($0)'?" }
            let message = "required lists '\(name)', which is not a property of this object"
            if let node {
                report(SchemaRules.unknownRequired, message, at: node, suggestion: suggestion)
            } else {
                diagnostics.append(Diagnostic(rule: SchemaRules.unknownRequired, message: message, at: fields.location,
                                              suggestion: suggestion))
            }
        }
    }

    /// Bounds that contradict each other make every value invalid: report them once, at the node.
    mutating func checkConsistency(_ fields: SchemaNode.Fields) {
        let pairs: [(String, Int?, String, Int?)] = [
            ("minLength", fields.minLength, "maxLength", fields.maxLength),
            ("minItems", fields.minItems, "maxItems", fields.maxItems),
            ("minProperties", fields.minProperties, "maxProperties", fields.maxProperties),
        ]
        for (lowName, low, highName, high) in pairs {
            if let low, let high, low > high {
                diagnostics.append(Diagnostic(rule: SchemaRules.unsupported,
                                              message: "\(lowName) (\(low)) is greater than \(highName) (\(high))",
                                              at: fields.location))
            }
        }
        if let low = fields.minimum, let high = fields.maximum, low.value > high.value {
            diagnostics.append(Diagnostic(rule: SchemaRules.unsupported,
                                          message: "minimum (\(low.text)) is greater than maximum (\(high.text))",
                                          at: fields.location))
        }
    }

    mutating func readProperties(_ entry: YAMLMergeKeys.Entry, path: String) -> [SchemaNode.Property]? {
        guard case .mapping(let mapping) = entry.value else {
            if case .scalar = entry.value, entry.value.isNullScalar { return [] }
            typeError(entry, expected: "a mapping of property names to schemas")
            return nil
        }
        var out: [SchemaNode.Property] = []
        var seen = Set<String>()
        for child in mergedEntries(mapping) {
            guard let name = child.name, child.key.scalar != nil else {
                report(SchemaRules.unsupported, "a property name must be a string, found \(Self.describe(child.key))",
                       at: child.key)
                continue
            }
            guard seen.insert(name).inserted else { continue }
            let childPath = path.isEmpty ? name : path + "." + name
            out.append(SchemaNode.Property(name: name, keyLocation: location(child.key),
                                           node: build(child.value, path: childPath)))
        }
        return out
    }

    mutating func readBranches(_ entry: YAMLMergeKeys.Entry, path: String, inheritedNames: Set<String>) -> [SchemaNode] {
        guard case .sequence(let sequence) = entry.value else {
            typeError(entry, expected: "a list of schemas")
            return []
        }
        if sequence.isEmpty {
            report(SchemaRules.unsupported, "\(entry.name ?? "") must list at least one schema", at: entry.value)
        }
        return sequence.map { build($0, path: path, inheritedNames: inheritedNames) }
    }

    // MARK: - Helpers

    mutating func mergedEntries(_ mapping: Node.Mapping) -> [YAMLMergeKeys.Entry] {
        var problems: [YAMLMergeKeys.Problem] = []
        let entries = YAMLMergeKeys.entries(of: mapping, problems: &problems)
        for problem in problems {
            diagnostics.append(Diagnostic(rule: SchemaRules.syntax, message: problem.message, at: location(problem.mark)))
        }
        return entries
    }

    mutating func typeError(_ entry: YAMLMergeKeys.Entry, expected: String) {
        report(SchemaRules.unsupported, "\(entry.name ?? "keyword") must be \(expected), found \(Self.describe(entry.value))",
               at: entry.value)
    }

    mutating func report(_ rule: RuleDescriptor, _ message: String, at node: Node, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(rule: rule, message: message, at: location(node), suggestion: suggestion))
    }

    func location(_ node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}
