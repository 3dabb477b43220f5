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
        private func checkType(_ value: SampleValue, _ schema: SchemaNode, path: String, into out: inout [Finding]) -> Bool {
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

        private func checkString(_ text: String, _ value: SampleValue, _ schema: SchemaNode, path: String,
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

        private func checkNumber(_ text: String, _ value: SampleValue, _ schema: SchemaNode, path: String,
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

        private func checkArray(_ items: [SampleValue], _ value: SampleValue, _ schema: SchemaNode, path: String,
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

        private func checkObject(_ members: [SampleMember], _ value: SampleValue, _ schema: SchemaNode, path: String,
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

        // MARK: - Combinators

        private func checkCombinators(_ value: SampleValue, _ schema: SchemaNode, path: String, isRoot: Bool, depth: Int,
                                      into out: inout [Finding]) {
            // allOf: every branch applies as if written here; its findings are reported under their own rules.
            for branch in schema.allOf {
                check(value, branch, path: path, isRoot: isRoot, depth: depth + 1, into: &out)
            }
            if !schema.oneOf.isEmpty {
                let results = schema.oneOf.map { evaluate(value, $0, path: path, isRoot: isRoot, depth: depth) }
                let definite = results.indices.filter { results[$0].allSatisfy { !$0.isHard && !$0.soft } }
                let possible = results.indices.filter { results[$0].allSatisfy { !$0.isHard } }
                if definite.count > 1 {
                    out.append(oneOfAmbiguous(value, schema.oneOf, definite, path: path))
                } else if definite.isEmpty, possible.isEmpty {
                    // Only a fragment's top level has soft (missing, maybe elsewhere) keys; a branch that fails by
                    // those alone may still match the whole resource.
                    if !Self.covered(results, by: out) {
                        out.append(noBranch(SchemaRules.oneOf, "oneOf", value, schema.oneOf, results, path: path))
                    }
                }
            }
            if !schema.anyOf.isEmpty {
                let results = schema.anyOf.map { evaluate(value, $0, path: path, isRoot: isRoot, depth: depth) }
                let definite = results.contains { $0.allSatisfy { !$0.isHard && !$0.soft } }
                let possible = results.contains { $0.allSatisfy { !$0.isHard } }
                if !definite, !possible, !Self.covered(results, by: out) {
                    out.append(noBranch(SchemaRules.anyOf, "anyOf", value, schema.anyOf, results, path: path))
                }
            }
            if let negated = schema.not {
                let result = evaluate(value, negated, path: path, isRoot: isRoot, depth: depth)
                if result.allSatisfy({ !$0.isHard && !$0.soft }) {
                    let message: String
                    if negated.isRequiredOnly {
                        let names = negated.required.joined(separator: " and ")
                        message = negated.required.count == 1 ? "\(names) must not be set here"
                            : "\(names) must not be set together"
                    } else {
                        message = "the value matches the schema under `not`, which it must not"
                    }
                    out.append(finding(SchemaRules.not, value, path, message))
                }
            }
        }

        private func evaluate(_ value: SampleValue, _ branch: SchemaNode, path: String, isRoot: Bool, depth: Int) -> [Finding] {
            var findings: [Finding] = []
            check(value, branch, path: path, isRoot: isRoot, depth: depth + 1, into: &findings)
            return findings
        }

        /// More than one oneOf branch matches.
        private func oneOfAmbiguous(_ value: SampleValue, _ branches: [SchemaNode], _ matching: [Int], path: String) -> Finding {
            if branches.allSatisfy(\.isRequiredOnly), let members = value.members {
                let groups = branches.map(\.required)
                let setGroups = matching.map { groups[$0] }
                let setNames = setGroups.map { $0.joined(separator: " and ") }
                let message = "set exactly one of \(Self.choices(groups))"
                    + (matching.count == 2 && branches.count == 2 ? ", not both" : "; found \(setNames.joined(separator: ", "))")
                // Point at the key that made the second branch match.
                let keys = Set(setGroups.dropFirst().flatMap { $0 })
                let position = members.filter { keys.contains($0.key) }.map(\.keyPosition).max() ?? value.position
                return Finding(violation: SchemaViolation(rule: SchemaRules.oneOf, position: position, path: path,
                                                          message: message))
            }
            let numbers = matching.map { String($0 + 1) }.joined(separator: ", ")
            return finding(SchemaRules.oneOf, value, path,
                           "the value matches \(matching.count) of the \(branches.count) oneOf branches (\(numbers)); exactly one must match")
        }

        /// No branch of oneOf/anyOf matches.
        private func noBranch(_ rule: RuleDescriptor, _ keyword: String, _ value: SampleValue, _ branches: [SchemaNode],
                              _ results: [[Finding]], path: String) -> Finding {
            if branches.allSatisfy(\.isRequiredOnly), value.members != nil {
                let quantity = keyword == "oneOf" ? "exactly one" : "at least one"
                return finding(rule, value, path, "set \(quantity) of \(Self.choices(branches.map(\.required))); none is set")
            }
            let hard = results.map { $0.filter(\.isHard) }
            let best = hard.indices.min { hard[$0].count < hard[$1].count }
            var suggestion: String?
            if let best, let first = hard[best].first {
                let place = first.violation.path == path || first.violation.path.isEmpty ? "" : "\(first.violation.path): "
                suggestion = "closest is branch \(best + 1): \(place)\(first.violation.message)"
            }
            return finding(rule, value, path, "the value matches none of the \(branches.count) \(keyword) branches",
                           suggestion: suggestion)
        }

        // MARK: - Findings

        private func finding(_ rule: RuleDescriptor, _ value: SampleValue, _ path: String, _ message: String,
                             suggestion: String? = nil, replacement: String? = nil) -> Finding {
            Finding(violation: SchemaViolation(rule: rule, position: value.position, path: path, message: message,
                                               suggestion: suggestion, replacement: replacement))
        }

        private func enumFinding(_ value: SampleValue, _ allowed: [SchemaValue], path: String) -> Finding {
            let shown = Self.scalarText(value) ?? Self.describe(value)
            let names = allowed.map(\.displayText)
            var message = "\(value.kind.isString ? "'\(shown)'" : shown) is not one of the allowed values: \(Self.list(names))"
            var suggestion: String?
            var replacement: String?
            if case .string(let text) = value.kind,
               let closest = NearMiss.closest(to: text, among: allowed.compactMap(\.stringValue)) {
                suggestion = "did you mean '\(closest)'?"
                if closest.lowercased() == text.lowercased() { suggestion! += " (values are case-sensitive)" }
                if let target = allowed.first(where: { $0.displayText == closest }) {
                    replacement = Self.render(target, like: value)
                }
            }
            if value.style == .yamlPlain, case .string = value.kind, allowed.contains(where: { $0.stringValue == nil }) {
                message += " (an unquoted value is read by YAML's rules)"
            }
            return Finding(violation: SchemaViolation(rule: SchemaRules.enumValue, position: value.position, path: path,
                                                      message: message, suggestion: suggestion, replacement: replacement))
        }

        /// True when every failing branch fails only where the value's own checks already reported a finding
        /// (same path and rule; for `required`, the same missing keys), so the combinator adds nothing.
        static func covered(_ results: [[Finding]], by out: [Finding]) -> Bool {
            for result in results {
                let hard = result.filter(\.isHard)
                if hard.isEmpty { return false }
                for item in hard {
                    let match = out.contains { existing in
                        existing.violation.path == item.violation.path && existing.violation.rule.id == item.violation.rule.id
                            && Set(existing.missing).isSuperset(of: item.missing)
                    }
                    if !match { return false }
                }
            }
            return true
        }

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
}

private extension SampleValue.Kind {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
