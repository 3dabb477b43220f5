import Foundation

/// Checks a sample value against a schema node: types (with YAML's implicit typing in mind), enums, patterns,
/// bounds, lengths, item counts and uniqueness, required and unknown keys, deprecated properties, and the
/// `oneOf`/`anyOf`/`allOf`/`not` combinators. Pure; recursion is bounded by `maxDepth`.
public enum SchemaValidator {
    /// Levels of value nesting (and combinator nesting) followed before the validator stops descending.
    public static let maxDepth = 256

    public static func validate(_ value: SampleValue, against root: SchemaNode,
                                mode: SchemaValidationMode) -> [SchemaViolation] {
        let run = Run(mode: mode)
        var findings: [Finding] = []
        run.check(value, root, path: "", isRoot: true, depth: 0, into: &findings)
        var seen = Set<SchemaViolation>()
        return findings
            .filter { !$0.soft }
            .map(\.violation)
            .filter { seen.insert($0).inserted }
            .sorted { ($0.position, $0.rule.id, $0.message) < ($1.position, $1.rule.id, $1.message) }
    }

    /// A violation plus what combinators need to weigh it.
    struct Finding {
        var violation: SchemaViolation
        /// A required key missing from the top-level object of a fragment: not reported, but it keeps a
        /// combinator branch from counting as a definite match.
        var soft = false
        /// For `schema.required`: the missing keys.
        var missing: [String] = []

        /// Errors count against a branch; warnings (deprecated, YAML 1.1 booleans) do not.
        var isHard: Bool { !soft && violation.rule.defaultSeverity == .error }
    }

    struct Run {
        typealias Finding = SchemaValidator.Finding
        let mode: SchemaValidationMode

        // MARK: - One value

        func check(_ value: SampleValue, _ schema: SchemaNode, path: String, isRoot: Bool, depth: Int,
                   into out: inout [Finding]) {
            guard depth <= SchemaValidator.maxDepth else { return }
            guard checkType(value, schema, path: path, into: &out) else { return }
            if case .null = value.kind, schema.nullable || schema.types.contains(.null) { return }

            if let allowed = schema.enumValues, !allowed.contains(where: { Self.equal(value, $0) }) {
                out.append(enumFinding(value, allowed, path: path))
            }
            switch value.kind {
            case .string(let text): checkString(text, value, schema, path: path, into: &out)
            case .number(let text): checkNumber(text, value, schema, path: path, into: &out)
            case .array(let items): checkArray(items, value, schema, path: path, depth: depth, into: &out)
            case .object(let members):
                checkObject(members, value, schema, path: path, isRoot: isRoot, depth: depth, into: &out)
            case .bool, .null: break
            }
            checkCombinators(value, schema, path: path, isRoot: isRoot, depth: depth, into: &out)
        }

        // MARK: - Types

        /// Reports a wrong type (and YAML 1.1 booleans); false when the value's other checks make no sense.
        func checkType(_ value: SampleValue, _ schema: SchemaNode, path: String, into out: inout [Finding]) -> Bool {
            var types = schema.types
            if schema.isIntOrString {
                for type in [SchemaType.integer, .string] where !types.contains(type) { types.append(type) }
            }
            let plain = value.style == .yamlPlain
            let written = Self.writtenText(value)

            // `yes`, `no`, `on`, `off`, `y`, `n`: booleans in YAML 1.1 (Kubernetes' reader), strings in YAML 1.2.
            if plain, let word = written, Self.yaml11Words.contains(word.lowercased()) {
                if types.contains(.boolean), !types.contains(.string) {
                    switch value.kind {
                    case .bool, .string:
                        let truth = ["yes", "on", "y"].contains(word.lowercased())
                        out.append(finding(SchemaRules.yaml11Boolean, value, path,
                                           "'\(word)' is a boolean (\(truth)) in YAML 1.1 but the string \"\(word)\" in YAML 1.2",
                                           suggestion: "write \(truth)", replacement: truth ? "true" : "false"))
                        return false
                    default: break
                    }
                }
                if types.contains(.string), case .string = value.kind {
                    out.append(finding(SchemaRules.yaml11Boolean, value, path,
                                       "YAML 1.1 reads an unquoted \(word) as a boolean; YAML 1.2 as a string",
                                       suggestion: "quote it: \(SchemaValue.quoted(word))",
                                       replacement: SchemaValue.quoted(word)))
                    return true
                }
            }

            if types.isEmpty { return true }
            if Self.matches(value, types, nullable: schema.nullable) {
                // A plain scalar that YAML types as a date (or, in YAML 1.1, a number) where a string is wanted.
                if plain, case .string(let text) = value.kind, types.contains(.string),
                   let reading = Self.implicitReading(of: text) {
                    let quoted = SchemaValue.quoted(text)
                    out.append(finding(SchemaRules.type, value, path,
                                       "expected string, found \(reading) \(text) (YAML reads an unquoted \(text) as \(reading == "date" ? "a date" : "a \(reading)"))",
                                       suggestion: "quote it: \(quoted)", replacement: quoted))
                    return false
                }
                return true
            }

            let expected = Self.describe(types)
            var message = "expected \(expected), found \(Self.describe(value))"
            var suggestion: String?
            var replacement: String?
            switch value.kind {
            case .number, .bool:
                guard types.contains(.string), plain, let text = written ?? Self.scalarText(value) else { break }
                var what = "a number"
                if case .bool = value.kind { what = "a boolean" }
                message += " (YAML reads an unquoted \(text) as \(what))"
                let quoted = SchemaValue.quoted(text)
                suggestion = "quote it: \(quoted)"
                replacement = quoted
            case .string(let text) where value.style != .yamlLiteral && value.style != .yamlFolded:
                if let bare = Self.unquoted(text, for: types) {
                    suggestion = "remove the quotes: \(bare)"
                    replacement = bare
                }
            case .null where plain && (written ?? "").isEmpty:
                message += " (an empty value is null in YAML)"
            default:
                break
            }
            out.append(finding(SchemaRules.type, value, path, message, suggestion: suggestion, replacement: replacement))
            return false
        }

        // MARK: - Scalars

        func checkString(_ text: String, _ value: SampleValue, _ schema: SchemaNode, path: String,
                         into out: inout [Finding]) {
            if let pattern = schema.compiledPattern, !pattern.matches(text) {
                out.append(finding(SchemaRules.pattern, value, path,
                                   "\(SchemaValue.quoted(text)) does not match the pattern \(schema.pattern ?? "")"))
            }
            let length = text.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                out.append(finding(SchemaRules.length, value, path,
                                   "\(SchemaValue.quoted(text)) is \(Self.count(length, "character")) long; minLength is \(minimum)"))
            }
            if let maximum = schema.maxLength, length > maximum {
                out.append(finding(SchemaRules.length, value, path,
                                   "\(Self.abbreviated(text)) is \(Self.count(length, "character")) long; maxLength is \(maximum)"))
            }
        }

        func checkNumber(_ text: String, _ value: SampleValue, _ schema: SchemaNode, path: String,
                         into out: inout [Finding]) {
            if let (bound, exclusive) = schema.lowerBound, let order = Self.compare(text, bound) {
                if exclusive ? order != .orderedDescending : order == .orderedAscending {
                    let message = exclusive ? "\(text) must be greater than \(bound.text) (exclusiveMinimum)"
                        : "\(text) is less than the minimum \(bound.text)"
                    out.append(finding(SchemaRules.minimum, value, path, message))
                }
            }
            if let (bound, exclusive) = schema.upperBound, let order = Self.compare(text, bound) {
                if exclusive ? order != .orderedAscending : order == .orderedDescending {
                    let message = exclusive ? "\(text) must be less than \(bound.text) (exclusiveMaximum)"
                        : "\(text) is greater than the maximum \(bound.text)"
                    out.append(finding(SchemaRules.maximum, value, path, message))
                }
            }
            if let divisor = schema.multipleOf, let number = SchemaNumber.parse(text), number.isFinite {
                let quotient = number / divisor.value
                if abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                    out.append(finding(SchemaRules.multipleOf, value, path, "\(text) is not a multiple of \(divisor.text)"))
                }
            }
        }

        // MARK: - Arrays

        func checkArray(_ items: [SampleValue], _ value: SampleValue, _ schema: SchemaNode, path: String,
                        depth: Int, into out: inout [Finding]) {
            if let minimum = schema.minItems, items.count < minimum {
                out.append(finding(SchemaRules.minItems, value, path,
                                   "the list has \(Self.count(items.count, "item")); minItems is \(minimum)"))
            }
            if let maximum = schema.maxItems, items.count > maximum {
                out.append(finding(SchemaRules.maxItems, value, path,
                                   "the list has \(Self.count(items.count, "item")); maxItems is \(maximum)"))
            }
            if schema.uniqueItems {
                var first: [String: Int] = [:]
                for (index, item) in items.enumerated() {
                    let key = Self.canonical(item, depth: 0)
                    if let earlier = first[key] {
                        let earlierPath = path + "[\(earlier)]"
                        out.append(finding(SchemaRules.uniqueItems, item, path + "[\(index)]",
                                           "duplicate item \(Self.shortDescription(item)): the same as \(earlierPath)",
                                           suggestion: "remove one of them"))
                    } else {
                        first[key] = index
                    }
                }
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() {
                    check(item, itemSchema, path: path + "[\(index)]", isRoot: false, depth: depth + 1, into: &out)
                }
            }
        }

        // MARK: - Objects

        func checkObject(_ members: [SampleMember], _ value: SampleValue, _ schema: SchemaNode, path: String,
                         isRoot: Bool, depth: Int, into out: inout [Finding]) {
            let present = Set(members.map(\.key))
            let missing = schema.required.filter { !present.contains($0) }
            if !missing.isEmpty {
                let names = missing.map { "'\($0)'" }.joined(separator: ", ")
                let message = missing.count == 1 ? "missing required property \(names)" : "missing required properties \(names)"
                var suggestion: String?
                let unknownKeys = members.map(\.key).filter { schema.property($0) == nil }
                for name in missing {
                    if let typo = NearMiss.closest(to: name, among: unknownKeys) {
                        suggestion = "did you mean '\(name)' instead of '\(typo)'?"
                        break
                    }
                }
                var item = finding(SchemaRules.required, value, path, message, suggestion: suggestion)
                item.missing = missing
                item.soft = isRoot && mode == .fragment
                out.append(item)
            }

            let preserve = schema.preservesUnknownFields
            for member in members {
                let childPath = Self.join(path, member.key)
                if let property = schema.property(member.key) {
                    if property.isDeprecated {
                        out.append(Finding(violation: SchemaViolation(
                            rule: SchemaRules.deprecated, position: member.keyPosition, path: childPath,
                            message: "'\(member.key)' is deprecated")))
                    }
                    check(member.value, property, path: childPath, isRoot: false, depth: depth + 1, into: &out)
                    continue
                }
                switch schema.additionalProperties {
                case .schema(let values)?:
                    check(member.value, values, path: childPath, isRoot: false, depth: depth + 1, into: &out)
                case .allowed(false)? where !preserve:
                    let names = schema.propertyNames
                    let closest = NearMiss.closest(to: member.key, among: names)
                    let suggestion = closest.map { "did you mean '\($0)'?" }
                        ?? (names.isEmpty ? "this object takes no keys" : "allowed: \(Self.list(names))")
                    out.append(Finding(violation: SchemaViolation(
                        rule: SchemaRules.additionalProperty, position: member.keyPosition, path: childPath,
                        message: "unknown property '\(member.key)'", suggestion: suggestion, replacement: closest)))
                case nil where !preserve && !schema.properties.isEmpty:
                    let names = schema.declaredPropertyNames
                    guard !names.contains(member.key) else { break }
                    let closest = NearMiss.closest(to: member.key, among: names)
                    out.append(Finding(violation: SchemaViolation(
                        rule: SchemaRules.unknownProperty, position: member.keyPosition, path: childPath,
                        message: "'\(member.key)' is not a property the schema declares",
                        suggestion: closest.map { "did you mean '\($0)'?" }, replacement: closest)))
                default:
                    break
                }
            }

            if let minimum = schema.minProperties, members.count < minimum {
                out.append(finding(SchemaRules.minProperties, value, path,
                                   "the object has \(Self.count(members.count, "key")); minProperties is \(minimum)"))
            }
            if let maximum = schema.maxProperties, members.count > maximum {
                out.append(finding(SchemaRules.maxProperties, value, path,
                                   "the object has \(Self.count(members.count, "key")); maxProperties is \(maximum)"))
            }
        }
    }
}
