import Foundation

/// Builds the values a page's template sees: the page, its table of contents, its translations, the
/// breadcrumbs and navigation of its language, and the localized UI strings. Pure.
struct PageContextBuilder {
    let index: SiteIndex
    /// Deepest heading level listed in the table of contents.
    var tocDepth = 3

    func context(for page: Page, contentHTML: String, notice: String? = nil) -> [String: Any] {
        let site = index.site
        let language = page.language
        let strings = UIStrings.table(for: language)
        var canonical = index.absolute(page.url)
        if let scheme = site.baseURL.range(of: "://") {
            let host = site.baseURL[scheme.upperBound...].prefix(while: { $0 != "/" })
            canonical = site.baseURL[..<scheme.upperBound] + host + canonical
        }
        let toc: [[String: Any]] = page.headings
            .filter { $0.level >= 2 && $0.level <= tocDepth }
            .map { ["id": $0.id, "text": $0.text, "level": $0.level] }
        var translations: [[String: Any]] = []
        var alternates: [[String: Any]] = []
        for code in site.languages {
            guard let twin = index.page(page.twinKey, in: code) else { continue }
            translations.append(["language": code, "name": LanguageNames.endonym(code),
                                 "url": index.absolute(twin.url), "current": code == language])
            alternates.append(["hreflang": code, "href": site.fullURL(index.absolute(twin.url))])
        }
        if let original = index.page(page.twinKey, in: site.defaultLanguage) {
            alternates.append(["hreflang": "x-default", "href": site.fullURL(index.absolute(original.url))])
        }
        let trail = breadcrumbTrail(to: page.twinKey, in: site.navigation) ?? []
        let breadcrumbs: [[String: Any]] = trail.enumerated().map { offset, item in
            ["title": item.titles[language] ?? item.titles[site.defaultLanguage] ?? "",
             "url": url(of: item, language: language) ?? false,
             "last": offset == trail.count - 1] as [String: Any]
        }
        return [
            "lang": language,
            "site": ["title": site.title(for: language), "home": site.basePath + language + "/",
                     "languageName": LanguageNames.endonym(language)] as [String: Any],
            "page": ["title": page.title, "url": index.absolute(page.url), "canonical": canonical,
                     "sourcePath": page.relativePath, "language": language] as [String: Any],
            "content": contentHTML,
            "toc": toc,
            "hasTOC": !toc.isEmpty,
            "translations": translations,
            "hasTranslations": translations.count > 1,
            "alternates": translations.count > 1 ? alternates : [],
            "breadcrumbs": breadcrumbs,
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "nav": navigation(site.navigation, language: language, current: page.twinKey),
            "strings": strings,
            "assets": site.basePath + "assets/",
            "notice": notice ?? false,
            "searchIndex": site.basePath + language + "/search-index.json",
            "noindex": false,
        ]
    }

    private func url(of item: NavigationItem, language: String) -> String? {
        switch item.target {
        case .page(let key)?:
            let entry = index.page(key, in: language) ?? index.page(key, in: index.site.defaultLanguage)
                ?? index.twins[key]?.values.sorted(by: { $0.language < $1.language }).first
            return entry.map { index.absolute($0.url) }
        case .url(let link)?:
            let target = index.linkResolver.resolve(link, pageURL: "/" + language + "/", pageLanguage: language, pageSourcePath: "")
            return index.href(for: target)
        case nil:
            return nil
        }
    }

    private func navigation(_ items: [NavigationItem], language: String, current: String) -> [[String: Any]] {
        items.map { item in
            let children = navigation(item.children, language: language, current: current)
            let active: Bool = if case .page(let key)? = item.target { key == current } else { false }
            return [
                "title": item.titles[language] ?? item.titles[index.site.defaultLanguage] ?? "",
                "url": url(of: item, language: language) ?? false,
                "active": active,
                "open": active || breadcrumbTrail(to: current, in: item.children) != nil,
                "hasChildren": !children.isEmpty,
                "children": children,
            ] as [String: Any]
        }
    }

    /// The chain of navigation items from the top down to the one for `twinKey`, if the page is in the navigation.
    func breadcrumbTrail(to twinKey: String, in items: [NavigationItem]) -> [NavigationItem]? {
        for item in items {
            if case .page(let key)? = item.target, key == twinKey { return [item] }
            if let rest = breadcrumbTrail(to: twinKey, in: item.children) { return [item] + rest }
        }
        return nil
    }
}

