/// One template as the compiled renderer runs it: the tags parsed once, with the Mustache standalone-line rules
/// already applied (as swift-mustache applies them), names split at their dots and text kept as UTF-8 bytes.
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    /// The bytes of its text nodes, for sizing the output buffer.
    let textByteCount: Int
    /// The partials it includes, at any depth of sections.
    let partialNames: Set<String>

    init(nodes: [TemplateNode]) {
        self.nodes = nodes
        var textByteCount = 0
        var partialNames: Set<String> = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes): textByteCount += bytes.count
                case .section(_, let body), .invertedSection(_, let body): visit(body)
                case .partial(let name, _): partialNames.insert(name)
                case .variable, .unescapedVariable: break
                }
            }
        }
        visit(nodes)
        self.textByteCount = textByteCount
        self.partialNames = partialNames
    }
}

/// A node of a compiled template. Comments and set-delimiter tags leave no node: they render nothing, and the text
/// around them is already cut as their standalone rules say.
indirect enum TemplateNode: Sendable {
    /// Text as it is written, including any indentation and line ending the parser kept.
    case text([UInt8])
    /// `{{name}}`: the value, HTML-escaped.
    case variable(TemplateName)
    /// `{{{name}}}` or `{{& name}}`: the value as it is.
    case unescapedVariable(TemplateName)
    /// `{{#name}}...{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}...{{/name}}`.
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}`; `indentation` is the whitespace before a standalone partial tag (nil when it is not standalone),
    /// added before each line the partial renders.
    case partial(name: String, indentation: [UInt8]?)
}

/// A tag's name, split at its dots once. Mustache looks the first part up on the context stack, from the top, and
/// the rest inside what it found; a name that starts with a dot (or is only dots, such as `{{.}}`) is looked up in
/// the top of the stack only, and a name without parts is the top of the stack itself.
struct TemplateName: Sendable, Equatable {
    var parts: [String]
    var anchoredToTop: Bool

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        anchoredToTop = name.first == "."
    }
}
