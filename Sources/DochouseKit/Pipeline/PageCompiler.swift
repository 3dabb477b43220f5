import CmarkBridge

/// One page through the per-page stages: Markdown parse, extraction, rendering into the layout.
/// Pure and independent of other pages' bodies, so pages compile in parallel.
struct PageCompiler: Sendable {
    let index: SiteIndex
    let templates: TemplateSet?
    let validator: SampleValidator

    func compile(_ header: PageHeader) -> CompiledPage {
        let (page, parseDiagnostics) = PageBodyParser.parse(header, resolver: index.linkResolver)
        let validation = validator.validate(page)
        let diagnostics = parseDiagnostics + validation.diagnostics
        var output: OutputFile?
        if let templates {
            var renderer = MarkdownHTMLRenderer(page: page, href: { index.href(for: $0) })
            renderer.permalinkLabel = UIStrings.table(for: page.language)["permalink"] ?? "Permalink"
            let samples = Dictionary(validation.samples.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
            let blocks = CodeBlockRenderer(language: page.language, catalog: validator.context.catalog,
                                           ruleSeverities: index.site.ruleSeverities)
            renderer.codeBlock = { number, block, out in
                blocks.render(block, sample: samples[number], findings: validation.diagnosticsBySample[number] ?? [], into: &out)
                return true
            }
            let body = renderer.renderBytes()
            let context = PageContextBuilder(index: index).context(for: page, content: .utf8(body))
            output = OutputFile(path: page.outputPath, bytes: templates.renderLayout(context))
        }
        let search = templates == nil ? nil : SearchDocument(page: page)
        // The Markdown tree is the largest part of a page and nothing after this stage reads it (the cross-page
        // checks use headings, links and samples): release it here rather than keep every page's tree alive.
        var kept = page
        kept.document = MarkdownNode(kind: .document, start: page.document.start, end: page.document.start)
        return CompiledPage(page: kept, diagnostics: diagnostics, output: output,
                            samples: validation.samples, samplesOptedOut: validation.optedOut, search: search)
    }
}

/// A page after compilation: its facts for the cross-page checks, its findings, and its HTML file.
///
/// A class, and immutable: the site keeps it in a dictionary, hands it to the link, twin and drift checks, the
/// summary and the write, and each of those used to copy the value, retaining and releasing its ~25 references
/// (10,000 pages: ~0.1 s of one core in the sequential step after the pages stage alone). Now a copy is one.
final class CompiledPage: Sendable {
    let page: Page
    let diagnostics: [Diagnostic]
    let output: OutputFile?
    let samples: [Sample]
    let samplesOptedOut: Int
    /// What the search index holds of the page (nil when nothing is rendered).
    let search: SearchDocument?

    init(page: Page, diagnostics: [Diagnostic], output: OutputFile?, samples: [Sample], samplesOptedOut: Int,
         search: SearchDocument?) {
        self.page = page
        self.diagnostics = diagnostics
        self.output = output
        self.samples = samples
        self.samplesOptedOut = samplesOptedOut
        self.search = search
    }

    var language: String { page.language }
}
