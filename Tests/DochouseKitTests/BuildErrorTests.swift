import Foundation
import Testing
@testable import DochouseKit

@Suite("Bad input gets a positioned diagnostic and the previous site stays")
struct BuildErrorTests {
    /// Each fixture under Fixtures/errors holds a tree and `expected.txt`, the diagnostics it must produce.
    @Test("Each broken tree reports exactly its expected diagnostics", arguments: [
        "bad-yaml", "not-mapping", "missing-title", "missing-permalink", "duplicate-permalink",
        "escaping-permalink", "invalid-utf8", "unterminated", "no-front-matter",
    ])
    func brokenTree(_ name: String) async throws {
        let root = TestSupport.fixture("errors/" + name)
        let expected = try String(contentsOfFile: root + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = try await TestSupport.run(content: root, render: false)
        #expect(TestSupport.lines(result.diagnostics, relativeTo: root) == expected)
        #expect(result.hasErrors)
    }

    @Test("A failing build leaves the previous site byte for byte")
    func previousSiteKept() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let out = work + "/site"
        let good = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(good.wroteSite)
        let before = TestSupport.snapshot(of: out)
        #expect(before.keys.contains("en/a/both.html"))
        let bad = try await TestSupport.run(content: TestSupport.fixture("errors/duplicate-permalink"), out: out)
        #expect(!bad.wroteSite)
        #expect(TestSupport.snapshot(of: out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0 != "site" }
        #expect(leftovers.isEmpty, "no staging directory is left behind")
    }

    @Test("A successful build replaces the whole site and removes stale files")
    func siteReplaced() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let out = work + "/site"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/stale.html", contents: Data("old".utf8))
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(result.wroteSite)
        let files = TestSupport.snapshot(of: out).keys.sorted()
        #expect(files == ["404.html", "assets/dochouse.css", "assets/search.js", "en/404.html", "en/a/both.html", "en/a/only-en.html",
                          "en/index.html", "en/search-index.json", "robots.txt", "ru/404.html", "ru/a/both.html", "ru/a/only-en.html",
                          "ru/index.html", "ru/search-index.json", "sitemap.xml"])
    }

    @Test("The output directory may not be, contain, or lie in the content or templates directory")
    func unsafeOutput() async throws {
        let content = TestSupport.fixture("twins")
        for out in [content, content + "/pages/site", TestSupport.fixtures.path, "/"] {
            await #expect(throws: BuildPipeline.Failure.self) {
                _ = try await TestSupport.run(content: content, out: out)
            }
        }
        #expect(OutputDirectoryGuard.problem(output: content, protected: [content]) == "the output directory '\(content)' is the source directory '\(content)'")
    }

    @Test("A missing content directory cannot run (exit status 2)")
    func missingContent() async throws {
        await #expect(throws: BuildPipeline.Failure.self) {
            _ = try await TestSupport.run(content: "/nonexistent/dochouse", render: false)
        }
    }

    @Test("site.yaml mistakes are reported at their place and the rest still applies")
    func siteConfigProblems() throws {
        let yaml = "title: Docs\nlanguages: [en, ru]\nnav:\n  - title: {en: A}\n    page: missing\ncolour: blue\nrules:\n  page.missing-twin: off\n"
        let (config, diagnostics) = SiteConfigParser.parse(RawFile(relativePath: "site.yaml", displayPath: "site.yaml", bytes: Array(yaml.utf8)))
        #expect(TestSupport.lines(diagnostics, relativeTo: "") == [
            "site.yaml:6:1: error: unknown setting 'colour'; known settings are baseURL, defaultLanguage, languages, limits, nav, rules, title [site.invalid]",
        ])
        #expect(config.ruleSeverities["page.missing-twin"] == .off)
        #expect(config.navigation.first?.target == .page("missing"))
        #expect(config.title(for: "ru") == "Docs")
    }
}
