import CCmarkGFM
import Synchronization

/// Parses CommonMark with the GitHub extensions (tables, strikethrough, autolinks, tagfilter) into `MarkdownNode` values.
///
/// cmark-gfm is not thread-safe across parsers: attaching an extension mutates a global table of special
/// characters, so two concurrent parses can corrupt each other's output. Every call into cmark therefore
/// happens behind one process-wide lock. A parse is fast (well under a millisecond for a typical page), so the
/// pipeline stays parallel around it: reading, validation, rendering and writing never hold the lock.
public enum MarkdownParser {
    private static let lock = Mutex<Bool>(false)

    /// Extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Deepest nesting of nodes kept (document = 1). Everything that walks the tree (this conversion, the
    /// extractor, the HTML renderer, even the tree's deallocation) recurses once per level, and cmark itself
    /// has no bound: 100,000 `>` on a line is a 100,000-deep tree. Real pages stay under 20.
    public static let maxDepth = 128

    /// Parses `source` (UTF-8 text) into a document tree. Never fails: cmark accepts any input. Nodes nested
    /// deeper than `maxDepth` are left out; `parseCheckingDepth` says where.
    public static func parse(_ source: String) -> MarkdownNode {
        parseCheckingDepth(source).document
    }

    /// The document, and the start of the first node left out for nesting deeper than `maxDepth`, if any.
    ///
    /// Only the parse holds the lock: `cmark_parser_finish` adds the extensions' special characters to cmark's
    /// global table and removes them again before it returns (the race STACK-FACTS.md describes happens inside
    /// it). The finished tree belongs to the caller alone, so reading it into `MarkdownNode`s and freeing it,
    /// about half of the time spent in cmark, runs outside the lock, on every core.
    public static func parseCheckingDepth(_ source: String) -> (document: MarkdownNode, tooDeepAt: MarkdownPosition?) {
        let root = lock.withLock { registered -> FinishedTree? in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
            return parseLocked(source).map(FinishedTree.init)
        }
        guard let root else {
            return (MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)), nil)
        }
        defer { cmark_node_free(root.pointer) }
        var tooDeepAt: MarkdownPosition?
        let document = convert(root.pointer, depth: 1, tooDeepAt: &tooDeepAt)
        return (document, tooDeepAt)
    }

    /// A finished document tree handed out of the lock; nothing else points into it.
    private struct FinishedTree: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Parses under the lock; the caller owns (and frees) the returned document.
    private static func parseLocked(_ source: String) -> OpaquePointer? {
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source  // cmark reads the bytes in place; it gets the length explicitly
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
            }
        }
        return cmark_parser_finish(parser)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func convert(_ node: OpaquePointer, depth: Int, tooDeepAt: inout MarkdownPosition?) -> MarkdownNode {
        let start = MarkdownPosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let end = MarkdownPosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        if child != nil, depth >= maxDepth {
            if tooDeepAt == nil, let first = child {
                tooDeepAt = MarkdownPosition(line: Int(cmark_node_get_start_line(first)), column: Int(cmark_node_get_start_column(first)))
            }
            child = nil
        }
        while let current = child {
            children.append(convert(current, depth: depth + 1, tooDeepAt: &tooDeepAt))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind: kind(of: node), start: start, end: end, children: children)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0
            var offset: Int32 = 0
            var fenceChar: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &fenceChar) != 0
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)),
                              fenced: fenced, fenceIndent: fenced ? Int(offset) : 0)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING:
            // cmark does not expose setext-ness; callers derive it from the source when they need it.
            return .heading(level: Int(cmark_node_get_heading_level(node)), setext: false)
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            // Extension nodes have no constant in the installed headers: compare their type names.
            let name = string(cmark_node_get_type_string(node))
            switch name {
            case "table":
                let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                var alignments: [TableAlignment] = []
                if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                    for i in 0..<columns {
                        switch raw[i] {
                        case UInt8(ascii: "l"): alignments.append(.left)
                        case UInt8(ascii: "c"): alignments.append(.center)
                        case UInt8(ascii: "r"): alignments.append(.right)
                        default: alignments.append(.none)
                        }
                    }
                }
                return .table(alignments: alignments)
            case "table_header", "table_row":
                return .tableRow(isHeader: name == "table_header" || cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other(name)
            }
        }
    }
}
