import CmarkBridge

/// Renders a page's Markdown tree to HTML, with the render hooks the site needs: heading ids and permalink
/// anchors, links rewritten to their resolved targets, and code blocks through a pluggable renderer.
///
/// Raw HTML is never passed through: it becomes a comment, as cmark-gfm does without `--unsafe`, and the
/// parse stage reports it. Pure: the same page gives the same HTML on any thread.
struct MarkdownHTMLRenderer {
    var page: Page
    /// Turns a resolved link into the `href` written to the page.
    var href: (LinkTarget) -> String
    /// Renders a code block (by its index among the page's code blocks); nil means plain escaped text.
    var codeBlock: (Int, CodeBlock) -> String? = { _, _ in nil }
    /// Label of the heading permalink, for screen readers.
    var permalinkLabel: String = "Permalink"

    private var headingIndex = 0
    private var linkIndex = 0
    private var codeBlockIndex = 0

    init(page: Page, href: @escaping (LinkTarget) -> String) {
        self.page = page
        self.href = href
    }

    mutating func render() -> String {
        headingIndex = 0
        linkIndex = 0
        codeBlockIndex = 0
        var out = ""
        out.reserveCapacity(page.source.text.utf8.count * 2)
        for child in page.document.children { block(child, tight: false, into: &out) }
        return out
    }

    private mutating func block(_ node: MarkdownNode, tight: Bool, into out: inout String) {
        switch node.kind {
        case .paragraph:
            if tight {
                inlines(node.children, into: &out)
                out += "\n"
            } else {
                out += "<p>"
                inlines(node.children, into: &out)
                out += "</p>\n"
            }
        case .heading(let level, _):
            let heading = headingIndex < page.headings.count ? page.headings[headingIndex] : nil
            headingIndex += 1
            var children = node.children
            if heading?.isExplicitID == true, let lastIndex = children.indices.last,
               case .text(let text) = children[lastIndex].kind {
                children[lastIndex].kind = .text(HeadingSource.split(text).rawText)
            }
            if let id = heading?.id {
                let escapedID = HTMLEscaping.escape(id)
                out += "<h\(level) id=\"\(escapedID)\">"
                inlines(children, into: &out)
                out += "<a class=\"heading-anchor\" href=\"#\(HTMLEscaping.escapeHref(id))\" aria-label=\"\(HTMLEscaping.escape(permalinkLabel))\">#</a></h\(level)>\n"
            } else {
                out += "<h\(level)>"
                inlines(children, into: &out)
                out += "</h\(level)>\n"
            }
        case .blockQuote:
            out += "<blockquote>\n"
            for child in node.children { block(child, tight: false, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            if ordered {
                out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for item in node.children {
                out += "<li>"
                for (index, child) in item.children.enumerated() {
                    if isTight, case .paragraph = child.kind {
                        inlines(child.children, into: &out)
                        if index < item.children.count - 1 { out += "\n" }
                    } else {
                        if index == 0 { out += "\n" }
                        block(child, tight: false, into: &out)
                    }
                }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            // Items are rendered by their list.
            for child in node.children { block(child, tight: tight, into: &out) }
        case .codeBlock(let info, let literal, _, _):
            let index = codeBlockIndex
            codeBlockIndex += 1
            if index < page.codeBlocks.count, let custom = codeBlock(index, page.codeBlocks[index]) {
                out += custom
            } else {
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
                out += HTMLEscaping.escape(literal)
                out += "</code></pre>\n"
            }
        case .htmlBlock:
            out += "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            out += "<div class=\"table-wrapper\"><table>\n"
            var inBody = false
            for row in node.children {
                guard case .tableRow(let isHeader) = row.kind else { continue }
                if isHeader { out += "<thead>\n" } else if !inBody { out += "<tbody>\n"; inBody = true }
                out += "<tr>\n"
                for (column, cell) in row.children.enumerated() {
                    let tag = isHeader ? "th" : "td"
                    let alignment = column < alignments.count ? alignments[column] : .none
                    switch alignment {
                    case .none: out += "<\(tag)>"
                    case .left: out += "<\(tag) style=\"text-align: left\">"
                    case .center: out += "<\(tag) style=\"text-align: center\">"
                    case .right: out += "<\(tag) style=\"text-align: right\">"
                    }
                    inlines(cell.children, into: &out)
                    out += "</\(tag)>\n"
                }
                out += "</tr>\n"
                if isHeader { out += "</thead>\n" }
            }
            if inBody { out += "</tbody>\n" }
            out += "</table></div>\n"
        default:
            inlines([node], into: &out)
        }
    }

    private mutating func inlines(_ nodes: [MarkdownNode], into out: inout String) {
        for node in nodes { inline(node, into: &out) }
    }

    private mutating func inline(_ node: MarkdownNode, into out: inout String) {
        switch node.kind {
        case .text(let text): out += HTMLEscaping.escape(text)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>" + HTMLEscaping.escape(code) + "</code>"
        case .htmlInline: out += "<!-- raw HTML omitted -->"
        case .emphasis: wrap("em", node, into: &out)
        case .strong: wrap("strong", node, into: &out)
        case .strikethrough: wrap("del", node, into: &out)
        case .link(_, let title):
            let target = nextLinkTarget()
            out += "<a href=\"\(target.map(href).map(HTMLEscaping.escapeHref) ?? "")\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
            inlines(node.children, into: &out)
            out += "</a>"
        case .image(_, let title):
            let target = nextLinkTarget()
            out += "<img src=\"\(target.map(href).map(HTMLEscaping.escapeHref) ?? "")\" alt=\"\(HTMLEscaping.escape(node.plainText))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
        default:
            // Blocks never stand among inlines; unknown extension nodes keep their content.
            inlines(node.children, into: &out)
        }
    }

    private mutating func nextLinkTarget() -> LinkTarget? {
        defer { linkIndex += 1 }
        return linkIndex < page.links.count ? page.links[linkIndex].target : nil
    }

    private mutating func wrap(_ tag: String, _ node: MarkdownNode, into out: inout String) {
        out += "<\(tag)>"
        inlines(node.children, into: &out)
        out += "</\(tag)>"
    }
}
