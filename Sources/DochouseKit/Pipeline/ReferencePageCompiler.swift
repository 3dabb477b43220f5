import CmarkBridge

/// The generated pages: one reference page per schema and language at `/LANG/modules/MODULE/NAME.html`,
/// rendered into the same layout as the Markdown pages, so they share navigation, the language switcher and
/// the anchors links are checked against.
struct ReferencePageCompiler: Sendable {
    let models: ModelRegistry
    let site: SiteConfig

    /// One reference page to build: a schema in a language.
    struct Job: Sendable {
        var schema: SchemaDocument
        var language: String
        var header: PageHeader
    }

    /// The jobs, with headers for the site index (twins across languages, URLs).
    func jobs() -> [Job] {
        var jobs: [Job] = []
        for schema in models.schemas.values.sorted(by: { ($0.module, $0.name) < ($1.module, $1.name) }) {
            for language in site.languages {
                let path = "\(language)/modules/\(schema.module)/\(schema.name).html"
                let header = PageHeader(source: schema.source, relativePath: "schemas/\(schema.module)/\(schema.name).yaml",
                                        twinKey: "modules/\(schema.module)/\(schema.name)", language: language,
                                        title: schema.kind, outputPath: path, url: "/" + path, frontMatter: [:],
                                        frontMatterLineCount: 0, permalinkLocation: schema.source.location(line: 1, column: 1))
                jobs.append(Job(schema: schema, language: language, header: header))
            }
        }
        return jobs
    }

    /// A reference page's facts (for links and search) and its HTML file.
    struct Output: Sendable {
        var url: String
        var language: String
        var anchors: [String]
        var file: OutputFile?
        /// What the search index holds of the page (nil when nothing is rendered).
        var search: SearchDocument?
    }

    func compile(_ job: Job, index: SiteIndex, templates: TemplateSet?) -> Output {
        let overlay = models.overlays[job.schema.kind]?.first { $0.language == job.language }
        let header = job.header
        let content = ReferencePageRenderer.render(job.schema, overlay: overlay, language: job.language) { markdown in
            MarkdownFragment.html(markdown, on: header, index: index)
        }
        var file: OutputFile?
        if let templates {
            let headings = content.toc.map { entry in
                Heading(level: 2, text: entry.text, id: entry.id, isExplicitID: true,
                        location: header.permalinkLocation, markdownStart: MarkdownPosition(line: 1, column: 1))
            }
            let page = Page(source: header.source, relativePath: header.relativePath, twinKey: header.twinKey,
                            language: header.language, title: content.title, outputPath: header.outputPath, url: header.url,
                            frontMatter: [:], document: MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                            headings: headings, links: [], codeBlocks: [])
            let context = PageContextBuilder(index: index).context(for: page, contentHTML: content.html)
            file = OutputFile(path: header.outputPath, bytes: templates.renderLayout(context))
        }
        return Output(url: header.url, language: header.language, anchors: content.anchors, file: file,
                      search: templates == nil ? nil : SearchDocument(reference: content, url: header.url, language: header.language))
    }
}

/// Markdown inside generated pages (schema descriptions): rendered with the page's link rules, so a
/// language-relative link in a description points into the page's language.
enum MarkdownFragment {
    static func html(_ markdown: String, on header: PageHeader, index: SiteIndex) -> String {
        let fragment = header.withBody(SourceFile(displayPath: header.source.displayPath, text: markdown), frontMatterLineCount: 0)
        let (page, _) = PageBodyParser.parse(fragment, resolver: index.linkResolver)
        var renderer = MarkdownHTMLRenderer(page: page, href: { index.href(for: $0) })
        renderer.permalinkLabel = UIStrings.table(for: header.language)["permalink"] ?? "Permalink"
        renderer.codeBlock = { _, block, out in
            out.raw(CodeBlockRenderer.plain(block.literal, fence: block.language, language: header.language))
            return true
        }
        return renderer.render()
    }
}
