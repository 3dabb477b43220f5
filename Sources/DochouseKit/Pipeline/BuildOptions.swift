/// Where a build reads and writes, and how much of the pipeline runs.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// False for `check`: everything but rendering and writing.
    public var render: Bool
    /// Whether `content/dochouse-baseline.json` applies (off to see every finding as it is).
    public var useBaseline: Bool
    /// True for a process that exits after this build: the compiled site is then left for the system to take
    /// back at exit instead of being freed piece by piece (`ProcessLifetime`).
    public var keepsUntilExit = false

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "site", render: Bool = true, useBaseline: Bool = true) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.render = render
        self.useBaseline = useBaseline
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
    /// Samples checked, by kind (`identity policy`, `action list`, ...).
    public var samplesByKind: [String: Int] = [:]
    /// Samples opted out with `check=off`.
    public var samplesOptedOut = 0
    /// External links, listed and never fetched.
    public var externalLinks: [String] = []

    /// True when an error not covered by the baseline was found: `build` and `check` fail on it.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error && !$0.isBaselined } }
    public var pageCount: Int { pagesPerLanguage.values.reduce(0, +) }
}
