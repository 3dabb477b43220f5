import Foundation
import Testing
@testable import DochouseKit

/// An incremental update must leave the compilation exactly where a full compile of the edited tree would:
/// the same findings (places, messages, baseline marks) and the same output files. Each case edits the
/// `serve` fixture in memory, applies the change, and compares with a fresh compile.
@Suite("Incremental compilation")
struct IncrementalCompilationTests {
    let root = TestSupport.fixture("serve")
    let templates = TestSupport.repositoryRoot.appendingPathComponent("templates").path

    func compile(_ tree: ContentTree) async -> SiteCompilation {
        let (set, diagnostics) = TemplateSet.load(from: templates)
        return await SiteCompilation.compile(tree: tree, templates: set, templateDiagnostics: diagnostics, render: true)
    }

    /// The tree with one page's text replaced.
    func edited(_ tree: ContentTree, _ path: String, _ transform: (String) -> String) -> (ContentTree, RawFile) {
        var tree = tree
        let index = tree.pages.firstIndex { $0.relativePath == path }!
        var file = tree.pages[index]
        file.bytes = Array(transform(String(decoding: file.bytes, as: UTF8.self)).utf8)
        tree.pages[index] = file
        return (tree, file)
    }

    func expectSame(_ compilation: SiteCompilation, _ full: SiteCompilation, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // The preview refreshes the site-wide files (search, sitemap) after its reload event; do the same here.
        var incremental = compilation
        if !incremental.siteFilesAreCurrent { incremental.refreshSiteFiles() }
        let a = TestSupport.lines(incremental.diagnostics, relativeTo: root)
        let b = TestSupport.lines(full.diagnostics, relativeTo: root)
        #expect(a == b, sourceLocation: sourceLocation)
        let outputsA = Dictionary(uniqueKeysWithValues: incremental.outputs.map { ($0.path, $0.bytes) })
        let outputsB = Dictionary(uniqueKeysWithValues: full.outputs.map { ($0.path, $0.bytes) })
        #expect(outputsA.keys.sorted() == outputsB.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in outputsB where outputsA[path] != bytes {
            Issue.record("output \(path) differs from a full compile", sourceLocation: sourceLocation)
        }
    }

    @Test("Renaming a heading breaks the links to its anchor on other pages, and renaming it back fixes them")
    func anchorRename() async throws {
        let tree = try ContentLoader.load(from: root)
        var compilation = await compile(tree)
        #expect(compilation.diagnostics.isEmpty)

        let (broken, file) = edited(tree, "guide/next.md") { $0.replacingOccurrences(of: "## Part", with: "## Piece") }
        let summary = await compilation.apply(SourceChange(pages: [file]))
        #expect(summary.scope == .pages)
        #expect(summary.pagesRecompiled == 1)
        #expect(summary.diagnosticFiles.contains(root + "/pages/guide/start.md"))
        let lines = TestSupport.lines(compilation.diagnostics, relativeTo: root)
        #expect(lines.contains { $0.hasPrefix("pages/guide/start.md:6:6:") && $0.hasSuffix("[link.broken-anchor]") })
        expectSame(compilation, await compile(broken))

        let (fixed, original) = edited(broken, "guide/next.md") { $0.replacingOccurrences(of: "## Piece", with: "## Part") }
        _ = await compilation.apply(SourceChange(pages: [original]))
        #expect(compilation.diagnostics.isEmpty)
        expectSame(compilation, await compile(fixed))
    }

    @Test("A changed sample is checked again and compared with its twin")
    func sampleEdit() async throws {
        let tree = try ContentLoader.load(from: root)
        var compilation = await compile(tree)
        let (changed, file) = edited(tree, "guide/policy.md") { $0.replacingOccurrences(of: "ecr:BatchGetImage", with: "ecr:BatchGetImages") }
        let summary = await compilation.apply(SourceChange(pages: [file]))
        #expect(summary.scope == .pages)
        let rules = Set(compilation.diagnostics.map(\.ruleID))
        #expect(rules.contains("iam.unknown-action"))
        #expect(rules.contains("twin.sample-content"))
        expectSame(compilation, await compile(changed))
    }

    @Test("Lines inserted above a finding move it")
    func linesMove() async throws {
        let tree = try ContentLoader.load(from: root)
        var compilation = await compile(tree)
        let (bad, badFile) = edited(tree, "guide/policy.md") { $0.replacingOccurrences(of: "\"Allow\"", with: "\"allow\"") }
        _ = await compilation.apply(SourceChange(pages: [badFile]))
        let (moved, movedFile) = edited(bad, "guide/policy.md") { $0.replacingOccurrences(of: "## Reading images", with: "Intro.\n\n## Reading images") }
        _ = await compilation.apply(SourceChange(pages: [movedFile]))
        expectSame(compilation, await compile(moved))
    }

    @Test("A new title, a broken front matter, a removed and an added page recompile the site")
    func indexChanges() async throws {
        let tree = try ContentLoader.load(from: root)
        var compilation = await compile(tree)

        let (retitled, retitledFile) = edited(tree, "guide/next.md") { $0.replacingOccurrences(of: "title: Next", with: "title: Onwards") }
        let summary = await compilation.apply(SourceChange(pages: [retitledFile]))
        #expect(summary.scope == .all)
        expectSame(compilation, await compile(retitled))

        let (broken, brokenFile) = edited(retitled, "guide/next.md") { $0.replacingOccurrences(of: "---\n\n## Part", with: "\n## Part") }
        _ = await compilation.apply(SourceChange(pages: [brokenFile]))
        #expect(compilation.diagnostics.contains { $0.severity == .error })
        expectSame(compilation, await compile(broken))

        var removed = broken
        removed.pages.removeAll { $0.relativePath == "guide/policy.ru.md" }
        let removal = await compilation.apply(SourceChange(removedPages: ["guide/policy.ru.md"]))
        // The Russian URL now carries the stub that points readers to the English page.
        #expect(removal.scope == .all)
        let stub = try #require(compilation.output(at: "ru/guide/policy.html"))
        #expect(!String(decoding: stub.bytes, as: UTF8.self).contains("Чтение образов"))
        expectSame(compilation, await compile(removed))

        var added = removed
        let page = RawFile(relativePath: "guide/extra.md", displayPath: root + "/pages/guide/extra.md",
                           bytes: Array("---\ntitle: Extra\n---\n\nSee [start](start.html#intro).\n".utf8))
        added.pages.append(page)
        added.pages.sort { $0.relativePath < $1.relativePath }
        _ = await compilation.apply(SourceChange(pages: [page]))
        expectSame(compilation, await compile(added))
    }

    @Test("New templates re-render every page")
    func templateChange() async throws {
        let tree = try ContentLoader.load(from: root)
        var compilation = await compile(tree)
        let layout = try String(contentsOfFile: templates + "/layout.mustache", encoding: .utf8)
        let navItem = try String(contentsOfFile: templates + "/nav-item.mustache", encoding: .utf8)
        let (set, diagnostics) = TemplateSet.compile(
            ["layout": SourceFile(displayPath: "templates/layout.mustache", text: layout.replacingOccurrences(of: "</body>", with: "<footer>new</footer></body>")),
             "nav-item": SourceFile(displayPath: "templates/nav-item.mustache", text: navItem)],
            assets: [], missingLayoutPath: "templates/layout.mustache")
        #expect(diagnostics.isEmpty)
        let summary = await compilation.apply(SourceChange(templates: (set, diagnostics)))
        #expect(summary.scope == .all)
        let page = try #require(compilation.output(at: "en/guide/start.html"))
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("<footer>new</footer>"))
    }

    @Test("A schema change re-renders its reference pages and re-checks the pages with samples")
    func schemaChange() async throws {
        let content = TestSupport.repositoryRoot.appendingPathComponent("content").path
        let tree = try ContentLoader.load(from: content)
        var compilation = await compile(tree)
        var changed = tree
        let index = try #require(changed.schemas.firstIndex { $0.relativePath.hasSuffix("/cluster_configuration.yaml") && !$0.relativePath.contains("doc-ru") })
        let text = String(decoding: changed.schemas[index].bytes, as: UTF8.self)
        changed.schemas[index].bytes = Array(text.replacingOccurrences(of: "        minItems: 1\n        description: |",
                                                                       with: "        minItems: 1\n        maxItems: 1\n        description: |").utf8)
        let summary = await compilation.apply(SourceChange(tree: changed))
        #expect(summary.scope == .models)
        #expect(summary.outputs.contains("en/modules/cloud-provider-aws/cluster_configuration.html"))
        let fresh = await compile(changed)
        #expect(TestSupport.lines(compilation.diagnostics, relativeTo: content) == TestSupport.lines(fresh.diagnostics, relativeTo: content))
        let reference = try #require(compilation.output(at: "en/modules/cloud-provider-aws/cluster_configuration.html"))
        let same = reference.bytes == fresh.output(at: "en/modules/cloud-provider-aws/cluster_configuration.html")?.bytes
        #expect(same)
        #expect(String(decoding: reference.bytes, as: UTF8.self).contains("at most 1 item"))
    }
}
