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
        var body = "<div class=\"not-found\">\n<p class=\"not-found-lead\">" + HTMLEscaping.escape(strings["notFoundText"] ?? "") + "</p>\n"
        body += GeneratedPage.pageList(language: language, index: index, heading: strings["notFoundPages"] ?? "")
        body += "</div>\n"
        let path = "\(language)/404.html"
        var context = GeneratedPage.context(path: path, language: language, title: strings["notFoundTitle"] ?? "Page not found",
                                            body: body, index: index)
        context["noindex"] = true
        return OutputFile(path: path, bytes: templates.renderLayout(context))
    }
}

/// A language's home page (`site/LANG/index.html`), written only when the tree has no page there: the site title's
/// link in the header points to it, and without one it would lead to a 404 (or a server's directory listing).
enum LanguageHomePage {
    static func files(index: SiteIndex, templates: TemplateSet) -> [OutputFile] {
        let taken = Set(index.twins.values.flatMap { $0.values.map(\.url) })
        return index.site.languages.compactMap { language in
            let url = "/\(language)/"
            guard !taken.contains(url), !taken.contains(url + "index.html") else { return nil }
            let strings = UIStrings.table(for: language)
            var body = "<div class=\"language-home\">\n<p class=\"not-found-lead\">" + HTMLEscaping.escape(strings["homeLead"] ?? "") + "</p>\n"
            body += GeneratedPage.pageList(language: language, index: index, heading: strings["homePages"] ?? "")
            body += "</div>\n"
            let path = "\(language)/index.html"
            let context = GeneratedPage.context(path: path, url: url, language: language, title: strings["home"] ?? "Home",
                                                body: body, index: index)
            return OutputFile(path: path, bytes: templates.renderLayout(context))
        }
    }
}

/// What the generated pages (404, language home) share: the list of a language's pages, and a layout context whose
/// language switcher leads to the same generated page in the other languages.
enum GeneratedPage {
    static func pageList(language: String, index: SiteIndex, heading: String) -> String {
        let pages = index.twins.values.compactMap { $0[language] }.sorted { ($0.title, $0.url) < ($1.title, $1.url) }
        guard !pages.isEmpty else { return "" }
        var out = "<h2 id=\"pages\">" + HTMLEscaping.escape(heading) + "</h2>\n<ul class=\"page-list\">\n"
        for page in pages.prefix(200) {
            out += "<li><a href=\"" + HTMLEscaping.escapeHref(index.absolute(page.url)) + "\">" + HTMLEscaping.escape(page.title) + "</a></li>\n"
        }
        return out + "</ul>\n"
    }

    static func context(path: String, url: String? = nil, language: String, title: String, body: String,
                        index: SiteIndex) -> TemplateObject {
        let url = url ?? "/" + path
        let origin = MarkdownPosition(line: 1, column: 1)
        let page = Page(source: SourceFile(displayPath: path, text: ""), relativePath: path, twinKey: "\u{0}" + path,
                        language: language, title: title, outputPath: path, url: url,
                        frontMatter: [:], document: MarkdownNode(kind: .document, start: origin, end: origin),
                        headings: [], links: [], codeBlocks: [])
        var context = PageContextBuilder(index: index).context(for: page, contentHTML: body)
        let languages = index.site.languages
        if languages.count > 1 {
            let twinURL = { (code: String) in index.absolute("/" + code + url.dropFirst(language.count + 1)) }
            context["translations"] = .list(languages.map { code -> TemplateValue in
                ["language": .string(code), "name": .string(LanguageNames.endonym(code)), "url": .string(twinURL(code)),
                 "current": .bool(code == language)]
            })
            context["hasTranslations"] = true
        }
        return context
    }
}

/// The files the site gets besides its pages: the search index of each language, `sitemap.xml`, `robots.txt`, the
/// 404 pages and, where the tree has none, a home page per language. Built from values the pipeline already has,
/// after every page is compiled.
enum SiteFiles {
    static func build(index: SiteIndex, documents: [SearchDocument], templates: TemplateSet) -> [OutputFile] {
        index.site.languages.map { SearchIndexBuilder.build(language: $0, documents: documents) }
            + pages(index: index, templates: templates)
    }

    /// The same files, with each language's search index built on its own core.
    static func buildConcurrently(index: SiteIndex, documents: [SearchDocument], templates: TemplateSet?) async -> [OutputFile] {
        guard let templates else { return [] }
        return await index.site.languages.concurrentMap { SearchIndexBuilder.build(language: $0, documents: documents) }
            + pages(index: index, templates: templates)
    }

    /// Everything but the search indexes: sitemap, robots.txt, 404 and home pages.
    private static func pages(index: SiteIndex, templates: TemplateSet) -> [OutputFile] {
        Sitemap.files(index: index) + NotFoundPage.files(index: index, templates: templates)
            + LanguageHomePage.files(index: index, templates: templates)
    }
}
