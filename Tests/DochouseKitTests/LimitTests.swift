import Foundation
import Testing
@testable import DochouseKit

/// Hostile input through the whole pipeline (`check`): each limit answers with its own rule id, at its place.
/// A hang fails the suite's time limit; how fast each limit answers is measured in release builds, not asserted
/// here (the machines are shared: README.md records the figures).
@Suite("Limits: hostile input gets a diagnostic, not a hang or a crash", .timeLimit(.minutes(2)))
struct LimitTests {
    /// Runs `check` on a tree and returns its findings as compiler-style lines (without missing-twin warnings,
    /// which every one-language fixture has).
    private func check(_ root: String) async throws -> [String] {
        let result = try await TestSupport.run(content: root, render: false)
        return TestSupport.lines(result.diagnostics.filter { $0.ruleID != "page.missing-twin" }, relativeTo: root)
    }

    /// A tree in a temporary directory with one page `pages/page.md`: front matter, then `body`.
    private func tree(body: String, siteYAML: String? = nil) throws -> String {
        let root = TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/pages", withIntermediateDirectories: true)
        let page = "---\ntitle: Hostile\npermalink: en/hostile.html\n---\n" + body
        try Data(page.utf8).write(to: URL(fileURLWithPath: root + "/pages/page.md"))
        if let siteYAML { try Data(siteYAML.utf8).write(to: URL(fileURLWithPath: root + "/site.yaml")) }
        return root
    }

    @Test("A billion-laughs YAML sample is refused, not expanded")
    func aliasBomb() async throws {
        let root = TestSupport.fixture("limits/alias-bomb")
        let lines = try await check(root)
        #expect(lines == [
            "pages/bomb.md:8:5: error: the YAML expands to more than 100000 values through its aliases; refusing to expand it (an alias bomb?) [sample.too-large]",
        ])
    }

    @Test("100,000 nested brackets in a JSON sample: a depth finding, no stack overflow")
    func deepJSON() async throws {
        // One bracket a line: the nesting limit answers. Line 7 holds the first `[`, so the 513th is on line 519.
        let root = try tree(body: "\n```json\n" + String(repeating: "[\n", count: 100_000) + "```\n")
        defer { TestSupport.cleanUp(root) }
        let lines = try await check(root)
        #expect(lines == ["pages/page.md:519:1: error: nesting is too deep: more than 512 levels of arrays and objects; flatten the document [sample.too-large]"])
        // All on one line: the line length limit answers first, before any parsing.
        let oneLine = try tree(body: "\n```json\n" + String(repeating: "[", count: 100_000) + "\n```\n")
        defer { TestSupport.cleanUp(oneLine) }
        #expect(try await check(oneLine) == [
            "pages/page.md:7:1: error: line 1 of the sample is 100000 bytes long, more than the limit of 10000 (limits.sampleLineLength in site.yaml); the sample is not checked [sample.line-too-long]",
        ])
    }

    @Test("100,000 nested brackets in a YAML sample: refused before Yams recurses")
    func deepYAML() async throws {
        let root = try tree(body: "\n```yaml\nkey:\n" + String(repeating: " [\n", count: 100_000) + "```\n")
        defer { TestSupport.cleanUp(root) }
        let lines = try await check(root)
        #expect(lines == ["pages/page.md:7:1: error: the YAML nests deeper than 512 levels; refusing to read it [sample.too-large]"])
    }

    @Test("100,000 nested block quotes: Markdown cut at its depth limit and reported")
    func deepMarkdown() async throws {
        let root = try tree(body: String(repeating: ">", count: 100_000) + " deep\n\n# After\n")
        defer { TestSupport.cleanUp(root) }
        let lines = try await check(root)
        #expect(lines == [
            "pages/page.md:5:128: error: Markdown nests more than 128 levels deep here (block quotes, lists or emphasis); the deeper part is left out [markdown.too-deep]",
        ])
        // Rendering the cut tree works too, and the heading after the deep part survives.
        let rendered = try await TestSupport.run(content: root, render: true)
        #expect(!rendered.wroteSite, "an error-level finding stops the build")
    }

    @Test("Deep lists and emphasis are cut the same way")
    func deepListsAndEmphasis() async throws {
        let lists = try tree(body: String(repeating: "- ", count: 50_000) + "x\n")
        defer { TestSupport.cleanUp(lists) }
        #expect(try await check(lists).allSatisfy { $0.hasSuffix("[markdown.too-deep]") })
        #expect(try await check(lists).count == 1)
        let emphasis = try tree(body: String(repeating: "*a ", count: 30_000) + String(repeating: " b*", count: 30_000) + "\n")
        defer { TestSupport.cleanUp(emphasis) }
        let lines = try await check(emphasis)
        #expect(lines.count == 1 && lines[0].hasSuffix("[markdown.too-deep]"), "\(lines)")
    }

    @Test("A page over the default 10 MB is refused by its size, unread")
    func defaultPageSize() async throws {
        let root = try tree(body: String(repeating: "0123456789abcdef\n", count: 11 * 1024 * 1024 / 17))
        defer { TestSupport.cleanUp(root) }
        let size = try FileManager.default.attributesOfItem(atPath: root + "/pages/page.md")[.size] as? Int ?? 0
        let lines = try await check(root)
        #expect(lines == [
            "pages/page.md:1:1: error: page is \(size) bytes, more than the limit of 10485760 bytes (limits.pageSize in site.yaml); it is not read [page.too-large]",
        ])
    }

    @Test("site.yaml sets the page size, the samples per page and the sample line length")
    func configuredLimits() async throws {
        let root = TestSupport.fixture("limits/small-limits")
        let lines = try await check(root)
        #expect(lines == [
            "pages/big.md:1:1: error: page is 1662 bytes, more than the limit of 1024 bytes (limits.pageSize in site.yaml); it is not read [page.too-large]",
            "pages/long.md:8:1: error: line 2 of the sample is 76 bytes long, more than the limit of 60 (limits.sampleLineLength in site.yaml); the sample is not checked [sample.line-too-long]",
            "pages/many.md:18:4: error: page has more than 2 samples (limits.samplesPerPage in site.yaml); this one and the rest are not checked [page.too-many-samples]",
        ])
    }

    @Test("Limits in site.yaml must be sizes and positive numbers")
    func invalidLimits() throws {
        let yaml = "limits:\n  pageSize: huge\n  samplesPerPage: -1\n  lines: 3\n"
        let (config, diagnostics) = SiteConfigParser.parse(RawFile(relativePath: "site.yaml", displayPath: "site.yaml", bytes: Array(yaml.utf8)))
        #expect(TestSupport.lines(diagnostics, relativeTo: "") == [
            "site.yaml:2:13: error: 'pageSize' must be a size such as 10485760, 512KB or 10MB [site.invalid]",
            "site.yaml:3:19: error: 'samplesPerPage' must be a positive whole number [site.invalid]",
            "site.yaml:4:3: error: unknown limit 'lines'; known limits are pageSize, samplesPerPage, sampleLineLength [site.invalid]",
        ])
        #expect(config.limits == .default)
        #expect(ContentLimits.parseSize("10MB") == 10 * 1024 * 1024)
        #expect(ContentLimits.parseSize("512 KiB") == 512 * 1024)
        #expect(ContentLimits.parseSize("4096") == 4096)
        #expect(ContentLimits.parseSize("0") == nil)
        #expect(ContentLimits.parseSize("99999999999999999999 GB") == nil)
    }

    @Test("Invalid UTF-8 is reported with its byte offset, line and column")
    func invalidUTF8() async throws {
        let root = try tree(body: "\nПривет \u{1}")
        defer { TestSupport.cleanUp(root) }
        // Replace the U+0001 by a lone continuation byte after two Cyrillic letters (4 bytes).
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/pages/page.md")))
        bytes[bytes.count - 1] = 0x80
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/pages/page.md"))
        let lines = try await check(root)
        #expect(lines == [
            "pages/page.md:6:8: error: page is not valid UTF-8: byte 0x80 at byte offset \(bytes.count - 1) [page.invalid-utf8]",
        ])
    }

    @Test("A NUL byte is reported with its offset, line and character column")
    func nulByte() async throws {
        let root = TestSupport.fixture("limits/nul-byte")
        let lines = try await check(root)
        // "Text те" is 7 characters (9 bytes) on line 6; the NUL is byte 52 of the file.
        #expect(lines == [
            "pages/page.md:6:8: error: page contains a NUL byte at byte offset 52; a text page never does (is it a binary file?) [page.nul-byte]",
        ])
    }

    @Test("A byte-order mark, CRLF line ends and tabs are text: ids, links and sample positions as without them")
    func textForms() async throws {
        let root = TestSupport.fixture("limits/text-forms")
        let result = try await TestSupport.run(content: root, render: true)
        let lines = TestSupport.lines(result.diagnostics.filter { $0.ruleID != "page.missing-twin" }, relativeTo: root)
        // The trailing comma is the one finding, at its character column on line 12 (two tabs count one each).
        #expect(lines == [
            "pages/forms.md:12:64: error: invalid JSON: trailing comma before '}'; JSON does not allow it, remove the ',' [sample.json-syntax]",
        ])
        let (page, _) = TestSupport.parsePage(String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/pages/forms.md")), as: UTF8.self),
                                              path: "forms.md")
        #expect(page?.title == "Text forms")
        #expect(page?.headings.map(\.id) == ["tabs-and-spaces"])
        #expect(page?.links.first?.destination == "#tabs-and-spaces")
    }

    @Test("An alias bomb under site.yaml's nav is refused instead of walked (found in review: it hung the build)")
    func siteConfigAliasBomb() async throws {
        let root = TestSupport.fixture("limits/site-bomb")
        let lines = try await check(root)
        #expect(lines == [
            "site.yaml:1:1: error: site.yaml expands to more than 100000 values through its aliases (an alias bomb?); it is not applied [site.too-large]",
        ])
    }

    @Test("A finding on a very long line quotes a window around its column, not the whole line")
    func longLineExcerpt() {
        let line = String(repeating: "a", count: 50_000) + "X" + String(repeating: "b", count: 50_000)
        let file = SourceFile(displayPath: "p.md", text: line + "\n")
        let diagnostic = Diagnostic(rule: BuildRules.invalidValue, message: "here", at: file.location(line: 1, column: 50_001))
        let lines = TextDiagnosticFormatter(source: { _ in file }).format(diagnostic).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "    …" + String(repeating: "a", count: 80) + "X" + String(repeating: "b", count: 79) + "…")
        #expect(lines[2] == "    " + String(repeating: " ", count: 81) + "^")
        // Short lines are quoted whole.
        let short = SourceFile(displayPath: "p.md", text: "abc\n")
        let shortLines = TextDiagnosticFormatter(source: { _ in short })
            .format(Diagnostic(rule: BuildRules.invalidValue, message: "here", at: short.location(line: 1, column: 2))).split(separator: "\n")
        #expect(shortLines.dropFirst() == ["    abc", "     ^"])
    }
}
