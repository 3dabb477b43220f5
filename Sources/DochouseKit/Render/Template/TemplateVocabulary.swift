/// Every name a template may use. `PageContextBuilder` provides exactly these (a test keeps the two in step),
/// and `TemplateVariableChecker` rejects any other name, so a typo in a template fails the build.
enum TemplateVocabulary {
    static let topLevel: Set<String> = [
        "lang", "site", "page", "content", "toc", "hasTOC", "translations", "hasTranslations", "alternates",
        "breadcrumbs", "hasBreadcrumbs", "nav", "strings", "assets", "notice", "searchIndex", "noindex",
    ]
    static let nested: Set<String> = [
        // site
        "title", "home", "languageName",
        // page
        "url", "canonical", "sourcePath", "language",
        // toc
        "id", "text", "level",
        // translations and alternates
        "name", "current", "hreflang", "href",
        // breadcrumbs
        "last",
        // nav
        "active", "open", "hasChildren", "children",
    ]
    /// Names swift-mustache itself gives inside sections and transforms.
    static let builtIn: Set<String> = ["first", "last", "index", "even", "odd", "count", "empty"]

    static var allNames: Set<String> {
        topLevel.union(nested).union(UIStrings.english.keys)
    }

    static func isKnown(_ name: String) -> Bool {
        topLevel.contains(name) || nested.contains(name) || builtIn.contains(name) || UIStrings.english[name] != nil
    }
}
