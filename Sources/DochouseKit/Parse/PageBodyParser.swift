import CmarkBridge

/// The second parsing pass: a page's Markdown through cmark-gfm, then the facts the later stages need
/// (heading ids, resolved links, code blocks), each positioned in the source file.
enum PageBodyParser {
    static func parse(_ header: PageHeader, resolver: LinkResolver) -> (Page, [Diagnostic]) {
        let file = header.source
        // Blank lines stand in for the front matter, so cmark's line numbers are the file's.
        let body = String(repeating: "\n", count: header.frontMatterLineCount) + file.text(fromLine: header.frontMatterLineCount + 1)
        let (document, tooDeepAt) = MarkdownParser.parseCheckingDepth(body)
        var extractor = Extractor(file: file, header: header, resolver: resolver)
        if let tooDeepAt {
            extractor.diagnostics.append(Diagnostic(rule: BuildRules.markdownTooDeep,
                                                    message: "Markdown nests more than \(MarkdownParser.maxDepth) levels deep here (block quotes, lists or emphasis); the deeper part is left out",
                                                    at: file.location(line: tooDeepAt.line, byteColumn: tooDeepAt.column)))
        }
        extractor.visit(document)
        let page = Page(source: file, relativePath: header.relativePath, twinKey: header.twinKey, language: header.language,
                        title: header.title, outputPath: header.outputPath, url: header.url, frontMatter: header.frontMatter,
                        document: document, headings: extractor.headings, links: extractor.links, codeBlocks: extractor.codeBlocks)
        return (page, extractor.diagnostics)
    }

    private struct Extractor {
        let file: SourceFile
        let header: PageHeader
        let resolver: LinkResolver
        var ids = HeadingIDGenerator()
        var explicitIDs: [String: SourceLocation] = [:]
        var headings: [Heading] = []
        var links: [PageLink] = []
        var codeBlocks: [CodeBlock] = []
        var diagnostics: [Diagnostic] = []

        init(file: SourceFile, header: PageHeader, resolver: LinkResolver) {
            self.file = file
            self.header = header
            self.resolver = resolver
        }

        mutating func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .heading(let level, _):
                heading(node, level: level)
            case .link(let url, _), .image(let url, _):
                var isImage = false
                if case .image = node.kind { isImage = true }
                let location = file.location(line: node.start.line, byteColumn: node.start.column)
                let target = resolver.resolve(url, pageURL: header.url, pageLanguage: header.language,
                                              pageSourcePath: header.relativePath, isImage: isImage)
                if case .unsafe(let text) = target {
                    diagnostics.append(Diagnostic(rule: BuildRules.unsafeURL,
                                                  message: "link to '\(text)' uses a scheme that is never rendered; the link is dropped",
                                                  at: location))
                }
                links.append(PageLink(destination: url, isImage: isImage, location: location, target: target))
            case .codeBlock(let info, let literal, let fenced, let indent):
                codeBlocks.append(CodeBlock(info: info, literal: literal, isFenced: fenced,
                                            firstContentLine: node.start.line + (fenced ? 1 : 0), fenceIndent: indent,
                                            location: file.location(line: node.start.line, byteColumn: node.start.column),
                                            markdownStart: node.start))
            case .htmlBlock, .htmlInline:
                diagnostics.append(Diagnostic(rule: BuildRules.rawHTML,
                                              message: "raw HTML is not rendered; write it in Markdown instead",
                                              at: file.location(line: node.start.line, byteColumn: node.start.column)))
            default:
                break
            }
            // By index: a for-in copied (retained and released) every node of the tree.
            for index in node.children.indices { visit(node.children[index]) }
        }

        private mutating func heading(_ node: MarkdownNode, level: Int) {
            let lastLine = max(node.start.line, node.end.line)
            var lines: [Substring] = []
            for line in node.start.line...lastLine {
                let text = file.line(line)
                let startByte = line == node.start.line ? node.start.column - 1 : 0
                let utf8 = text.utf8
                let index = utf8.index(utf8.startIndex, offsetBy: min(max(startByte, 0), utf8.count))
                lines.append(text[index...])
            }
            // A setext heading ends with its underline (cmark may count a following blank line too).
            while lines.count > 1, let last = lines.last, last.allSatisfy({ $0 == "=" || $0 == "-" || $0 == " " || $0 == "\t" || $0 == "\r" }) {
                lines.removeLast()
            }
            let parts = HeadingSource.parts(atxOrSetextLines: lines)
            let location = file.location(line: node.start.line, byteColumn: node.start.column)
            let id: String
            if let explicit = parts.explicitID {
                id = explicit
                if let first = explicitIDs[explicit] {
                    diagnostics.append(Diagnostic(rule: BuildRules.duplicateHeadingID,
                                                  message: "heading id '\(explicit)' is already used on this page; links will reach the first one",
                                                  at: location, notes: [DiagnosticNote(location: first, message: "first used here")]))
                } else {
                    explicitIDs[explicit] = location
                }
                ids.reserve(explicit)
            } else {
                id = ids.nextID(forRawText: parts.rawText)
            }
            var text = node.plainText
            if parts.explicitID != nil { text = HeadingSource.split(text).rawText }
            headings.append(Heading(level: level, text: text, id: id, isExplicitID: parts.explicitID != nil,
                                    location: location, markdownStart: node.start))
        }
    }
}
