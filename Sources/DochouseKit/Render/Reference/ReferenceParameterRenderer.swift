import Foundation

/// Renders the parameters of a reference page, collecting the page's anchors and search entries on the way.
struct ReferenceParameterRenderer {
    let kind: String
    let terms: ReferenceTerms
    /// The overlay whose texts replace the schema's; nil in the schema's own language.
    let overlay: SchemaOverlay?
    let markdown: (String) -> String

    private(set) var anchors: [String] = []
    private(set) var searchEntries: [(anchor: String, path: String, text: String)] = []

    init(kind: String, terms: ReferenceTerms, overlay: SchemaOverlay?, markdown: @escaping (String) -> String) {
        self.kind = kind
        self.terms = terms
        self.overlay = overlay
        self.markdown = markdown
    }

    func anchor(_ parameter: ReferenceParameter) -> String {
        ReferenceAnchor.anchor(kind: kind, path: parameter.anchorPath)
    }

    /// What a heading calls a parameter: its name, or "Element of the array" / "Value of each key".
    func title(_ parameter: ReferenceParameter) -> String {
        switch parameter.role {
        case .property(let name): name
        case .element: terms.elementOfArray
        case .mapValue: terms.valueOfEachKey
        }
    }

    /// The overlay's texts of a parameter, when the page is in the overlay's language.
    func localized(_ parameter: ReferenceParameter) -> LocalizedTexts? {
        guard let overlay else { return nil }
        return parameter.usesElementTexts ? overlay.elementTexts(version: 0, path: parameter.textPath)
            : overlay.texts(version: 0, path: parameter.textPath)
    }

    // MARK: - One parameter

    mutating func render(_ parameter: ReferenceParameter) -> String {
        let node = parameter.node
        let id = anchor(parameter)
        anchors.append(id)
        let escapedID = HTMLEscaping.escape(id)
        let level = min(2 + parameter.depth, 6)
        let texts = localized(parameter)

        var out = "<li class=\"param\">\n"
        out += "<h\(level) class=\"param-title\" id=\"\(escapedID)\">"
        if !parameter.ancestors.isEmpty {
            let separator = parameter.name == nil ? " › " : "."
            out += "<span class=\"param-path\">" + HTMLEscaping.escape(parameter.ancestors.joined(separator: ".") + separator)
                + "</span>"
        }
        out += "<span class=\"param-name\">" + HTMLEscaping.escape(title(parameter)) + "</span>"
        out += "<a class=\"param-anchor\" href=\"#" + HTMLEscaping.escapeHref(id) + "\" aria-label=\""
            + HTMLEscaping.escape(terms.permalink(to: parameter.displayPath)) + "\">#</a>"
        out += "</h\(level)>\n"

        var meta: [String] = []
        if let type = terms.typeName(of: node) { meta.append("<span class=\"param-type\">" + HTMLEscaping.escape(type) + "</span>") }
        switch parameter.requirement {
        case .required?: meta.append("<span class=\"param-required\">" + HTMLEscaping.escape(terms.required) + "</span>")
        case .optional?: meta.append("<span class=\"param-optional\">" + HTMLEscaping.escape(terms.optional) + "</span>")
        case nil: break
        }
        if node.isDeprecated {
            meta.append("<span class=\"param-badge param-deprecated\">" + HTMLEscaping.escape(terms.deprecated) + "</span>")
        }
        if !meta.isEmpty { out += "<p class=\"param-meta\">" + meta.joined(separator: " · ") + "</p>\n" }

        // The description, and for an array of objects the description of its items.
        var descriptionHTML = ""
        if let description = texts?.description ?? node.description, !description.isEmpty {
            descriptionHTML += markdownHTML(description)
        }
        if parameter.name != nil, ReferenceParameterTree.isArrayLike(node), let items = node.items,
           ReferenceParameterTree.isObjectLike(items) {
            let itemTexts = overlay?.elementTexts(version: 0, path: parameter.textPath)
            if let description = itemTexts?.description ?? items.description, !description.isEmpty {
                descriptionHTML += markdownHTML(description)
            }
        }
        if !descriptionHTML.isEmpty { out += "<div class=\"param-description\">\n" + descriptionHTML + "</div>\n" }

        out += facts(of: node, enumDescriptions: texts?.xEnumDescriptions)
        // Rules of an array of objects are those of its items.
        let ruleNode = ReferenceParameterTree.objectNode(of: node) ?? node
        let rules = ReferenceCombinators.html(for: ruleNode, terms: terms)
        if !rules.isEmpty { out += "<div class=\"param-rules\">\n" + rules + "</div>\n" }

        switch parameter.role {
        case .property(let name): out += examples(of: node, name: name)
        case .element: out += examples(of: node, name: parameter.ancestors.last, wrapInList: true)
        case .mapValue: out += examples(of: node, name: nil)
        }

        let search = [plainText(descriptionHTML), texts?.xDocSearch ?? node.xDocSearch ?? ""]
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: " ")
        searchEntries.append((anchor: id, path: parameter.displayPath, text: search))

        if !parameter.children.isEmpty {
            out += "<ul class=\"param-children\">\n"
            for child in parameter.children { out += render(child) }
            out += "</ul>\n"
        }
        return out + "</li>\n"
    }

    // MARK: - Facts

    /// Default, allowed values (range and enum), pattern, length and the counted constraints, as a `<dl>`.
    private mutating func facts(of node: SchemaNode, enumDescriptions localized: [String: String]?) -> String {
        var rows: [(String, String)] = []
        if let value = node.documentedDefault {
            rows.append((terms.defaultValue, ReferenceCombinators.code(Self.shown(value))))
        }
        var allowed: [String] = []
        if let range = Self.range(of: node) { allowed.append(ReferenceCombinators.code(range)) }
        if let values = node.enumValues {
            let english = node.xEnumDescriptions ?? [:]
            let described = values.contains { (localized?[$0.displayText] ?? english[$0.displayText]) != nil }
            if described {
                var list = "<dl class=\"param-enum\">\n"
                for value in values {
                    list += "<dt>" + ReferenceCombinators.code(value.displayText) + "</dt>\n"
                    if let text = localized?[value.displayText] ?? english[value.displayText], !text.isEmpty {
                        list += "<dd>" + markdownHTML(text) + "</dd>\n"
                    }
                }
                allowed.append(list + "</dl>\n")
            } else {
                allowed.append(values.map { ReferenceCombinators.code($0.displayText) }.joined(separator: ", "))
            }
        }
        if !allowed.isEmpty { rows.append((terms.allowedValues, allowed.joined(separator: "; "))) }
        if let pattern = node.pattern { rows.append((terms.pattern, ReferenceCombinators.code(pattern))) }
        if node.minLength != nil || node.maxLength != nil {
            let text = "\(node.minLength ?? 0).." + (node.maxLength.map(String.init) ?? "")
            rows.append((terms.length, ReferenceCombinators.code(text)))
        }
        var constraints: [String] = []
        if let count = node.minItems { constraints.append(terms.minItems(count)) }
        if let count = node.maxItems { constraints.append(terms.maxItems(count)) }
        if node.uniqueItems { constraints.append(terms.uniqueItems) }
        if let count = node.minProperties { constraints.append(terms.minProperties(count)) }
        if let count = node.maxProperties { constraints.append(terms.maxProperties(count)) }
        if let divisor = node.multipleOf { constraints.append(terms.multipleOf(divisor.text)) }
        if !constraints.isEmpty { rows.append((terms.constraints, HTMLEscaping.escape(constraints.joined(separator: "; ")))) }
        guard !rows.isEmpty else { return "" }
        var out = "<dl class=\"param-facts\">\n"
        for (label, value) in rows {
            out += "<dt>" + HTMLEscaping.escape(label) + "</dt>\n<dd>" + value + "</dd>\n"
        }
        return out + "</dl>\n"
    }

    /// A default as a page shows it: a string as it is, anything else (and the empty string) as JSON.
    static func shown(_ value: SchemaValue) -> String {
        if case .string(let text) = value, !text.isEmpty { return text }
        return value.jsonText
    }

    /// `1 <= X <= 10`, `X < 5`, `0 <= X`; nil without bounds.
    static func range(of node: SchemaNode) -> String? {
        let lower = node.lowerBound, upper = node.upperBound
        guard lower != nil || upper != nil else { return nil }
        var text = ""
        if let lower { text += lower.value.text + (lower.exclusive ? " < " : " <= ") }
        text += "X"
        if let upper { text += (upper.exclusive ? " < " : " <= ") + upper.value.text }
        return text
    }

    // MARK: - Examples

    /// The examples of a node: `x-doc-examples` > `x-doc-example` > `example` > `x-examples`.
    static func exampleValues(of node: SchemaNode) -> [SchemaValue] {
        if let value = node.extensionValue("x-doc-examples") { return value.arrayValue ?? [value] }
        if let value = node.xDocExample { return [value] }
        if let value = node.example { return [value] }
        if let value = node.xExamples { return value.arrayValue ?? [value] }
        return []
    }

    /// A string example with a code fence is Markdown, as the Deckhouse site treats it.
    static func isMarkdownExample(_ value: SchemaValue) -> Bool {
        value.stringValue?.contains("```") == true
    }

    /// The examples as YAML blocks (`name: value`; with `name` nil the value itself; `wrapInList` puts the value
    /// into a one-item list under `name`, for the element of an array).
    mutating func examples(of node: SchemaNode, name: String?, wrapInList: Bool = false) -> String {
        let values = Self.exampleValues(of: node)
        guard !values.isEmpty else { return "" }
        var out = "<div class=\"param-examples\">\n<p class=\"param-examples-title\">"
            + HTMLEscaping.escape(values.count == 1 ? terms.example : terms.examples) + ":</p>\n"
        for value in values {
            if Self.isMarkdownExample(value), let text = value.stringValue {
                out += markdownHTML(text)
                continue
            }
            let yaml = wrapInList && name != nil ? ReferenceExampleYAML.document(.array([value]), name: name)
                : ReferenceExampleYAML.document(value, name: name)
            out += CodeBlockRenderer.plain(yaml, fence: "yaml", language: terms.language)
        }
        return out + "</div>\n"
    }

    // MARK: - Markdown and text

    /// A Markdown text as HTML; the ids it carries (headings in a description) join the page's anchors.
    mutating func markdownHTML(_ text: String) -> String {
        var html = markdown(text)
        if !html.isEmpty, !html.hasSuffix("\n") { html += "\n" }
        anchors += Self.ids(in: html)
        return html
    }

    /// The values of the `id` attributes of an HTML fragment.
    static func ids(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(unescape(String(after[..<end])))
            rest = after[after.index(after: end)...]
        }
        return out
    }

    /// HTML to plain text: tags dropped (block tags leave a space), the common entities decoded, whitespace collapsed.
    func plainText(_ html: String) -> String {
        var text = ""
        var tag: String?
        for character in html {
            if var current = tag {
                if character == ">" {
                    let name = current.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                    if Self.blockTags.contains(name) { text.append(" ") }
                    tag = nil
                } else {
                    current.append(character)
                    tag = current
                }
            } else if character == "<" {
                tag = ""
            } else {
                text.append(character)
            }
        }
        return Self.unescape(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "pre", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "tr", "td", "th", "hr",
    ]

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
