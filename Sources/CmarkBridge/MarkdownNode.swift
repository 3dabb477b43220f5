/// A position in a Markdown source: 1-based line and column (columns count bytes, as cmark does).
public struct MarkdownPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: MarkdownPosition, rhs: MarkdownPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Column alignment of a GFM table.
public enum TableAlignment: Sendable, Hashable {
    case none, left, center, right
}

/// One node of a parsed Markdown document, copied out of cmark into plain Swift values so the
/// rest of the program never sees a C pointer and can use the tree from any thread.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        /// `fenceIndent` is how far the fence is indented; content lines are shifted by it.
        case codeBlock(info: String, literal: String, fenced: Bool, fenceIndent: Int)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int, setext: Bool)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        case strikethrough
        /// A node type this bridge does not know (a future extension); its children are kept.
        case other(String)
    }

    public var kind: Kind
    public var start: MarkdownPosition
    public var end: MarkdownPosition
    public var children: [MarkdownNode]

    public init(kind: Kind, start: MarkdownPosition, end: MarkdownPosition, children: [MarkdownNode] = []) {
        self.kind = kind
        self.start = start
        self.end = end
        self.children = children
    }

    /// The plain text of the inline content below this node (text and code spans), as a reader sees it.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        default: for index in children.indices { children[index].appendPlainText(to: &out) }
        }
    }
}
