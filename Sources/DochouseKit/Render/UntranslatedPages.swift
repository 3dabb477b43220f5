import CmarkBridge

/// For a page that exists in some site languages but not others, a page in each missing language at the
/// original's path under that language, saying the translation is not ready and linking to the original.
/// Links written for the missing language then land somewhere useful instead of a 404.
enum UntranslatedPages {
    struct Stub: Sendable {
        var language: String
        var url: String
        var outputPath: String
        var original: SiteIndex.Entry
    }

    /// The stubs to write; never over an existing output path.
    static func stubs(_ index: SiteIndex, occupied: Set<String>) -> [Stub] {
        var stubs: [Stub] = []
        var taken = occupied
        for (_, byLanguage) in index.twins.sorted(by: { $0.key < $1.key }) {
            guard let original = index.site.languages.lazy.compactMap({ byLanguage[$0] }).first else { continue }
            for language in index.site.languages where byLanguage[language] == nil {
                var segments = original.url.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
                if let first = segments.first, first == original.language { segments[0] = language } else { segments.insert(language, at: 0) }
                let url = "/" + segments.joined(separator: "/")
                let outputPath = url.hasSuffix("/") ? String(url.dropFirst()) + "index.html" : String(url.dropFirst())
                guard taken.insert(outputPath).inserted else { continue }
                stubs.append(Stub(language: language, url: url, outputPath: outputPath, original: original))
            }
        }
        return stubs
    }

    static func render(_ stub: Stub, index: SiteIndex, templates: TemplateSet) -> OutputFile {
        let strings = UIStrings.table(for: stub.language)
        let original = stub.original
        let body = "<p><a href=\"\(HTMLEscaping.escapeHref(index.absolute(original.url)))\" hreflang=\"\(original.language)\" lang=\"\(original.language)\">"
            + HTMLEscaping.escape(strings["readOriginal"] ?? "Read the original") + "</a> ("
            + HTMLEscaping.escape(LanguageNames.endonym(original.language)) + ")</p>\n"
        let origin = MarkdownPosition(line: 1, column: 1)
        let page = Page(source: SourceFile(displayPath: original.location.file, text: ""), relativePath: original.relativePath,
                        twinKey: original.twinKey, language: stub.language, title: original.title, outputPath: stub.outputPath,
                        url: stub.url, frontMatter: [:], document: MarkdownNode(kind: .document, start: origin, end: origin),
                        headings: [], links: [], codeBlocks: [])
        let context = PageContextBuilder(index: index).context(for: page, contentHTML: body, notice: strings["notTranslated"])
        return OutputFile(path: stub.outputPath, bytes: templates.renderLayout(context))
    }
}
