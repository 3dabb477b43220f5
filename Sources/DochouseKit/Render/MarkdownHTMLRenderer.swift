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
    /// Renders a code block (by its index among the page's code blocks) into the page's buffer; false means it
    /// wrote nothing and the block is rendered as plain escaped text.
    var codeBlock: (Int, CodeBlock, inout HTMLBuffer) -> Bool = { _, _, _ in false }
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
        String(decoding: renderBytes(), as: UTF8.self)
    }

    /// The page's HTML as UTF-8 bytes (what `render` returns, without validating it into a String).
    mutating func renderBytes() -> [UInt8] {
        headingIndex = 0
        linkIndex = 0
        codeBlockIndex = 0
        var out = HTMLBuffer(capacity: page.source.text.utf8.count * 3)
        for child in page.document.children { block(child, tight: false, into: &out) }
        return out.bytes
    }

    private mutating func block(_ node: MarkdownNode, tight: Bool, into out: inout HTMLBuffer) {
        switch node.kind {
        case .paragraph:
            if tight {
                inlines(node.children, into: &out)
                out.raw("\n")
            } else {
                out.raw("<p>")
                inlines(node.children, into: &out)
                out.raw("</p>\n")
            }
        case .heading(let level, _):
            let heading = headingIndex < page.headings.count ? page.headings[headingIndex] : nil
            headingIndex += 1
            var children = node.children
            if heading?.isExplicitID == true, let lastIndex = children.indices.last,
               case .text(let text) = children[lastIndex].kind {
                children[lastIndex].kind = .text(HeadingSource.split(text).rawText)
            }
            out.raw("<h")
            out.decimal(level)
            if let id = heading?.id {
                out.raw(" id=\"")
                out.escaped(id)
                out.raw("\">")
                inlines(children, into: &out)
                out.raw("<a class=\"heading-anchor\" href=\"#")
                out.href(id)
                out.raw("\" aria-label=\"")
                out.escaped(permalinkLabel)
                out.raw("\">#</a>")
            } else {
                out.raw(">")
                inlines(children, into: &out)
            }
            out.raw("</h")
            out.decimal(level)
            out.raw(">\n")
        case .blockQuote:
            out.raw("<blockquote>\n")
            for child in node.children { block(child, tight: false, into: &out) }
            out.raw("</blockquote>\n")
        case .list(let ordered, let start, let isTight):
            if ordered {
                if start == 1 {
                    out.raw("<ol>\n")
                } else {
                    out.raw("<ol start=\"")
                    out.decimal(start)
                    out.raw("\">\n")
                }
            } else {
                out.raw("<ul>\n")
            }
            for item in node.children {
                out.raw("<li>")
                for (index, child) in item.children.enumerated() {
                    if isTight, case .paragraph = child.kind {
                        inlines(child.children, into: &out)
                        if index < item.children.count - 1 { out.raw("\n") }
                    } else {
                        if index == 0 { out.raw("\n") }
                        block(child, tight: false, into: &out)
                    }
                }
                out.raw("</li>\n")
            }
            out.raw(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            // Items are rendered by their list.
            for child in node.children { block(child, tight: tight, into: &out) }
        case .codeBlock(let info, let literal, _, _):
            let index = codeBlockIndex
            codeBlockIndex += 1
            if index < page.codeBlocks.count, codeBlock(index, page.codeBlocks[index], &out) {
                // written by the hook
            } else {
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                if language.isEmpty {
                    out.raw("<pre><code>")
                } else {
                    out.raw("<pre><code class=\"language-")
                    out.escaped(language)
                    out.raw("\">")
                }
                out.escaped(literal)
                out.raw("</code></pre>\n")
            }
        case .htmlBlock:
            out.raw("<!-- raw HTML omitted -->\n")
        case .thematicBreak:
            out.raw("<hr>\n")
        case .table(let alignments):
            out.raw("<div class=\"table-wrapper\"><table>\n")
            var inBody = false
            for row in node.children {
                guard case .tableRow(let isHeader) = row.kind else { continue }
                if isHeader { out.raw("<thead>\n") } else if !inBody { out.raw("<tbody>\n"); inBody = true }
                out.raw("<tr>\n")
                for (column, cell) in row.children.enumerated() {
                    let alignment = column < alignments.count ? alignments[column] : .none
                    out.raw(isHeader ? "<th" : "<td")
                    switch alignment {
                    case .none: out.raw(">")
                    case .left: out.raw(" style=\"text-align: left\">")
                    case .center: out.raw(" style=\"text-align: center\">")
                    case .right: out.raw(" style=\"text-align: right\">")
                    }
                    inlines(cell.children, into: &out)
                    out.raw(isHeader ? "</th>\n" : "</td>\n")
                }
                out.raw("</tr>\n")
                if isHeader { out.raw("</thead>\n") }
            }
            if inBody { out.raw("</tbody>\n") }
            out.raw("</table></div>\n")
        default:
            inlines([node], into: &out)
        }
    }

    private mutating func inlines(_ nodes: [MarkdownNode], into out: inout HTMLBuffer) {
        for index in nodes.indices { inline(nodes[index], into: &out) }
    }

    private mutating func inline(_ node: MarkdownNode, into out: inout HTMLBuffer) {
        switch node.kind {
        case .text(let text): out.escaped(text)
        case .softBreak: out.raw("\n")
        case .lineBreak: out.raw("<br>\n")
        case .code(let code):
            out.raw("<code>")
            out.escaped(code)
            out.raw("</code>")
        case .htmlInline: out.raw("<!-- raw HTML omitted -->")
        case .emphasis: wrap("<em>", "</em>", node, into: &out)
        case .strong: wrap("<strong>", "</strong>", node, into: &out)
        case .strikethrough: wrap("<del>", "</del>", node, into: &out)
        case .link(_, let title):
            let target = nextLinkTarget()
            out.raw("<a href=\"")
            if let target { out.href(href(target)) }
            out.raw("\"")
            if !title.isEmpty { out.attribute("title", title) }
            out.raw(">")
            inlines(node.children, into: &out)
            out.raw("</a>")
        case .image(_, let title):
            let target = nextLinkTarget()
            out.raw("<img src=\"")
            if let target { out.href(href(target)) }
            out.raw("\"")
            out.attribute("alt", node.plainText)
            if !title.isEmpty { out.attribute("title", title) }
            out.raw(">")
        default:
            // Blocks never stand among inlines; unknown extension nodes keep their content.
            inlines(node.children, into: &out)
        }
    }

    private mutating func nextLinkTarget() -> LinkTarget? {
        defer { linkIndex += 1 }
        return linkIndex < page.links.count ? page.links[linkIndex].target : nil
    }

    private mutating func wrap(_ open: StaticString, _ close: StaticString, _ node: MarkdownNode, into out: inout HTMLBuffer) {
        out.raw(open)
        inlines(node.children, into: &out)
        out.raw(close)
    }
}
