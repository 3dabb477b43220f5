/// `oneOf`, `anyOf`, `allOf` and `not` of a schema node in words, as HTML blocks for a reference page.
///
/// Branches that differ only by `required` read as a choice ("Set exactly one of: `vpcNetworkCIDR`,
/// `existingVPCID`."); other branches become a numbered list of conditions, each summarised from what the branch
/// constrains (`layout` is `Standard`).
enum ReferenceCombinators {
    /// Combinators nested deeper than this are summarised as "a nested rule".
    static let maxDepth = 8

    /// The rules of `node` as HTML (paragraphs and lists); "" when it has none.
    static func html(for node: SchemaNode, terms: ReferenceTerms) -> String {
        rules(of: node, terms: terms, depth: 0).joined()
    }

    static func hasRules(_ node: SchemaNode) -> Bool {
        !node.oneOf.isEmpty || !node.anyOf.isEmpty || !node.allOf.isEmpty || node.not != nil
    }

    private static func rules(of node: SchemaNode, terms: ReferenceTerms, depth: Int) -> [String] {
        guard depth < maxDepth else { return [] }
        var out: [String] = []
        var general: [SchemaNode] = []
        for branch in node.allOf {
            // A branch that only groups combinators (the usual `allOf: [{oneOf: ...}, {oneOf: ...}]`) is flattened.
            if isCombinatorOnly(branch) {
                out += rules(of: branch, terms: terms, depth: depth + 1)
            } else {
                general.append(branch)
            }
        }
        if !general.isEmpty { out.append(block(.allOf, general, terms: terms, depth: depth)) }
        if !node.oneOf.isEmpty { out.append(block(.oneOf, node.oneOf, terms: terms, depth: depth)) }
        if !node.anyOf.isEmpty { out.append(block(.anyOf, node.anyOf, terms: terms, depth: depth)) }
        if let negated = node.not {
            if negated.isRequiredOnly {
                out.append("<p>" + terms.notTogether(negated.required.map(code)) + "</p>\n")
            } else {
                out.append("<p>" + terms.mustNotHold(summary(of: negated, terms: terms, depth: depth + 1)) + "</p>\n")
            }
        }
        return out
    }

    private static func isCombinatorOnly(_ node: SchemaNode) -> Bool {
        hasRules(node) && node.keywords.allSatisfy {
            ["oneOf", "anyOf", "allOf", "not", "description", "title"].contains($0) || $0.hasPrefix("x-")
        }
    }

    private static func block(_ combinator: ReferenceTerms.Combinator, _ branches: [SchemaNode], terms: ReferenceTerms,
                              depth: Int) -> String {
        if branches.allSatisfy(\.isRequiredOnly) {
            let choices = branches.map { $0.required.map(code).joined(separator: terms.and) }
            return "<p>" + terms.setChoices(combinator, choices) + "</p>\n"
        }
        var out = "<p>" + HTMLEscaping.escape(terms.conditionsIntro(combinator)) + "</p>\n<ol>\n"
        for branch in branches {
            out += "<li>" + summary(of: branch, terms: terms, depth: depth + 1) + "</li>\n"
        }
        return out + "</ol>\n"
    }

    /// One branch in words (inline HTML): what it requires of properties, of the value's type, of the value.
    static func summary(of branch: SchemaNode, terms: ReferenceTerms, depth: Int) -> String {
        var parts: [String] = []
        var covered = Set<String>()
        for property in branch.properties {
            let name = code(property.name)
            let node = property.node
            covered.insert(property.name)
            if let values = node.enumValues {
                parts.append(values.count == 1 ? terms.equals(name, code(values[0].displayText))
                             : terms.isOneOf(name, values.map { code($0.displayText) }))
            } else if let pattern = node.pattern {
                parts.append(terms.matches(name, code(pattern)))
            } else if let type = terms.typeName(of: node),
                      node.keywords.allSatisfy({ ["type", "description", "title", "items"].contains($0) || $0.hasPrefix("x-") }) {
                parts.append(terms.hasType(name, HTMLEscaping.escape(type)))
            } else {
                parts.append(terms.constrained(name))
            }
        }
        for name in branch.required where !covered.contains(name) {
            parts.append(terms.isSet(code(name)))
        }
        if let negated = branch.not, negated.isRequiredOnly {
            for name in negated.required { parts.append(terms.isNotSet(code(name))) }
        }
        if let values = branch.enumValues {
            parts.append(terms.isOneOf(HTMLEscaping.escape(terms.theValue), values.map { code($0.displayText) }))
        }
        if !branch.types.isEmpty, parts.isEmpty || !ReferenceParameterTree.isObjectLike(branch),
           let type = terms.typeName(of: branch) {
            parts.append(terms.hasType(nil, HTMLEscaping.escape(type)))
        }
        if !branch.oneOf.isEmpty || !branch.anyOf.isEmpty || !branch.allOf.isEmpty
            || (branch.not != nil && branch.not?.isRequiredOnly == false) {
            parts.append(HTMLEscaping.escape(terms.nestedRule))
        }
        if parts.isEmpty { return HTMLEscaping.escape(terms.anyValue) }
        return parts.joined(separator: terms.and)
    }

    static func code(_ text: String) -> String {
        "<code>" + HTMLEscaping.escape(text) + "</code>"
    }
}
