import CmarkBridge
import Foundation
import Testing
@testable import DochouseKit

// MARK: - Helpers

private enum ReferenceFixtures {
    static let awsDirectory = TestSupport.repositoryRoot.appendingPathComponent("content/schemas/cloud-provider-aws")

    static func file(_ name: String) throws -> RawFile {
        let url = awsDirectory.appendingPathComponent(name)
        return RawFile(relativePath: "cloud-provider-aws/\(name)", displayPath: "content/schemas/cloud-provider-aws/\(name)",
                       bytes: try [UInt8](Data(contentsOf: url)))
    }

    static func aws() throws -> (SchemaDocument, SchemaOverlay) {
        let (document, diagnostics) = SchemaLoader.load(try file("cluster_configuration.yaml"), module: "cloud-provider-aws")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let schema = try #require(document)
        let (overlay, overlayDiagnostics) = SchemaOverlayLoader.load(try file("doc-ru-cluster_configuration.yaml"), schema: schema)
        #expect(overlayDiagnostics.isEmpty, "\(overlayDiagnostics)")
        return (schema, try #require(overlay))
    }

    static func render(_ language: String) throws -> ReferencePageContent {
        let (schema, overlay) = try aws()
        return ReferencePageRenderer.render(schema, overlay: overlay, language: language, markdown: TestMarkdown.html)
    }

    /// A schema (and optionally its overlay) from text, as if under `Fixtures/schema-checks/`.
    static func schema(_ text: String, name: String = "test.yaml") -> SchemaDocument? {
        let raw = RawFile(relativePath: "m/\(name)", displayPath: name, bytes: Array(text.utf8))
        return SchemaLoader.load(raw, module: "m").0
    }

    static func checkFixture(_ name: String) throws -> (SchemaDocument, [SchemaOverlay]) {
        let directory = TestSupport.fixtures.appendingPathComponent("schema-checks")
        let schemaPath = "schema-checks/\(name).yaml"
        let raw = RawFile(relativePath: "m/\(name).yaml", displayPath: schemaPath,
                          bytes: try [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).yaml"))))
        let (document, diagnostics) = SchemaLoader.load(raw, module: "m")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let schema = try #require(document)
        var overlays: [SchemaOverlay] = []
        let overlayURL = directory.appendingPathComponent("doc-ru-\(name).yaml")
        if FileManager.default.fileExists(atPath: overlayURL.path) {
            let overlayRaw = RawFile(relativePath: "m/doc-ru-\(name).yaml", displayPath: "schema-checks/doc-ru-\(name).yaml",
                                     bytes: try [UInt8](Data(contentsOf: overlayURL)))
            let (overlay, overlayDiagnostics) = SchemaOverlayLoader.load(overlayRaw, schema: schema)
            #expect(overlayDiagnostics.isEmpty, "\(overlayDiagnostics)")
            overlays.append(try #require(overlay))
        }
        return (schema, overlays)
    }

    /// The page's HTML without the code-block chrome (wrapper, toolbar with its copy button, highlighting spans),
    /// so facts about example texts read as the YAML itself. The golden test checks the chrome.
    static func withoutCodeChrome(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<div class="code-block"[^>]*>\n<div class="code-toolbar">.*?</div>\n"#,
                                             with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "</code></pre>\n</div>\n", with: "</code></pre>\n")
        text = text.replacingOccurrences(of: #"<span class="tok-[a-z]+">"#, with: "", options: .regularExpression)
        // Highlighting spans never nest and only stand inside <code>; what remains of </span> is theirs.
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "<pre><code") {
            out += rest[..<open.lowerBound]
            let close = rest.range(of: "</code></pre>", range: open.upperBound..<rest.endIndex) ?? (rest.endIndex..<rest.endIndex)
            out += rest[open.lowerBound..<close.lowerBound].replacingOccurrences(of: "</span>", with: "")
            rest = rest[close.lowerBound...]
        }
        return out + rest
    }

    /// Every `id="..."` of an HTML text.
    static func ids(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "id=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        return out
    }
}

/// A minimal Markdown-to-HTML function for the tests, over CmarkBridge's tree (the pipeline supplies its own).
private enum TestMarkdown {
    static func html(_ text: String) -> String {
        var out = ""
        for child in MarkdownParser.parse(text).children { block(child, tight: false, into: &out) }
        return out
    }

    private static func block(_ node: MarkdownNode, tight: Bool, into out: inout String) {
        switch node.kind {
        case .paragraph:
            if tight {
                inlines(node.children, into: &out)
                out += "\n"
            } else {
                out += "<p>"
                inlines(node.children, into: &out)
                out += "</p>\n"
            }
        case .heading(let level, _):
            out += "<h\(level)>"
            inlines(node.children, into: &out)
            out += "</h\(level)>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            for child in node.children { block(child, tight: false, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
            for item in node.children {
                out += "<li>"
                if !isTight || item.children.first.map({ if case .paragraph = $0.kind { return false } else { return true } }) == true {
                    out += "\n"
                }
                var body = ""
                for child in item.children { block(child, tight: isTight, into: &body) }
                if isTight, case .paragraph? = item.children.last?.kind, body.hasSuffix("\n") { body.removeLast() }
                out += body + "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let info, let literal, _, _):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            out += HTMLEscaping.escape(literal) + "</code></pre>\n"
        case .htmlBlock:
            out += "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            out += "<hr>\n"
        default:
            for child in node.children { block(child, tight: tight, into: &out) }
        }
    }

    private static func inlines(_ nodes: [MarkdownNode], into out: inout String) {
        for node in nodes {
            switch node.kind {
            case .text(let text): out += HTMLEscaping.escape(text)
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .code(let text): out += "<code>" + HTMLEscaping.escape(text) + "</code>"
            case .htmlInline: out += "<!-- raw HTML omitted -->"
            case .emphasis, .strong, .strikethrough:
                let tag = node.kind == .emphasis ? "em" : node.kind == .strong ? "strong" : "del"
                out += "<\(tag)>"
                inlines(node.children, into: &out)
                out += "</\(tag)>"
            case .link(let url, _):
                out += "<a href=\"" + HTMLEscaping.escapeHref(url) + "\">"
                inlines(node.children, into: &out)
                out += "</a>"
            default:
                inlines(node.children, into: &out)
            }
        }
    }
}

// MARK: - Anchors

@Suite("Reference pages from schemas")
struct ReferencePageTests {
    @Test("Anchors follow the Deckhouse rule", arguments: [
        (["nodeGroups", "instanceClass", "additionalSecurityGroups"],
         "awsclusterconfiguration-nodegroups-instanceclass-additionalsecuritygroups"),
        (["additionalRolePolicies", "element"], "awsclusterconfiguration-additionalrolepolicies-element"),
        (["tags", "additionalProperties"], "awsclusterconfiguration-tags-additionalproperties"),
        (["nodeTemplate", "labels", "node-role.kubernetes.io/worker"],
         "awsclusterconfiguration-nodetemplate-labels-node-role-kubernetes-io-worker"),
        (["a b", "c--d", "-e-"], "awsclusterconfiguration-a-b-c-d-e"),
        (["snake_case", "Дисk"], "awsclusterconfiguration-snake_case-k"),
        ([], "awsclusterconfiguration"),
    ])
    func anchors(_ path: [String], _ expected: String) {
        #expect(ReferenceAnchor.anchor(kind: "AWSClusterConfiguration", path: path) == expected)
    }

    @Test("Leading and trailing dashes go; runs collapse")
    func anchorEdges() {
        #expect(ReferenceAnchor.anchor(kind: "--Kind--", path: ["..x..", "", "y!!"]) == "kind-x-y")
        #expect(ReferenceAnchor.anchor(kind: "", path: ["---"]) == "")
        #expect(ReferenceAnchor.anchor(kind: "K", path: ["a___b"]) == "k-a___b")
    }

    // MARK: - The real schema

    @Test("Both languages carry the additionalRolePolicies anchors and the same ids")
    func realSchemaAnchors() throws {
        let english = try ReferenceFixtures.render("en")
        let russian = try ReferenceFixtures.render("ru")
        for page in [english, russian] {
            #expect(page.title == "AWSClusterConfiguration")
            #expect(page.html.contains(#"id="awsclusterconfiguration-additionalrolepolicies""#))
            #expect(page.html.contains(#"id="awsclusterconfiguration-additionalrolepolicies-element""#))
            #expect(page.html.contains(#"id="awsclusterconfiguration-nodegroups-instanceclass-additionalsecuritygroups""#))
            #expect(page.html.contains(#"id="awsclusterconfiguration-tags-additionalproperties""#))
            // The anchors list is exactly the ids of the page.
            let ids = ReferenceFixtures.ids(in: page.html)
            #expect(Set(page.anchors) == Set(ids))
            #expect(ids.count == Set(ids).count, "an id appears twice")
            #expect(page.anchors.count == ids.count)
            // Every id has its permalink.
            for id in page.anchors { #expect(page.html.contains("href=\"#\(id)\"")) }
            // Scalar arrays without documented items get no element child.
            #expect(!page.html.contains(#"id="awsclusterconfiguration-zones-element""#))
            #expect(page.toc.first?.id == "awsclusterconfiguration-additionalrolepolicies")
            #expect(page.toc.map(\.text).contains("masterNodeGroup"))
            #expect(!page.toc.map(\.text).contains("replicas"))
        }
        #expect(english.anchors == russian.anchors, "anchors are the same in both languages")
    }

    @Test("The Russian page takes texts from the overlay and words from the terms")
    func russianPage() throws {
        let page = try ReferenceFixtures.render("ru")
        let html = ReferenceFixtures.withoutCodeChrome(page.html)
        #expect(html.contains("<p>IAM-действия, которые добавляются к IAM-ролям инстансов кластера.</p>"))
        #expect(html.contains(#"<span class="param-type">массив строк</span> · <span class="param-optional">Необязательный</span>"#))
        #expect(html.contains(#"<span class="param-type">массив объектов</span>"#))
        #expect(html.contains(#"<span class="param-type">словарь строк</span>"#))
        #expect(html.contains(#"<span class="param-required">Обязательный</span>"#))
        #expect(html.contains(#"<span class="param-name">Элемент массива</span>"#))
        #expect(html.contains("<dd><code>WithoutNAT</code>, <code>WithNAT</code>, <code>Standard</code></dd>"))
        #expect(html.contains("<dt>Ограничения</dt>\n<dd>не меньше 1 элемента</dd>"))
        #expect(html.contains("не меньше 1 элемента; элементы должны быть уникальными"))
        #expect(html.contains("Задайте ровно один из параметров: <code>vpcNetworkCIDR</code>, <code>existingVPCID</code>."))
        #expect(html.contains("<li><code>layout</code> имеет значение <code>WithNAT</code></li>"))
        #expect(html.contains(#"<span class="param-badge param-deprecated">Устарел</span>"#))
        #expect(html.contains("<dt>По умолчанию</dt>\n<dd><code>{&quot;sizeGb&quot;:20,&quot;type&quot;:&quot;gp3&quot;}</code></dd>"))
        #expect(html.contains("<dt>Шаблон</dt>\n<dd><code>^([a-zA-Z0-9_\\-]+):([a-zA-Z0-9_\\-\\*\\?]+)$</code></dd>"))
        #expect(html.contains(#"<p class="param-examples-title">Пример:</p>"#))
        #expect(html.contains("<dd><code>1 &lt;= X</code></dd>"))
        // The bastion's texts come from the redefined YAML anchor; the node groups' from the first definition.
        #expect(html.contains("Дополнительные группы безопасности (security groups), которые назначаются инстансу bastion."))
        #expect(!html.contains("IAM actions added to the IAM roles"))
        let search = try #require(page.searchEntries.first { $0.anchor == "awsclusterconfiguration-additionalrolepolicies" })
        #expect(search.path == "additionalRolePolicies")
        #expect(search.text.hasPrefix("IAM-действия, которые добавляются"))
        #expect(!search.text.contains("<"))
    }

    @Test("The English page keeps the schema's texts")
    func englishPage() throws {
        let page = try ReferenceFixtures.render("en")
        let html = ReferenceFixtures.withoutCodeChrome(page.html)
        #expect(html.contains("<p>IAM actions added to the IAM roles of the cluster's instances.</p>"))
        #expect(html.contains(#"<span class="param-type">array of strings</span> · <span class="param-optional">Optional</span>"#))
        #expect(html.contains(#"<span class="param-name">Element of the array</span>"#))
        #expect(html.contains("<dd>at least 1 item</dd>"))
        #expect(html.contains("at least 1 item; items must be unique"))
        #expect(html.contains("Set exactly one of: <code>vpcNetworkCIDR</code>, <code>existingVPCID</code>."))
        #expect(html.contains("<p>Exactly one of the following must hold:</p>"))
        #expect(html.contains(#"<span class="param-type">map of strings</span>"#))
        #expect(html.contains(#"<span class="param-badge param-deprecated">Deprecated</span>"#))
        #expect(!html.contains("Элемент"))
        // The root example is the resource itself, in YAML; strings YAML would misread stay quoted.
        #expect(html.contains("<pre><code class=\"language-yaml\">apiVersion: deckhouse.io/v1\nkind: AWSClusterConfiguration\n"))
        #expect(html.contains("      node-role.kubernetes.io/worker: &quot;&quot;\n"))
        #expect(html.contains("<pre><code class=\"language-yaml\">additionalTags:\n  project: cms-production\n  severity: critical\n</code></pre>"))
        // An x-doc-example written as Markdown is rendered as Markdown.
        #expect(html.contains("<pre><code class=\"language-yaml\">taints:\n- effect: NoExecute\n"))
    }

    @Test("An overlay in another language, or a language without terms, falls back to English")
    func fallbacks() throws {
        let (schema, overlay) = try ReferenceFixtures.aws()
        let german = ReferencePageRenderer.render(schema, overlay: overlay, language: "de", markdown: TestMarkdown.html)
        #expect(german.html.contains("IAM actions added to the IAM roles"))
        #expect(german.html.contains("array of strings"))
        let noOverlay = ReferencePageRenderer.render(schema, overlay: nil, language: "ru", markdown: TestMarkdown.html)
        #expect(noOverlay.html.contains("IAM actions added to the IAM roles"))
        #expect(noOverlay.html.contains("массив строк"))
    }

    /// Set DOCHOUSE_UPDATE_GOLDEN=1 to rewrite the golden files after a reviewed change.
    @Test("The reference page matches its golden HTML", arguments: ["en", "ru"])
    func golden(_ language: String) throws {
        let html = try ReferenceFixtures.render(language).html
        let goldenPath = TestSupport.fixture("golden/reference.\(language).html")
        if ProcessInfo.processInfo.environment["DOCHOUSE_UPDATE_GOLDEN"] == "1" {
            try html.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(html == expected)
    }

    // MARK: - Synthetic schemas

    static let synthetic = """
    kind: Sample
    apiVersions:
    - apiVersion: v2
      openAPISpec:
        type: object
        properties:
          hidden:
            type: string
            x-doc-skip: true
            description: Not shown.
          count:
            type: integer
            minimum: 0
            exclusiveMaximum: true
            maximum: 10
            x-doc-required: true
            default: 3
            description: How many.
          name:
            type: string
            minLength: 1
            maxLength: 63
            pattern: '^[a-z]+$'
            x-doc-default: "<generated>"
            example: web
            x-examples: [ignored]
          mode:
            type: string
            enum: [Fast, Safe]
            x-enum-descriptions:
              Fast: Quick <b>and</b> loose.
              Safe: Careful.
            deprecated: true
          ports:
            type: array
            maxItems: 5
            minItems: 2
            items:
              type: integer
              minimum: 1
            x-doc-examples:
            - [80, 443]
            - [8080, 8443]
          auth:
            type: object
            anyOf:
            - required: [token]
            - required: [user, password]
            properties:
              token: {type: string}
              user: {type: string}
              password: {type: string}
          values:
            type: object
            additionalProperties:
              type: object
              properties:
                weight:
                  type: number
          flags:
            type: array
            items:
              type: boolean
          words:
            type: [string, integer]
            nullable: true
            x-doc-example: "yes"
    - apiVersion: v1
      openAPISpec:
        type: object
    """

    static func syntheticPage(_ language: String) throws -> ReferencePageContent {
        let schema = try #require(ReferenceFixtures.schema(synthetic))
        return ReferencePageRenderer.render(schema, overlay: nil, language: language, markdown: TestMarkdown.html)
    }

    @Test("Every fact of a parameter is shown")
    func syntheticFacts() throws {
        let page = try Self.syntheticPage("en")
        let html = ReferenceFixtures.withoutCodeChrome(page.html)
        #expect(!html.contains("hidden"))
        #expect(!page.anchors.contains("sample-hidden"))
        #expect(html.contains(#"<p class="reference-version">Version: <code>v2</code></p>"#))
        #expect(html.contains("Other versions (not described here): <code>v1</code>"))
        // x-doc-required, default, exclusive range.
        #expect(html.contains(#"id="sample-count"><span class="param-name">count</span>"#))
        #expect(html.contains("<span class=\"param-type\">integer</span> · <span class=\"param-required\">Required</span>"))
        #expect(html.contains("<dt>Default</dt>\n<dd><code>3</code></dd>"))
        #expect(html.contains("<dd><code>0 &lt;= X &lt; 10</code></dd>"))
        // x-doc-default over default, pattern, length; `example` wins over `x-examples`.
        #expect(html.contains("<dd><code>&lt;generated&gt;</code></dd>"))
        #expect(html.contains("<dt>Length</dt>\n<dd><code>1..63</code></dd>"))
        #expect(html.contains("<dt>Pattern</dt>\n<dd><code>^[a-z]+$</code></dd>"))
        #expect(html.contains("<pre><code class=\"language-yaml\">name: web\n</code></pre>"))
        #expect(!html.contains("ignored"))
        // Enum descriptions (Markdown; raw HTML does not pass), deprecated.
        #expect(html.contains("<dt><code>Fast</code></dt>\n<dd><p>Quick <!-- raw HTML omitted -->and<!-- raw HTML omitted --> loose.</p>\n</dd>"))
        #expect(html.contains("<span class=\"param-badge param-deprecated\">Deprecated</span>"))
        // Several examples; item counts; element child of documented scalar items with its range.
        #expect(html.contains("<p class=\"param-examples-title\">Examples:</p>\n<pre><code class=\"language-yaml\">ports:\n- 80\n- 443\n</code></pre>\n<pre><code class=\"language-yaml\">ports:\n- 8080\n- 8443\n</code></pre>"))
        #expect(html.contains("<dd>at least 2 items; at most 5 items</dd>"))
        #expect(html.contains(#"id="sample-ports-element""#))
        #expect(html.contains("<span class=\"param-type\">array of integers</span>"))
        // anyOf of required-only branches.
        #expect(html.contains("Set at least one of: <code>token</code>, <code>user</code> and <code>password</code>."))
        // A map of objects: its value's properties continue below the map-value child.
        #expect(html.contains("<span class=\"param-type\">map of objects</span>"))
        #expect(html.contains(#"id="sample-values-additionalproperties-weight""#))
        #expect(html.contains("<span class=\"param-path\">values.*.</span><span class=\"param-name\">weight</span>"))
        // Undocumented items: no element.
        #expect(!html.contains("sample-flags-element"))
        #expect(html.contains("array of booleans"))
        // Several types, nullable; a string example YAML would read as a boolean is quoted.
        #expect(html.contains("<span class=\"param-type\">string or integer or null</span>") || html.contains("string, integer or null"))
        #expect(html.contains("<pre><code class=\"language-yaml\">words: &quot;yes&quot;\n</code></pre>"))
        #expect(Set(page.anchors) == Set(ReferenceFixtures.ids(in: html)))
    }

    @Test("The same facts in Russian")
    func syntheticRussian() throws {
        let html = try Self.syntheticPage("ru").html
        #expect(html.contains("<dd>не меньше 2 элементов; не больше 5 элементов</dd>"))
        #expect(html.contains("Задайте хотя бы один из параметров: <code>token</code>, <code>user</code> и <code>password</code>."))
        #expect(html.contains("<span class=\"param-type\">массив целых чисел</span>"))
        #expect(html.contains("<span class=\"param-type\">словарь объектов</span>"))
        #expect(html.contains("<span class=\"param-type\">строка, целое число или null</span>"))
        #expect(html.contains("<p class=\"param-examples-title\">Примеры:</p>"))
        #expect(html.contains("<dt>Длина</dt>"))
        #expect(html.contains("Другие версии (здесь не описаны): <code>v1</code>"))
        #expect(html.contains(#"<span class="param-name">Значение каждого ключа</span>"#))
    }

    // MARK: - Terms

    @Test("Russian plural forms", arguments: [
        (1, "1 элемент"), (2, "2 элемента"), (4, "4 элемента"), (5, "5 элементов"), (11, "11 элементов"),
        (12, "12 элементов"), (14, "14 элементов"), (21, "21 элемент"), (22, "22 элемента"), (25, "25 элементов"),
        (111, "111 элементов"), (101, "101 элемент"), (0, "0 элементов"),
    ])
    func russianPlural(_ count: Int, _ expected: String) {
        #expect(ReferenceTerms(language: "ru").items(count) == expected)
    }

    @Test("Counted constraints in both languages")
    func countedConstraints() {
        let ru = ReferenceTerms(language: "ru"), en = ReferenceTerms(language: "en")
        #expect(ru.minItems(1) == "не меньше 1 элемента")
        #expect(ru.minItems(2) == "не меньше 2 элементов")
        #expect(ru.maxItems(5) == "не больше 5 элементов")
        #expect(ru.maxItems(21) == "не больше 21 элемента")
        #expect(ru.maxItems(11) == "не больше 11 элементов")
        #expect(ru.minProperties(1) == "не меньше 1 ключа")
        #expect(en.minItems(1) == "at least 1 item")
        #expect(en.maxItems(5) == "at most 5 items")
        #expect(en.uniqueItems == "items must be unique")
        #expect(ReferenceTerms(language: "fr").required == "Required")
    }

    // MARK: - Example YAML

    @Test("Strings YAML would read as something else are quoted", arguments: [
        ("true", true), ("No", true), ("off", true), ("~", true), ("null", true), ("", true), ("5", true),
        ("0x1F", true), ("1e3", true), ("2024-01-02", true), ("10:20", true), ("a: b", true), ("a #b", true),
        ("- x", true), ("*ref", true), ("&a", true), ("!tag", true), ("%x", true), ("@x", true), ("`x`", true),
        ("{a}", true), ("[a]", true), ("'q'", true), (" lead", true), ("trail ", true), ("line\nbreak", true),
        ("ends:", true), ("worker", false), ("ecr:ListImages", false), ("172.16.0.0/22", false), ("t3.large", false),
        ("<SSH_PUBLIC_KEY>", false), ("node-role.kubernetes.io/worker", false), ("строка", false), ("a,b", false),
    ])
    func yamlQuoting(_ text: String, _ quoted: Bool) {
        #expect(ReferenceExampleYAML.needsQuotes(text) == quoted, "\(text)")
    }

    @Test("Examples are block YAML, deterministic")
    func yamlDocument() {
        let value = SchemaValue.object([
            .init(key: "name", value: .string("worker")),
            .init(key: "labels", value: .object([.init(key: "a/b", value: .string("")), .init(key: "on", value: .bool(true))])),
            .init(key: "list", value: .array([
                .object([.init(key: "k", value: .number("1")), .init(key: "v", value: .null)]),
                .array([.string("x"), .string("y")]),
                .string("line\nbreak \"q\""),
            ])),
            .init(key: "empty", value: .object([])),
            .init(key: "none", value: .array([])),
        ])
        let expected = """
        root:
          name: worker
          labels:
            a/b: ""
            "on": true
          list:
          - k: 1
            v: null
          - - x
            - "y"
          - "line\\nbreak \\"q\\""
          empty: {}
          none: []

        """
        #expect(ReferenceExampleYAML.document(value, name: "root") == expected)
        #expect(ReferenceExampleYAML.document(.array([.string("a")]), name: nil) == "- a\n")
        #expect(ReferenceExampleYAML.document(.string("x"), name: nil) == "x\n")
    }

    // MARK: - Source checks

    @Test("The bundled schema and overlay pass the source checks")
    func realSchemaChecks() throws {
        let (schema, overlay) = try ReferenceFixtures.aws()
        #expect(SchemaSourceChecks.check(schema, overlays: [overlay]).isEmpty)
        #expect(SchemaSourceChecks.all.map(\.id)
                == ["schema.overlay-missing-description", "schema.overlay-not-translated", "schema.example-invalid"])
    }

    @Test("A fixture that is right passes every source check")
    func passingChecks() throws {
        let (schema, overlays) = try ReferenceFixtures.checkFixture("translated")
        let diagnostics = SchemaSourceChecks.check(schema, overlays: overlays)
        #expect(diagnostics.isEmpty, "\(TestSupport.lines(diagnostics, relativeTo: ""))")
    }

    @Test("schema.overlay-missing-description points at the English node")
    func missingDescription() throws {
        let (schema, overlays) = try ReferenceFixtures.checkFixture("missing-description")
        let lines = TestSupport.lines(SchemaSourceChecks.check(schema, overlays: overlays), relativeTo: "")
        #expect(lines == [
            "schema-checks/missing-description.yaml:13:9: warning: 'size' has a description, but the ru overlay gives none: the ru page shows it in English [schema.overlay-missing-description]",
            "schema-checks/missing-description.yaml:20:11: warning: 'zones[]' has a description, but the ru overlay gives none: the ru page shows it in English [schema.overlay-missing-description]",
        ])
    }

    @Test("schema.overlay-not-translated points at the overlay's text")
    func notTranslated() throws {
        let (schema, overlays) = try ReferenceFixtures.checkFixture("not-translated")
        let lines = TestSupport.lines(SchemaSourceChecks.check(schema, overlays: overlays), relativeTo: "")
        #expect(lines == [
            "schema-checks/doc-ru-not-translated.yaml:6:9: warning: the description of enum value 'Fast' in the ru overlay has no Cyrillic letter: it looks untranslated [schema.overlay-not-translated]",
            "schema-checks/doc-ru-not-translated.yaml:11:9: warning: the description in the ru overlay has no Cyrillic letter: it looks untranslated [schema.overlay-not-translated]",
        ])
        #expect(!SchemaSourceChecks.isUntranslated("`kubectl`, `kubectl-v2`"))
        #expect(!SchemaSourceChecks.isUntranslated("См. [docs](https://example.com/a)"))
        #expect(!SchemaSourceChecks.isUntranslated("OK"))
        #expect(SchemaSourceChecks.isUntranslated("The image, see `x`."))
    }

    @Test("schema.example-invalid validates every example against its own node")
    func invalidExamples() throws {
        let (schema, overlays) = try ReferenceFixtures.checkFixture("invalid-examples")
        let lines = TestSupport.lines(SchemaSourceChecks.check(schema, overlays: overlays), relativeTo: "")
        #expect(lines == [
            "schema-checks/invalid-examples.yaml:10:5: error: item 2 of x-examples does not match the schema: missing required property 'name' [schema.example-invalid]",
            "schema-checks/invalid-examples.yaml:14:9: error: example of 'name' does not match the schema: expected string, found number 5 (YAML reads an unquoted 5 as a number) [schema.example-invalid]",
            "schema-checks/invalid-examples.yaml:20:9: error: item 2 of x-doc-examples of 'size' does not match the schema: 0 is less than the minimum 1 [schema.example-invalid]",
            "schema-checks/invalid-examples.yaml:28:19: error: x-doc-example of 'labels' does not match the schema at tier: expected string, found number 1 (YAML reads an unquoted 1 as a number) [schema.example-invalid]",
            "schema-checks/invalid-examples.yaml:33:9: error: x-doc-example of 'mode' does not match the schema: 'Slow' is not one of the allowed values: Fast, Safe [schema.example-invalid]",
        ])
    }
}
