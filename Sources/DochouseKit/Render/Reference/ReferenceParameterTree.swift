/// One parameter of a reference page: a property, the element of an array of scalars, or the value of every key
/// of a map, with what the page and the overlay need to find it.
struct ReferenceParameter: Sendable {
    enum Role: Sendable, Hashable {
        /// A named property under `properties`.
        case property(String)
        /// The `items` of an array of scalars that carry documentation (`...-element`).
        case element
        /// The `additionalProperties` schema of an object (`...-additionalproperties`).
        case mapValue
    }

    enum Requirement: Sendable, Hashable {
        case required, optional
    }

    var role: Role
    var node: SchemaNode
    /// Segments after the `kind` in the anchor (`["additionalRolePolicies", "element"]`).
    var anchorPath: [String]
    /// The overlay's path of the texts (array `items`, `element` and `additionalProperties` add no segment).
    var textPath: [String]
    /// True when the overlay keeps this node's texts among `elementTexts` (an element or a map value).
    var usesElementTexts: Bool
    /// Display names of the ancestors (`["masterNodeGroup", "instanceClass"]`; a map value shows as `*`).
    var ancestors: [String]
    /// Nil for an element or a map value, which are neither required nor optional.
    var requirement: Requirement?
    /// Nesting level: 0 for the top-level parameters.
    var depth: Int
    var children: [ReferenceParameter]

    var name: String? {
        if case .property(let name) = role { return name }
        return nil
    }

    /// The dotted path with the parameter itself: `masterNodeGroup.instanceClass.ami`, `additionalRolePolicies[]`,
    /// `tags.*`.
    var displayPath: String {
        switch role {
        case .property(let name): return (ancestors + [name]).joined(separator: ".")
        case .element: return ancestors.joined(separator: ".") + "[]"
        case .mapValue: return (ancestors + ["*"]).joined(separator: ".")
        }
    }
}

/// Builds the parameter tree of a schema version, as reference pages show it and the source checks walk it.
enum ReferenceParameterTree {
    /// Deeper nodes are not shown (schemas are trees of bounded size; this only keeps recursion bounded).
    static let maxDepth = 64

    /// The keywords of an array's scalar `items` that earn them an "Element of the array" child.
    static let elementKeywords: Set<String> = [
        "description", "example", "x-examples", "x-doc-example", "x-doc-examples", "enum", "default", "x-doc-default",
        "minimum", "maximum", "pattern", "minLength", "maxLength",
    ]

    /// The top-level parameters under a version's root.
    static func parameters(of root: SchemaNode) -> [ReferenceParameter] {
        children(of: root, anchorPath: [], textPath: [], ancestors: [], depth: 0)
    }

    /// The object whose properties are a node's children: the node, or for an array the innermost `items`.
    static func objectNode(of node: SchemaNode) -> SchemaNode? {
        let element = node.elementNode
        return isObjectLike(element) ? element : nil
    }

    static func isObjectLike(_ node: SchemaNode) -> Bool {
        node.isObjectTyped || node.propertyList != nil
            || { if case .schema? = node.additionalProperties { return true } else { return false } }()
    }

    static func isArrayLike(_ node: SchemaNode) -> Bool {
        node.isArrayTyped || node.items != nil
    }

    /// An array whose items are scalars with something to say about them.
    static func hasElementChild(_ node: SchemaNode) -> Bool {
        guard isArrayLike(node), let items = node.items, !isObjectLike(items), !isArrayLike(items), !items.xDocSkip else {
            return false
        }
        return items.keywords.contains(where: elementKeywords.contains)
    }

    static func children(of node: SchemaNode, anchorPath: [String], textPath: [String], ancestors: [String],
                         depth: Int) -> [ReferenceParameter] {
        guard depth < maxDepth else { return [] }
        if hasElementChild(node), let items = node.items {
            return [ReferenceParameter(role: .element, node: items, anchorPath: anchorPath + ["element"],
                                       textPath: textPath, usesElementTexts: true, ancestors: ancestors,
                                       requirement: nil, depth: depth, children: [])]
        }
        guard let object = objectNode(of: node) else { return [] }
        var out: [ReferenceParameter] = []
        // Own properties, then those that only a combinator branch declares (the object's own, too).
        var names = object.propertyNames
        var seen = Set(names)
        for name in object.declaredPropertyNames where seen.insert(name).inserted { names.append(name) }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            guard let child = object.declaredChild(name), !child.xDocSkip else { continue }
            let requirement: ReferenceParameter.Requirement
            if object.required.contains(name) {
                requirement = .required
            } else if let flag = child.xDocRequired {
                requirement = flag ? .required : .optional
            } else {
                requirement = .optional
            }
            let childAnchor = anchorPath + [name]
            let childText = textPath + [name]
            let grandchildren = children(of: child, anchorPath: childAnchor, textPath: childText,
                                         ancestors: ancestors + [name], depth: depth + 1)
            out.append(ReferenceParameter(role: .property(name), node: child, anchorPath: childAnchor, textPath: childText,
                                          usesElementTexts: false, ancestors: ancestors, requirement: requirement,
                                          depth: depth, children: grandchildren))
        }
        if case .schema(let values)? = object.additionalProperties, !values.xDocSkip {
            let childAnchor = anchorPath + ["additionalProperties"]
            // The overlay keeps the map value's texts at the map's path; its properties continue from there.
            let grandchildren = children(of: values, anchorPath: childAnchor, textPath: textPath,
                                         ancestors: ancestors + ["*"], depth: depth + 1)
            out.append(ReferenceParameter(role: .mapValue, node: values, anchorPath: childAnchor, textPath: textPath,
                                          usesElementTexts: true, ancestors: ancestors, requirement: nil,
                                          depth: depth, children: grandchildren))
        }
        return out
    }

    /// Every parameter of a tree, depth first, in page order.
    static func flattened(_ parameters: [ReferenceParameter]) -> [ReferenceParameter] {
        var out: [ReferenceParameter] = []
        func visit(_ list: [ReferenceParameter]) {
            for parameter in list {
                out.append(parameter)
                visit(parameter.children)
            }
        }
        visit(parameters)
        return out
    }
}
