import CmarkBridge

/// The 404 page of each language (`site/LANG/404.html`), in the site's layout: what happened, the search box
/// (in the header, as on every page) and the pages of that language. `site/404.html` is the default language's,
/// for servers that look for one at the root.
enum NotFoundPage {
    static func files(index: SiteIndex, templates: TemplateSet) -> [OutputFile] {
        var files: [OutputFile] = []
        for language in index.site.languages {
            let file = render(language: language, index: index, templates: templates)
            files.append(file)
            if language == index.site.defaultLanguage { files.append(OutputFile(path: "404.html", bytes: file.bytes)) }
        }
        return files
    }

    static func render(language: String, index: SiteIndex, templates: TemplateSet) -> OutputFile {
        let strings = UIStrings.table(for: language)
        let pages = index.twins.values.compactMap { $0[language] }.sorted { ($0.title, $0.url) < ($1.title, $1.url) }
        var body = "<div class=\"not-found\">\n<p class=\"not-found-lead\">" + HTMLEscaping.escape(strings["notFoundText"] ?? "") + "</p>\n"
        if !pages.isEmpty {
            body += "<h2 id=\"pages\">" + HTMLEscaping.escape(strings["notFoundPages"] ?? "") + "</h2>\n<ul class=\"not-found-pages\">\n"
            for page in pages.prefix(50) {
                body += "<li><a href=\"" + HTMLEscaping.escapeHref(index.absolute(page.url)) + "\">" + HTMLEscaping.escape(page.title) + "</a></li>\n"
            }
            body += "</ul>\n"
        }
        body += "</div>\n"
        let path = "\(language)/404.html"
        let origin = MarkdownPosition(line: 1, column: 1)
        let page = Page(source: SourceFile(displayPath: path, text: ""), relativePath: path, twinKey: "\u{0}404",
                        language: language, title: strings["notFoundTitle"] ?? "Page not found", outputPath: path, url: "/" + path,
                        frontMatter: [:], document: MarkdownNode(kind: .document, start: origin, end: origin),
                        headings: [], links: [], codeBlocks: [])
        var context = PageContextBuilder(index: index).context(for: page, contentHTML: body)
        context["noindex"] = true
        return OutputFile(path: path, text: templates.renderLayout(context))
    }
}

/// The files the site gets besides its pages: the search index of each language, `sitemap.xml`, `robots.txt` and
/// the 404 pages. Built from values the pipeline already has, after every page is compiled.
enum SiteFiles {
    static func build(index: SiteIndex, documents: [SearchDocument], templates: TemplateSet) -> [OutputFile] {
        index.site.languages.map { SearchIndexBuilder.build(language: $0, documents: documents) }
            + Sitemap.files(index: index)
            + NotFoundPage.files(index: index, templates: templates)
    }
}
