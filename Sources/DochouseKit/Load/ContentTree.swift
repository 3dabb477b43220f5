/// A file read from the docs tree, before any parsing.
public struct RawFile: Sendable, Hashable {
    /// Path relative to its section of the tree (`admin/x.ru.md` under `pages/`).
    public var relativePath: String
    /// The path findings print (`content/pages/admin/x.ru.md`).
    public var displayPath: String
    public var bytes: [UInt8]

    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// Everything read from a `content/` directory: the only I/O of the load stage produces this value.
public struct ContentTree: Sendable {
    /// The directory as the user named it.
    public var root: String
    public var siteConfig: RawFile?
    /// Markdown pages under `pages/`, sorted by path.
    public var pages: [RawFile]
    /// Files under `static/`, copied to the site root as they are.
    public var staticFiles: [RawFile]
    /// OpenAPI schemas and their overlays under `schemas/MODULE/`.
    public var schemas: [RawFile] = []
    /// Named models under `policies/`.
    public var policies: [RawFile] = []
    /// The accepted findings, `dochouse-baseline.json`.
    public var baseline: RawFile?
    /// `iam/`, when the tree adds or pins IAM catalog services.
    public var iamDirectory: String?
    /// Problems met while reading (unreadable files, symlink loops).
    public var diagnostics: [Diagnostic]

    public init(root: String, siteConfig: RawFile? = nil, pages: [RawFile] = [], staticFiles: [RawFile] = [],
                diagnostics: [Diagnostic] = []) {
        self.root = root
        self.siteConfig = siteConfig
        self.pages = pages
        self.staticFiles = staticFiles
        self.diagnostics = diagnostics
    }
}
