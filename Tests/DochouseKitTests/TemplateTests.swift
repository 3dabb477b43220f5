import Foundation
import Testing
@testable import DochouseKit

@Suite("Templates are compiled once and checked before any page renders")
struct TemplateTests {
    @Test("An unknown variable and an unknown partial are errors at their line and column")
    func unknownVariable() async throws {
        let templates = TestSupport.fixture("templates-unknown-variable")
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), templates: templates)
        let lines = TestSupport.lines(result.diagnostics.filter { $0.ruleID.hasPrefix("template.") }, relativeTo: templates)
        #expect(lines == [
            "layout.mustache:3:5: error: template variable 'tilte' is not provided by dochouse [template.unknown-variable]",
            "layout.mustache:4:1: error: partial 'missing-partial' does not exist; known partials: layout [template.unknown-partial]",
        ])
        #expect(result.diagnostics.first { $0.ruleID == "template.unknown-variable" }?.suggestion == "did you mean 'title'?")
        #expect(!result.wroteSite)
    }

    @Test("A template that does not compile is an error at the place the parser stopped")
    func syntaxError() async throws {
        let templates = TestSupport.fixture("templates-syntax")
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), templates: templates)
        let lines = TestSupport.lines(result.diagnostics.filter { $0.ruleID.hasPrefix("template.") }, relativeTo: templates)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("layout.mustache:4:") == true)
        #expect(lines.first?.hasSuffix("a section is closed with a different name than it was opened [template.syntax]") == true)
    }

    @Test("The bundled templates use only names the page context provides, and the context provides them all")
    func vocabularyMatchesContext() async throws {
        let (set, diagnostics) = TemplateSet.load(from: TestSupport.repositoryRoot.appendingPathComponent("templates").path)
        #expect(set != nil)
        #expect(diagnostics.isEmpty)
        // Every name the context builder produces is in the vocabulary, and vice versa.
        let (page, _) = TestSupport.parsePage("---\ntitle: T\npermalink: en/t.html\n---\n## A\n")
        let site = SiteConfig(navigation: [NavigationItem(titles: ["en": "Section"], children: [
            NavigationItem(titles: ["en": "T"], target: .page("page"))])])
        let header = try #require(PageHeaderParser.parse(RawFile(relativePath: "page.md", displayPath: "page.md",
                                                                 bytes: Array("---\ntitle: T\npermalink: en/t.html\n---\n".utf8)), site: site).0)
        let twin = try #require(PageHeaderParser.parse(RawFile(relativePath: "page.ru.md", displayPath: "page.ru.md",
                                                               bytes: Array("---\ntitle: Т\npermalink: ru/t.html\n---\n".utf8)), site: site).0)
        let (index, _) = SiteIndex.build([header, twin], site: site)
        let context = PageContextBuilder(index: index).context(for: try #require(page), contentHTML: "", notice: "n")
        var names: Set<String> = []
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let object):
                for field in object.fields { names.insert(field.name); collect(field.value) }
            case .list(let items):
                items.forEach(collect)
            case .string, .utf8, .bool, .int:
                break
            }
        }
        collect(.object(context))
        #expect(names == TemplateVocabulary.allNames)
    }
}
