/// A rendered reference page: its body and what the rest of the site needs to know about it.
struct ReferencePageContent: Sendable {
    /// The resource kind (`AWSClusterConfiguration`).
    var title: String
    /// The page body (goes into the layout's `{{{content}}}`).
    var html: String
    /// Every id on the page, in page order, for link checking.
    var anchors: [String]
    /// The top-level parameters, for the table of contents.
    var toc: [(id: String, text: String)]
    /// The plain text of each parameter, for a search index.
    var searchEntries: [(anchor: String, path: String, text: String)]
}

/// Renders a schema into a reference page: the resource's description and examples, then every parameter of the
/// primary (first) API version as a nested list, with anchors compatible with the Deckhouse site.
///
/// Texts (`description`, `x-doc-search`, `x-enum-descriptions`) come from the overlay in a language other than the
/// schema's (English), falling back to English where the overlay has none; types, requirements, defaults, enums,
/// patterns, ranges and examples always come from the schema. Pure; `markdown` turns a Markdown text into HTML.
enum ReferencePageRenderer {
    /// The language the schema's own texts are written in.
    static let schemaLanguage = "en"

    static func render(_ schema: SchemaDocument, overlay: SchemaOverlay?, language: String,
                       markdown: (String) -> String) -> ReferencePageContent {
        withoutActuallyEscaping(markdown) { markdown in
            let useOverlay = language != schemaLanguage && overlay.map { $0.language.isEmpty || $0.language == language } == true
            var renderer = ReferenceParameterRenderer(kind: schema.kind, terms: ReferenceTerms(language: language),
                                                      overlay: useOverlay ? overlay : nil, markdown: markdown)
            return renderer.page(schema)
        }
    }
}

extension ReferenceParameterRenderer {
    mutating func page(_ schema: SchemaDocument) -> ReferencePageContent {
        var html = "<div class=\"reference\">\n"
        var toc: [(id: String, text: String)] = []
        if let primary = schema.primaryVersion {
            html += intro(primary, others: schema.versions.dropFirst().map(\.apiVersion))
            let parameters = ReferenceParameterTree.parameters(of: primary.root)
            if !parameters.isEmpty {
                html += "<ul class=\"reference-params\">\n"
                for parameter in parameters {
                    html += render(parameter)
                    toc.append((id: anchor(parameter), text: parameter.name ?? title(parameter)))
                }
                html += "</ul>\n"
            }
        }
        html += "</div>\n"
        var seen = Set<String>()
        let unique = anchors.filter { seen.insert($0).inserted }
        return ReferencePageContent(title: schema.kind, html: html, anchors: unique, toc: toc, searchEntries: searchEntries)
    }

    /// The version, the resource's description, its rules and its examples (a whole resource each).
    private mutating func intro(_ version: SchemaVersion, others: [String]) -> String {
        let root = version.root
        var out = "<div class=\"reference-intro\">\n"
        out += "<p class=\"reference-version\">" + HTMLEscaping.escape(terms.version) + ": "
            + ReferenceCombinators.code(version.apiVersion) + "</p>\n"
        if !others.isEmpty {
            out += "<p class=\"reference-versions\">" + HTMLEscaping.escape(terms.otherVersions) + ": "
                + others.map(ReferenceCombinators.code).joined(separator: ", ") + "</p>\n"
        }
        let texts = overlay?.texts(version: 0, path: [])
        if let description = texts?.description ?? root.description, !description.isEmpty {
            out += "<div class=\"reference-description\">\n" + markdownHTML(description) + "</div>\n"
        }
        let rules = ReferenceCombinators.html(for: root, terms: terms)
        if !rules.isEmpty { out += "<div class=\"param-rules\">\n" + rules + "</div>\n" }
        out += examples(of: root, name: nil)
        return out + "</div>\n"
    }
}
