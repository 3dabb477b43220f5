import Foundation

/// The combinators (`oneOf`, `anyOf`, `allOf`, `not`) and the findings the validator makes: how a branch is weighed,
/// when a combinator's finding adds nothing to the value's own.
extension SchemaValidator.Run {
    // MARK: - Combinators

    func checkCombinators(_ value: SampleValue, _ schema: SchemaNode, path: String, isRoot: Bool, depth: Int,
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

    func evaluate(_ value: SampleValue, _ branch: SchemaNode, path: String, isRoot: Bool, depth: Int) -> [Finding] {
        var findings: [Finding] = []
        check(value, branch, path: path, isRoot: isRoot, depth: depth + 1, into: &findings)
        return findings
    }

    /// More than one oneOf branch matches.
    func oneOfAmbiguous(_ value: SampleValue, _ branches: [SchemaNode], _ matching: [Int], path: String) -> Finding {
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
    func noBranch(_ rule: RuleDescriptor, _ keyword: String, _ value: SampleValue, _ branches: [SchemaNode],
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

    func finding(_ rule: RuleDescriptor, _ value: SampleValue, _ path: String, _ message: String,
                 suggestion: String? = nil, replacement: String? = nil) -> Finding {
        Finding(violation: SchemaViolation(rule: rule, position: value.position, path: path, message: message,
                                           suggestion: suggestion, replacement: replacement))
    }

    func enumFinding(_ value: SampleValue, _ allowed: [SchemaValue], path: String) -> Finding {
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
}

fileprivate extension SampleValue.Kind {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
