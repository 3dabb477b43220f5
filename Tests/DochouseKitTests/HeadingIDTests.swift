import Testing
@testable import DochouseKit

@Suite("Heading ids follow kramdown's GFM rule")
struct HeadingIDTests {
    @Test("The seed's Russian heading keeps its Cyrillic letters")
    func cyrillicHeading() {
        #expect(HeadingIDGenerator.slug("Работа с Amazon Elastic Container Registry (ECR)") == "работа-с-amazon-elastic-container-registry-ecr")
        #expect(HeadingIDGenerator.slug("Настройка пирингового соединения между VPC") == "настройка-пирингового-соединения-между-vpc")
    }

    @Test("Punctuation is dropped, ё and underscores are kept, spaces and tabs become dashes")
    func punctuation() {
        #expect(HeadingIDGenerator.slug("Ёлка, ёж и «кавычки»!") == "ёлка-ёж-и-кавычки")
        #expect(HeadingIDGenerator.slug("What's new? (v2.0)") == "whats-new-v20")
        #expect(HeadingIDGenerator.slug("snake_case and\tTab") == "snake_case-and-tab")
        #expect(HeadingIDGenerator.slug("Deeper — dash & ampersand") == "deeper--dash--ampersand")
    }

    @Test("Every heading of a page gets its id from its raw text; repeats get -1, -2; {#id} wins")
    func headingsOfAPage() async throws {
        let result = try await TestSupport.run(content: TestSupport.fixture("headings"), render: false)
        #expect(result.diagnostics.isEmpty)
        let text = try String(contentsOfFile: TestSupport.fixture("headings") + "/pages/headings.md", encoding: .utf8)
        let (page, diagnostics) = TestSupport.parsePage(text, path: "headings.md")
        #expect(diagnostics.isEmpty)
        #expect(page?.headings.map(\.id) == [
            "работа-с-amazon-elastic-container-registry-ecr",
            "ёлка-ёж-и-кавычки",
            "use-code-here",
            "bold-and-_under_score_",
            "whats-new-v20",
            "setup",
            "setup-1",
            "setup-2",
            "custom-id",
            "my-id",
            "deeper--dash--ampersand",
        ])
        #expect(page?.headings[9].text == "Explicit heading")
        #expect(page?.headings[9].isExplicitID == true)
        #expect(page?.headings[2].text == "Use code here")
        #expect(page?.headings[8].location == SourceLocation(file: "headings.md", line: 22, column: 1))
    }

    @Test("Rendered headings carry the id, a permalink anchor, and no {#id} text")
    func renderedHeadings() async throws {
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let result = try await TestSupport.run(content: TestSupport.fixture("headings"), out: out)
        #expect(!result.hasErrors)
        let html = try String(contentsOfFile: out + "/en/headings.html", encoding: .utf8)
        #expect(html.contains(##"<h2 id="my-id">Explicit heading<a class="heading-anchor" href="#my-id" aria-label="Permalink to this section">#</a></h2>"##))
        #expect(html.contains(##"<h2 id="setup-2">Setup<a class="heading-anchor" href="#setup-2""##))
        #expect(html.contains(##"<h2 id="use-code-here">Use <code>code</code> <em>here</em>"##))
        let russian = try String(contentsOfFile: out + "/ru/headings.html", encoding: .utf8)
        #expect(russian.contains(##"<h2 id="настройка-пирингового-соединения-между-vpc-1">"##))
        #expect(russian.contains(##"<a href="#настройка-пирингового-соединения-между-vpc">Настройка пирингового соединения между VPC</a>"##))
    }

    @Test("A repeated explicit id is reported with the place of the first")
    func duplicateExplicitID() {
        let (_, diagnostics) = TestSupport.parsePage("---\ntitle: T\npermalink: en/t.html\n---\n## A {#x}\n\n## B {#x}\n")
        #expect(TestSupport.lines(diagnostics, relativeTo: "") == [
            "page.md:7:1: warning: heading id 'x' is already used on this page; links will reach the first one [heading.duplicate-id]",
        ])
        #expect(diagnostics.first?.notes.first?.location == SourceLocation(file: "page.md", line: 5, column: 1))
    }

    @Test("The byte slug of ASCII and basic Cyrillic text equals the scalar slug, on random headings")
    func byteSlugAgrees() {
        let alphabet = Array("aZz09_- \t.,:!?()#`'\"/АЯаяЁёЀЏѐџЖжѢѣé\u{301}😀İ")
        var state: UInt64 = 17
        var fastPathTaken = 0
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var text = ""
            for _ in 0..<Int(state >> 59) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Mostly the first 33 characters (ASCII and basic Cyrillic), so the fast path is taken often.
                let pick = Int(state >> 33)
                text.append(alphabet[pick % 5 == 0 ? pick % alphabet.count : pick % 33])
            }
            if let fast = HeadingIDGenerator.basicSlug(text) {
                fastPathTaken += 1
                #expect(fast == HeadingIDGenerator.scalarSlug(text), "\(text.debugDescription)")
            }
        }
        #expect(fastPathTaken > 5_000)
    }
}
