import Yams

/// How the schema builder reads each keyword's value (types, lists, strings, booleans, numbers, counts, bounds,
/// `x-` extensions) and turns YAML nodes into `SchemaValue`s.
extension SchemaNodeBuilder {
    // MARK: - Keyword values

    mutating func readTypes(_ entry: YAMLMergeKeys.Entry) -> [SchemaType] {
        var names: [(String, Node)] = []
        switch entry.value {
        case .scalar(let scalar) where Self.reading(scalar).stringValue != nil:
            names = [(scalar.string, entry.value)]
        case .sequence(let sequence):
            for item in sequence {
                guard case .scalar(let scalar) = item, Self.reading(scalar).stringValue != nil else {
                    report(SchemaRules.unsupported, "type must name a type, found \(Self.describe(item))", at: item)
                    continue
                }
                names.append((scalar.string, item))
            }
        default:
            typeError(entry, expected: "a type name or a list of type names")
            return []
        }
        var types: [SchemaType] = []
        for (name, node) in names {
            if let type = SchemaType(rawValue: name) {
                if !types.contains(type) { types.append(type) }
                continue
            }
            let candidates = SchemaType.allCases.map(\.rawValue)
            var suggestion = NearMiss.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
            if suggestion == nil, ["int", "long"].contains(name.lowercased()) { suggestion = "did you mean 'integer'?" }
            if suggestion == nil, ["bool"].contains(name.lowercased()) { suggestion = "did you mean 'boolean'?" }
            if suggestion == nil, ["float", "double"].contains(name.lowercased()) { suggestion = "did you mean 'number'?" }
            if suggestion == nil, ["map", "dict"].contains(name.lowercased()) { suggestion = "did you mean 'object'?" }
            if suggestion == nil, ["list"].contains(name.lowercased()) { suggestion = "did you mean 'array'?" }
            report(SchemaRules.unsupported,
                   "unknown type '\(name)' (expected one of: \(candidates.joined(separator: ", ")))", at: node,
                   suggestion: suggestion)
        }
        return types
    }

    mutating func readStringList(_ entry: YAMLMergeKeys.Entry) -> [String]? {
        guard case .sequence(let sequence) = entry.value else {
            var expected = "a list of strings"
            if entry.name == "required", case .scalar(let scalar) = entry.value, Self.reading(scalar).boolValue != nil {
                expected += " (OpenAPI v3 lists required property names on the parent object, not `required: true` on the property)"
            }
            typeError(entry, expected: expected)
            return nil
        }
        var out: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, let text = Self.reading(scalar).stringValue else {
                report(SchemaRules.unsupported,
                       "\(entry.name ?? "") must list strings, found \(Self.describe(item))", at: item)
                continue
            }
            out.append(text)
        }
        return out
    }

    mutating func readString(_ entry: YAMLMergeKeys.Entry) -> String? {
        guard case .scalar(let scalar) = entry.value, let text = Self.reading(scalar).stringValue else {
            typeError(entry, expected: "a string")
            return nil
        }
        return text
    }

    mutating func readBool(_ entry: YAMLMergeKeys.Entry) -> Bool? {
        guard case .scalar(let scalar) = entry.value, let flag = Self.reading(scalar).boolValue else {
            typeError(entry, expected: "true or false")
            return nil
        }
        return flag
    }

    mutating func readNumber(_ entry: YAMLMergeKeys.Entry) -> SchemaNumber? {
        guard case .scalar(let scalar) = entry.value, case .number(let text) = Self.reading(scalar),
              let number = SchemaNumber(text), number.value.isFinite
        else {
            typeError(entry, expected: "a number")
            return nil
        }
        return number
    }

    mutating func readCount(_ entry: YAMLMergeKeys.Entry) -> Int? {
        guard case .scalar(let scalar) = entry.value, case .number(let text) = Self.reading(scalar),
              let value = Int(text.replacingOccurrences(of: "_", with: "")), value >= 0
        else {
            typeError(entry, expected: "a non-negative integer")
            return nil
        }
        return value
    }

    mutating func readExclusive(_ entry: YAMLMergeKeys.Entry) -> SchemaNode.ExclusiveBound? {
        if case .scalar(let scalar) = entry.value {
            switch Self.reading(scalar) {
            case .bool(let flag): return .flag(flag)
            case .number(let text): if let number = SchemaNumber(text), number.value.isFinite { return .value(number) }
            default: break
            }
        }
        typeError(entry, expected: "true, false or a number")
        return nil
    }

    /// Known `x-*` extensions must have the shape pages rely on; unknown ones are kept as they are.
    mutating func checkExtension(_ name: String, _ value: SchemaValue, _ entry: YAMLMergeKeys.Entry) {
        let ok: Bool
        let expected: String
        switch name {
        case "x-doc-required", "x-doc-deprecated", "x-doc-skip", "x-unsafe", "x-kubernetes-int-or-string",
             "x-kubernetes-preserve-unknown-fields":
            ok = value.boolValue != nil; expected = "true or false"
        case "x-doc-search":
            ok = value.stringValue != nil; expected = "a string"
        case "x-doc-examples":
            ok = value.arrayValue != nil; expected = "a list of examples"
        case "x-enum-descriptions":
            ok = value.members != nil; expected = "a mapping of enum values to descriptions"
        case "x-unsafe-rules":
            ok = value.arrayValue?.allSatisfy({ $0.stringValue != nil }) ?? false; expected = "a list of strings"
        default:
            return
        }
        if !ok { typeError(entry, expected: expected) }
    }

    // MARK: - Values

    /// A composed node as a `SchemaValue` (merge keys resolved).
    mutating func convert(_ node: Node) -> SchemaValue {
        switch node {
        case .scalar(let scalar):
            return Self.reading(scalar)
        case .sequence(let sequence):
            return .array(sequence.map { convert($0) })
        case .mapping(let mapping):
            var members: [SchemaValue.Member] = []
            var seen = Set<String>()
            for entry in mergedEntries(mapping) {
                let key = entry.key.scalar?.string ?? Self.describe(entry.key)
                guard seen.insert(key).inserted else { continue }
                members.append(SchemaValue.Member(key: key, value: convert(entry.value)))
            }
            return .object(members)
        case .alias:
            return .null
        }
    }

    /// How YAML reads a scalar: quoted and block scalars are strings; a plain one may be null, a boolean
    /// (YAML 1.1 words included, as Kubernetes' YAML reader takes them) or a number.
    static func reading(_ scalar: Node.Scalar) -> SchemaValue {
        let text = scalar.string
        switch scalar.style {
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            return .string(text)
        default:
            break
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        if SchemaNumber.parse(text) != nil { return .number(text) }
        return .string(text)
    }

    /// "string \"x\"", "number 5", "a mapping": how a node is named in a message.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch reading(scalar) {
            case .null: return "null"
            case .bool: return "boolean \(scalar.string)"
            case .number: return "number \(scalar.string)"
            default:
                let text = scalar.string
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                return "string \"\(shown)\""
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
