import CmarkBridge
import Testing
@testable import DochouseKit

@Suite("cmark-gfm from many concurrent tasks")
struct CmarkConcurrencyTests {
    /// cmark-gfm's extensions share a global table; unserialised parallel parses corrupt each other's output
    /// (measured: ~45% wrong with four tasks). The bridge serialises them; this test would catch a regression.
    @Test("Concurrent parses all render strikethrough, tables and autolinks correctly")
    func concurrentParses() async {
        let source = "~~gone~~ and https://example.com\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n"
        let expected = MarkdownParser.parse(source)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var allEqual = true
                    for _ in 0..<150 where MarkdownParser.parse(source) != expected { allEqual = false }
                    return allEqual
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
        #expect(expected.children.first?.children.first?.kind == .strikethrough)
        #expect(expected.children.last.map { if case .table(let a) = $0.kind { a == [.left, .right] } else { false } } == true)
    }

    @Test("Code block positions: the fence line, the content line, and the fence indentation")
    func codeBlockPositions() {
        let document = MarkdownParser.parse("1. item\n\n    ```yaml\n    a: 1\n    ```\n")
        var found: MarkdownNode?
        func visit(_ node: MarkdownNode) {
            if case .codeBlock = node.kind { found = node }
            node.children.forEach(visit)
        }
        visit(document)
        #expect(found?.start.line == 3)
        if case .codeBlock(let info, let literal, let fenced, _)? = found?.kind {
            #expect(info == "yaml")
            #expect(literal == "a: 1\n")
            #expect(fenced)
        } else {
            Issue.record("no code block")
        }
    }

    @Test("Raw HTML never reaches the page and is reported")
    func rawHTML() async throws {
        let (page, diagnostics) = TestSupport.parsePage("---\ntitle: T\npermalink: en/t.html\n---\n<script>alert(1)</script>\n\nText <b>bold</b>\n")
        let unwrapped = try #require(page)
        var renderer = MarkdownHTMLRenderer(page: unwrapped, href: { _ in "" })
        let html = renderer.render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
        #expect(diagnostics.map(\.ruleID) == ["markdown.raw-html", "markdown.raw-html", "markdown.raw-html"])
    }
}
