/// `sitemap.xml` (every page, with its translations as `hreflang` alternates and the default language as
/// `x-default`) and `robots.txt` pointing at it. Untranslated stubs and 404 pages are left out: they are not
/// content. Search engines want absolute URLs, which need a `baseURL` with a scheme in `site.yaml`; without one the
/// sitemap holds site-relative paths (still useful to tools, not to crawlers).
enum Sitemap {
    static func files(index: SiteIndex) -> [OutputFile] {
        [OutputFile(path: "sitemap.xml", text: xml(index: index)), OutputFile(path: "robots.txt", text: robots(site: index.site))]
    }

    static func xml(index: SiteIndex) -> String {
        let site = index.site
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for (_, byLanguage) in index.twins.sorted(by: { $0.key < $1.key }) {
            let languages = site.languages.filter { byLanguage[$0] != nil }
                + byLanguage.keys.filter { !site.languages.contains($0) }.sorted()
            for language in languages {
                guard let entry = byLanguage[language] else { continue }
                out += "  <url>\n    <loc>" + HTMLEscaping.escape(site.fullURL(index.absolute(entry.url))) + "</loc>\n"
                if languages.count > 1 {
                    for other in languages {
                        guard let twin = byLanguage[other] else { continue }
                        out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(HTMLEscaping.escape(other))\" href=\""
                            + HTMLEscaping.escape(site.fullURL(index.absolute(twin.url))) + "\"/>\n"
                    }
                    if let original = byLanguage[site.defaultLanguage] {
                        out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\""
                            + HTMLEscaping.escape(site.fullURL(index.absolute(original.url))) + "\"/>\n"
                    }
                }
                out += "  </url>\n"
            }
        }
        return out + "</urlset>\n"
    }

    static func robots(site: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: " + site.fullURL(site.basePath + "sitemap.xml") + "\n"
    }
}

extension SiteConfig {
    /// `https://host` from `baseURL`, or "" when it has no scheme.
    var origin: String {
        guard let scheme = baseURL.range(of: "://") else { return "" }
        let host = baseURL[scheme.upperBound...].prefix(while: { $0 != "/" })
        return String(baseURL[..<scheme.upperBound] + host)
    }

    /// A path below the site root (with the base path) as an absolute URL when the origin is known.
    func fullURL(_ path: String) -> String { origin + path }
}
