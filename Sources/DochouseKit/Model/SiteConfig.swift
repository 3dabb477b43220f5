/// A site's settings from `content/site.yaml`; every field has a default, so a tree without the file builds.
public struct SiteConfig: Sendable, Hashable {
    /// Language codes in display order; the first is the default unless `defaultLanguage` says otherwise.
    public var languages: [String]
    public var defaultLanguage: String
    /// The site title per language.
    public var titles: [String: String]
    /// The URL the site is published under (`https://example.com/docs/`); only its path is used in links.
    public var baseURL: String {
        didSet { basePath = Self.path(of: baseURL) }
    }
    /// The path part of `baseURL`, always starting and ending with `/`. Kept beside it because every link of
    /// every page is made absolute with it.
    public private(set) var basePath: String
    public var navigation: [NavigationItem]
    /// Rule severities set by the site: `iam.placeholder-account: off`.
    public var ruleSeverities: [String: ConfiguredSeverity]
    /// What one page or sample may cost (`limits:`).
    public var limits: ContentLimits

    public init(languages: [String] = ["en", "ru"], defaultLanguage: String? = nil, titles: [String: String] = [:],
                baseURL: String = "/", navigation: [NavigationItem] = [], ruleSeverities: [String: ConfiguredSeverity] = [:],
                limits: ContentLimits = .default) {
        self.languages = languages
        self.defaultLanguage = defaultLanguage ?? languages.first ?? "en"
        self.titles = titles
        self.baseURL = baseURL
        self.basePath = Self.path(of: baseURL)
        self.navigation = navigation
        self.ruleSeverities = ruleSeverities
        self.limits = limits
    }

    public static let `default` = SiteConfig()

    private static func path(of baseURL: String) -> String {
        var path = baseURL
        if let scheme = path.range(of: "://") {
            let afterScheme = path[scheme.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    public func title(for language: String) -> String {
        titles[language] ?? titles[defaultLanguage] ?? titles.values.sorted().first ?? "Documentation"
    }
}

/// One entry of the site navigation: a localized title and either a page, a URL, or only children.
public struct NavigationItem: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// A page by its twin key: its path under `pages/` without the language suffix and `.md`.
        case page(String)
        /// A link; one starting with `/` and no language is relative to each language's root.
        case url(String)
    }

    public var titles: [String: String]
    public var target: Target?
    public var children: [NavigationItem]
    /// Where the entry stands in site.yaml, for findings about it.
    public var location: SourceLocation?

    public init(titles: [String: String], target: Target? = nil, children: [NavigationItem] = [], location: SourceLocation? = nil) {
        self.titles = titles
        self.target = target
        self.children = children
        self.location = location
    }
}
