import Foundation
import Testing
@testable import DochouseKit

/// The compiled template renderer against swift-mustache: the same templates and values must give the same bytes.
@Suite("Compiled templates render exactly as swift-mustache does")
struct CompiledTemplateTests {
    static let constructsDirectory = TestSupport.fixture("template-constructs")

    /// The fixture templates by name (`Fixtures/template-constructs/*.mustache`).
    static func constructTemplates() throws -> [String: String] {
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: constructsDirectory) where file.hasSuffix(".mustache") {
            let data = try #require(FileManager.default.contents(atPath: constructsDirectory + "/" + file))
            texts[String(file.dropLast(".mustache".count))] = try #require(String(data: data, encoding: .utf8))
        }
        return texts
    }

    /// A navigation-like tree: items with and without links, active, nested.
    static let tree: TemplateValue = [
        ["name": "Home & <start>", "url": "/en/", "active": false, "hasChildren": false, "children": []],
        ["name": "Guides", "url": false, "active": false, "hasChildren": true, "children": [
            ["name": "Install \"fast\"", "url": "/en/install.html?a=1&b='2'", "active": true, "hasChildren": false, "children": []],
            ["name": "Глубже", "url": false, "active": false, "hasChildren": true, "children": [
                ["name": "Лист", "url": "/ru/list.html", "active": false, "hasChildren": false, "children": []],
            ]],
        ]],
    ]

    /// Contexts that together take every branch: truthy and falsy values of every kind, escaping of `& < > " '`,
    /// non-ASCII text, clusters that swallow a special character, shadowed names on the stack.
    static let contexts: [TemplateObject] = [
        [
            "title": "Tom & \"Jerry\" <b>'quoted'</b> — Привет «мир»",
            "text": "line one\nline two & <three>\n",
            "flag": true, "off": false, "empty": "", "zero": 0, "number": 42, "negative": -7,
            "items": [
                ["name": "a<1>", "count": 1, "last": false, "tags": ["x", "y&z"]],
                ["name": "Б'", "count": 2, "last": true, "tags": []],
            ],
            "object": ["name": "obj", "inner": ["name": "in", "deep": ["value": "deep & <deeper>"],
                                                 "items": [["name": "i1"], ["name": "i2", "title": "own title"]]],
                       "deep": ["value": "d"]],
            "emptyList": [], "tree": tree,
            "a-b": "dash", "a_b": "under", "a?": "question", "*x": "star", "spaced": "s p",
        ],
        [
            "title": "<\u{301} and \u{600}\" and e\u{301}&\u{301} and &\u{200D}\u{1F600} 'é' \"ё\"",
            "text": "", "flag": false, "off": true, "items": [], "object": "a string, not an object",
            "tree": [], "emptyList": ["not", "empty"], "number": 0,
        ],
        [
            "title": 12345, "text": "<script>alert('x')</script>", "flag": ["one", "two"], "items": ["name": "one object"],
            "object": ["name": "shadow", "title": "inner title", "inner": ["deep": ["value": 3]]],
            "tree": [["name": "only", "url": "/only", "active": true, "hasChildren": false, "children": []]],
            "empty": false, "zero": "zero as text", "number": -1, "a-b": 5,
        ],
        [:],
    ]

    @Test("Every fixture template renders the same bytes both ways, with every context")
    func fixtureTemplates() throws {
        let texts = try Self.constructTemplates()
        let (library, problems) = TemplateSet.parse(texts)
        #expect(problems.isEmpty)
        var compiledRenders = 0
        for name in texts.keys.sorted() where !name.hasPrefix("fallback") {
            #expect(library.isCompiled(name), "\(name) should be compiled")
            for (number, context) in Self.contexts.enumerated() {
                let expected = library.renderWithMustache(context, withTemplate: name)
                guard let compiled = CompiledTemplateRenderer.render(name, templates: library.compiled, context: context, capacity: 0) else {
                    continue
                }
                compiledRenders += 1
                #expect(String(decoding: compiled, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                        "template \(name), context \(number)")
                #expect(compiled == expected, "template \(name), context \(number): bytes")
                #expect(library.render(context, withTemplate: name) == expected)
            }
        }
        // Only a variable naming a list or an object leaves the compiled path; the fixtures do that rarely.
        #expect(compiledRenders >= (texts.count - 5) * Self.contexts.count - 4)
    }

    @Test("The bundled layout renders the same bytes both ways for pages, 404 pages and stubs")
    func bundledLayout() throws {
        let (set, diagnostics) = TemplateSet.load(from: TestSupport.repositoryRoot.appendingPathComponent("templates").path)
        let templates = try #require(set)
        #expect(diagnostics.isEmpty)
        #expect(templates.library.isCompiled(TemplateSet.layoutName))
        let site = SiteConfig(navigation: [
            NavigationItem(titles: ["en": "Section & <more>", "ru": "Раздел «один»"], children: [
                NavigationItem(titles: ["en": "T", "ru": "Т"], target: .page("page")),
                NavigationItem(titles: ["en": "Elsewhere"], target: .url("https://example.com/?a=1&b=2")),
            ]),
            NavigationItem(titles: ["en": "Other"], target: .page("missing")),
        ])
        let english = "---\ntitle: T & \"quotes\" 'x'\npermalink: en/t.html\n---\n## A <b>\n### Б\n#### deep\n"
        let russian = "---\ntitle: Т «кавычки»\npermalink: ru/t.html\n---\n## Раз\n"
        var headers: [PageHeader] = []
        for (path, text) in [("page.md", english), ("page.ru.md", russian)] {
            let raw = RawFile(relativePath: path, displayPath: path, bytes: Array(text.utf8))
            headers.append(try #require(PageHeaderParser.parse(raw, site: site).0))
        }
        let (index, _) = SiteIndex.build(headers, site: site)
        var contexts: [TemplateObject] = []
        for (path, text) in [("page.md", english), ("page.ru.md", russian)] {
            let page = try #require(TestSupport.parsePage(text, path: path, site: site).0)
            let builder = PageContextBuilder(index: index)
            contexts.append(builder.context(for: page, contentHTML: "<p>body</p>\n"))
            contexts.append(builder.context(for: page, contentHTML: "", notice: "Not <translated> yet & 'soon'"))
        }
        for language in site.languages {
            contexts.append(GeneratedPage.context(path: "\(language)/404.html", language: language, title: "404 & <gone>",
                                                  body: "<p>gone</p>", index: index))
        }
        for context in contexts {
            let expected = templates.library.renderWithMustache(context, withTemplate: TemplateSet.layoutName)
            let compiled = try #require(CompiledTemplateRenderer.render(TemplateSet.layoutName, templates: templates.library.compiled,
                                                                        context: context, capacity: 0))
            #expect(String(decoding: compiled, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            #expect(templates.renderLayout(context) == expected)
        }
    }

    @Test("Templates with inheritance, blocks or transforms, and those that include them, are rendered by swift-mustache")
    func fallbackTemplates() throws {
        let texts = try Self.constructTemplates()
        let (library, problems) = TemplateSet.parse(texts)
        #expect(problems.isEmpty)
        for name in ["fallback-transform", "fallback-parent", "fallback-child", "fallback-via-partial"] {
            #expect(!library.isCompiled(name), "\(name)")
            #expect(library.compiled[name] == nil)
        }
        let context = Self.contexts[0]
        #expect(String(decoding: library.render(context, withTemplate: "fallback-transform"), as: UTF8.self)
            == "<p>tom &amp; &quot;jerry&quot; &lt;b&gt;&#39;quoted&#39;&lt;/b&gt; — привет «мир»</p>first: a&lt;1&gt; Б&#39; \n")
        #expect(String(decoding: library.render(context, withTemplate: "fallback-child"), as: UTF8.self)
            == "<main>Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;quoted&#39;&lt;/b&gt; — Привет «мир» from the child</main>\n\n")
        #expect(library.render(context, withTemplate: "fallback-via-partial") == library.renderWithMustache(context, withTemplate: "fallback-via-partial"))
    }

    @Test("A variable that names an object is left to swift-mustache at render time")
    func fallbackValues() throws {
        let (library, _) = TemplateSet.parse(try Self.constructTemplates())
        #expect(library.isCompiled("fallback-object"))
        let context: TemplateObject = ["single": ["key": "value"]]
        #expect(CompiledTemplateRenderer.render("fallback-object", templates: library.compiled, context: context, capacity: 0) == nil)
        #expect(String(decoding: library.render(context, withTemplate: "fallback-object"), as: UTF8.self) == "<p>[&quot;key&quot;: &quot;value&quot;]</p>\n")
        let text: TemplateObject = ["single": "plain"]
        #expect(String(decoding: library.render(text, withTemplate: "fallback-object"), as: UTF8.self) == "<p>plain</p>\n")
    }

    @Test("Text held as UTF-8 bytes renders exactly as the same text held as a String, escaped or not, in sections too")
    func bytesRenderAsStrings() throws {
        let (library, _) = TemplateSet.parse(["bytes": "{{a}}|{{{a}}}|{{&a}}|{{#a}}[{{.}}]{{/a}}|{{^a}}none{{/a}}\n"])
        for text in ["", "plain", "<p class=\"x\">Tom & 'Jerry'</p>", "Привет «мир» — e\u{301}<", "\u{301}<x>"] {
            let asString = library.render(["a": .string(text)], withTemplate: "bytes")
            let asBytes = library.render(["a": .utf8(Array(text.utf8))], withTemplate: "bytes")
            #expect(asBytes == asString, "\(text.debugDescription)")
            #expect(asBytes == library.renderWithMustache(["a": .utf8(Array(text.utf8))], withTemplate: "bytes"))
        }
    }

    /// Broken templates: both parsers stop at the same place with the same error.
    static let brokenTemplates = [
        "{{#a}}never closed", "{{#a}}x{{/b}}", "x\n  {{/a}}", "{{a", "{{a}", "{{{a}}", "{{{a}}x", "a {", "{{!never",
        "{{=<% %>=}}<%a", "{{= x =}}", "{{=<%=}}", "{{=<% %>", "{{=<% %>=", "{{=<% %> =}", "line\n{{#a}}\n{{/a }}\n{{/a}}",
        "Привет\n  {{#b}}\n{{/c}}", "{{#a}}\r\n{{/b}}\r\n", "{{> }", "{{#a b}}{{/a b}}", "{{a b}}",
    ]

    @Test("A syntax error is reported where swift-mustache reports it, in the same words", arguments: brokenTemplates)
    func syntaxErrors(_ text: String) {
        let compiled = TemplateSet.parseCompiled(text)
        let mustache = TemplateSet.parseWithMustache(text)
        switch (compiled, mustache) {
        case (.failure(let ours), .failure(let theirs)): #expect(ours == theirs)
        default: Issue.record("compiled: \(compiled), swift-mustache: \(mustache)")
        }
    }

    /// The column is the one swift-mustache's parser context gives, plus one, as `template.syntax` findings always had.
    @Test("A template that does not compile is a template.syntax finding at its line and column")
    func syntaxFinding() {
        let source = SourceFile(displayPath: "layout.mustache", text: "<p>\n  {{#a}}\n{{/b}}\n")
        let (set, diagnostics) = TemplateSet.compile(["layout": source], assets: [], missingLayoutPath: "layout.mustache")
        #expect(set == nil)
        #expect(TestSupport.lines(diagnostics, relativeTo: "") == [
            "layout.mustache:3:5: error: template does not compile: a section is closed with a different name than it was opened [template.syntax]",
        ])
    }
}
