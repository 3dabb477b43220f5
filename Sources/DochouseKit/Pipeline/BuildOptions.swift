/// Where a build reads and writes, and how much of the pipeline runs.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// False for `check`: everything but rendering and writing.
    public var render: Bool

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "site", render: Bool = true) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.render = render
    }
}

/// What a build did: the findings, the pages per language, the files it produced, and how long it took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesPerLanguage: [String: Int]
    public var languages: [String]
    /// The rendered files (empty for `check` or when rendering stopped on errors).
    public var outputFiles: [OutputFile]
    /// True when the output directory was replaced with the new site.
    public var wroteSite: Bool
    public var seconds: Double

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var pageCount: Int { pagesPerLanguage.values.reduce(0, +) }
}
