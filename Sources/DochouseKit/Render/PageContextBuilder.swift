import Foundation

/// Builds the values a page's template sees: the page, its table of contents, its translations, the
/// breadcrumbs and navigation of its language, and the localized UI strings. Pure.
struct PageContextBuilder {
    let index: SiteIndex
    /// Deepest heading level listed in the table of contents.
    var tocDepth = 3

    func context(for page: Page, contentHTML: String, notice: String? = nil) -> TemplateObject {
        context(for: page, content: .string(contentHTML), notice: notice)
    }

    /// `content` is the page's body HTML (`.string` or, straight from the renderer's buffer, `.utf8`).
    func context(for page: Page, content: TemplateValue, notice: String? = nil) -> TemplateObject {
        let site = index.site
        let language = page.language
        var canonical = index.absolute(page.url)
        if let scheme = site.baseURL.range(of: "://") {
            let host = site.baseURL[scheme.upperBound...].prefix(while: { $0 != "/" })
            canonical = site.baseURL[..<scheme.upperBound] + host + canonical
        }
        let toc: [TemplateValue] = page.headings
            .filter { $0.level >= 2 && $0.level <= tocDepth }
            .map { ["id": .string($0.id), "text": .string($0.text), "level": .int($0.level)] }
        var translations: [TemplateValue] = []
        var alternates: [TemplateValue] = []
        for code in site.languages {
            guard let twin = index.page(page.twinKey, in: code) else { continue }
            translations.append(["language": .string(code), "name": .string(LanguageNames.endonym(code)),
                                 "url": .string(index.absolute(twin.url)), "current": .bool(code == language)])
            alternates.append(["hreflang": .string(code), "href": .string(site.fullURL(index.absolute(twin.url)))])
        }
        if let original = index.page(page.twinKey, in: site.defaultLanguage) {
            alternates.append(["hreflang": "x-default", "href": .string(site.fullURL(index.absolute(original.url)))])
        }
        let trail = breadcrumbTrail(to: page.twinKey, in: site.navigation) ?? []
        let breadcrumbs: [TemplateValue] = trail.enumerated().map { offset, item in
            ["title": .string(item.titles[language] ?? item.titles[site.defaultLanguage] ?? ""),
             "url": url(of: item, language: language).map(TemplateValue.string) ?? false,
             "last": .bool(offset == trail.count - 1)]
        }
        return [
            "lang": .string(language),
            "site": ["title": .string(site.title(for: language)), "home": .string(site.basePath + language + "/"),
                     "languageName": .string(LanguageNames.endonym(language))],
            "page": ["title": .string(page.title), "url": .string(index.absolute(page.url)), "canonical": .string(canonical),
                     "sourcePath": .string(page.relativePath), "language": .string(language)],
            "content": content,
            "toc": .list(toc),
            "hasTOC": .bool(!toc.isEmpty),
            "translations": .list(translations),
            "hasTranslations": .bool(translations.count > 1),
            "alternates": .list(translations.count > 1 ? alternates : []),
            "breadcrumbs": .list(breadcrumbs),
            "hasBreadcrumbs": .bool(!breadcrumbs.isEmpty),
            "nav": .list(navigation(site.navigation, language: language, current: page.twinKey)),
            "strings": UIStrings.templateValue(for: language),
            "assets": .string(site.basePath + "assets/"),
            "notice": notice.map(TemplateValue.string) ?? false,
            "searchIndex": .string(site.basePath + language + "/search-index.json"),
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

    private func navigation(_ items: [NavigationItem], language: String, current: String) -> [TemplateValue] {
        items.map { item in
            let children = navigation(item.children, language: language, current: current)
            let active: Bool = if case .page(let key)? = item.target { key == current } else { false }
            return [
                "title": .string(item.titles[language] ?? item.titles[index.site.defaultLanguage] ?? ""),
                "url": url(of: item, language: language).map(TemplateValue.string) ?? false,
                "active": .bool(active),
                "open": .bool(active || breadcrumbTrail(to: current, in: item.children) != nil),
                "hasChildren": .bool(!children.isEmpty),
                "children": .list(children),
            ]
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

