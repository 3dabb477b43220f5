import DochouseKit
import Foundation
import Logging

/// The preview's state between edits: the compiled site, the files being served, and what to tell the
/// browsers. Changes arrive as batches of paths from the watcher; each batch becomes one `SourceChange`,
/// one incremental update of the compilation, and one reload event naming the pages whose served bytes
/// changed.
///
/// Serve differs from `build` in one rule: a page with error findings is still shown (with the overlay) so
/// the writer sees what they are fixing; only a page that no longer compiles at all (its front matter
/// broke, so it has no output) keeps its last good version.
public actor PreviewSession {
    public let contentDirectory: String
    public let templatesDirectory: String
    public nonisolated let store: SiteStore
    public nonisolated let hub: LiveReloadHub
    /// Changes every start, so pages served by an earlier run reconnect and check their version.
    public nonisolated let instance: String
    /// The compiled site. Taken out while an update runs, so the update mutates it in place instead of
    /// copying every table it touches (`compilation` is only read between updates).
    private var compilationStorage: SiteCompilation?
    private var compilation: SiteCompilation {
        get { compilationStorage! }
        set { compilationStorage = newValue }
    }
    /// The site configuration as of the last update.
    public private(set) var site: SiteConfig
    private var logger: Logger
    /// Output path -> the undecorated last good bytes, for pages whose source no longer compiles.
    private var stale: [String: [UInt8]] = [:]
    /// Output path -> its source display path, for every page served (kept for pages gone stale).
    private var sources: [String: String] = [:]
    private var servedVersions: [String: String] = [:]
    public private(set) var generation = 0
    /// The site-wide findings the pages show, to notice when they change.
    private var siteWide: [Diagnostic] = []

    /// Compiles the tree and fills the store.
    public init(contentDirectory: String, templatesDirectory: String, store: SiteStore = SiteStore(), hub: LiveReloadHub = LiveReloadHub(),
                logger: Logger = Logger(label: "dochouse.serve")) async throws {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.store = store
        self.hub = hub
        self.logger = logger
        instance = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let tree = try ContentLoader.load(from: contentDirectory)
        let (templates, templateDiagnostics) = TemplateSet.load(from: templatesDirectory)
        var compiled = await SiteCompilation.compile(tree: tree, templates: templates, templateDiagnostics: templateDiagnostics, render: true)
        compiled.prepareForEdits()
        compilationStorage = compiled
        site = compiled.site
        siteWide = siteWideFindingsSource()
        let paths = Set(compilation.outputs.map(\.path))
        _ = publish(paths: paths, removed: [])
    }

    /// Every finding of the current site (for the console).
    public var diagnostics: [Diagnostic] { compilationStorage?.diagnostics ?? [] }

    /// The findings in some files (the console prints those of the files a rebuild touched).
    public func diagnostics(inFiles files: some Sequence<String>) -> [Diagnostic] {
        guard let compilation = compilationStorage else { return [] }
        return Set(files).sorted().flatMap { compilation.diagnostics(inFile: $0) }
    }

    /// The output paths compiled from a source file (`content/pages/x.md` -> `en/x.html`).
    public func outputPaths(forSource displayPath: String) -> [String] { compilationStorage?.outputPaths(forSource: displayPath) ?? [] }

    /// What one batch of changes did.
    public struct Rebuild: Sendable {
        public var summary: UpdateSummary?
        /// Site URLs (`/en/x.html`) of the pages whose served bytes changed.
        public var changedPages: [String]
        public var seconds: Double
        public var generation: Int
    }

    /// Recompiles after the files at these absolute or tree-relative paths changed, updates the store, and
    /// broadcasts a reload event when any page changed.
    public func handle(changedPaths: [String]) async -> Rebuild {
        let clock = ContinuousClock()
        let started = clock.now
        let change = sourceChange(for: changedPaths)
        guard !change.isEmpty else { return Rebuild(summary: nil, changedPages: [], seconds: 0, generation: generation) }
        // The current bytes of the pages being changed: their last good version if the change breaks them.
        var previous: [String: [UInt8]] = [:]
        for file in change.pages.map(\.displayPath) + change.removedPages.map({ ContentLoader.join(ContentLoader.join(contentDirectory, "pages"), $0) }) {
            for path in compilation.outputPaths(forSource: file) { previous[path] = compilation.output(at: path)?.bytes }
        }
        var updated = compilationStorage.take()!
        let summary = await updated.apply(change)
        compilationStorage = updated
        site = updated.site
        // Pages whose source still exists but no longer compiles keep their last good version (rather than
        // vanishing, or giving their URL to the untranslated-page stub).
        for (path, bytes) in previous where compilation.sourceFile(forOutput: path) == nil && stale[path] == nil {
            if let source = sources[path], compilation.hasPage(displayPath: source) { stale[path] = bytes }
        }
        var candidates = summary.outputs.union(summary.removedOutputs)
        for file in summary.diagnosticFiles { candidates.formUnion(compilation.outputPaths(forSource: file)) }
        for (path, source) in sources where summary.diagnosticFiles.contains(source) { candidates.insert(path) }
        let nowSiteWide = siteWideFindingsSource()
        if nowSiteWide != siteWide {
            siteWide = nowSiteWide
            candidates.formUnion(sources.keys)
        }
        let removed = summary.removedOutputs.filter { compilation.output(at: $0) == nil && stale[$0] == nil }
        let changed = publish(paths: candidates, removed: removed)
        generation += 1
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Site URLs as the browser has them (under the base path), decoded: the script decodes its own path too.
        let base = site.basePath.hasSuffix("/") ? site.basePath : site.basePath + "/"
        let pages = changed.sorted().map { base + $0 }
        if !pages.isEmpty {
            let list = pages.map { "\"" + Self.jsonEscape($0) + "\"" }.joined(separator: ",")
            hub.broadcast(event: "reload", data: "{\"generation\":\(generation),\"pages\":[\(list)]}")
        }
        logger.debug("rebuilt \(summary.pagesRecompiled) page(s) (\(summary.scope.rawValue)) in \(String(format: "%.1f", seconds * 1000)) ms; \(pages.count) page(s) reload")
        return Rebuild(summary: summary, changedPages: pages, seconds: seconds, generation: generation)
    }

    /// Rebuilds the site-wide files (search indexes, sitemap) if edits left them stale and no rebuild happened
    /// since `generation`. They follow every page, so the preview refreshes them once the writer pauses rather
    /// than after each save (see `PreviewService`).
    public func refreshSiteFilesIfIdle(since generation: Int) {
        guard generation == self.generation, let current = compilationStorage, !current.siteFilesAreCurrent else { return }
        compilation.refreshSiteFiles()
        _ = publish(paths: Set(compilation.siteFilePaths), removed: [])
    }

    /// Maps watcher paths to a change: a page's new bytes, a reloaded template set, or a reloaded tree.
    func sourceChange(for paths: [String]) -> SourceChange {
        var change = SourceChange()
        let content = Self.absolute(contentDirectory), templates = Self.absolute(templatesDirectory)
        var reloadTree = false, reloadTemplates = false
        var seenPages: Set<String> = []
        for path in paths {
            let absolute = Self.absolute(path)
            let name = absolute.split(separator: "/").last.map(String.init) ?? absolute
            if Self.isEditorScratch(name) { continue }
            if let relative = Self.relative(absolute, under: templates) {
                if !relative.isEmpty { reloadTemplates = true }
            } else if let relative = Self.relative(absolute, under: content + "/pages") {
                guard relative.hasSuffix(".md") else {
                    // A directory of pages appeared, moved in or went: reload the tree to see what it holds.
                    var isDirectory: ObjCBool = false
                    let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
                    if !exists || isDirectory.boolValue { reloadTree = true }
                    continue
                }
                guard seenPages.insert(relative).inserted else { continue }
                switch ContentLoader.loadPage(relativePath: relative, root: contentDirectory, limits: site.limits) {
                case .success(let file?): change.pages.append(file)
                case .success(nil): change.removedPages.append(relative)
                case .failure: reloadTree = true
                }
            } else if Self.relative(absolute, under: content) != nil {
                reloadTree = true
            }
        }
        if reloadTemplates { change.templates = TemplateSet.load(from: templatesDirectory) }
        if reloadTree, let tree = try? ContentLoader.load(from: contentDirectory) { change.tree = tree }
        return change
    }

    /// Decorates and stores the files at `paths`; returns the HTML pages whose served bytes changed.
    private func publish(paths: Set<String>, removed: some Sequence<String>) -> [String] {
        var updates: [String: ServedFile] = [:]
        var changed: [String] = []
        let siteWideFindings = siteWide
        for path in paths {
            let current = compilation.output(at: path)
            if compilation.sourceFile(forOutput: path) != nil { stale[path] = nil }
            let isStale = stale[path] != nil
            guard let bytes = stale[path] ?? current?.bytes else { continue }
            guard path.hasSuffix(".html") else {
                updates[path] = ServedFile(bytes: bytes, path: path, instance: instance)
                continue
            }
            let source = compilation.sourceFile(forOutput: path) ?? sources[path]
            if let source { sources[path] = source }
            // Accepted (baselined) findings stay out of the overlay: they are decided, not news.
            var findings = source.map { compilation.diagnostics(inFile: $0) } ?? []
            findings += siteWideFindings
            findings.removeAll { $0.isBaselined }
            let (decorated, version) = PreviewOverlay.decorate(bytes, findings: findings.map(finding), status: isStale ? .stale : .current,
                                                               instance: instance)
            updates[path] = ServedFile(bytes: decorated, path: path, version: version, instance: instance)
            if servedVersions[path] != version {
                servedVersions[path] = version
                changed.append(path)
            }
        }
        var gone: [String] = []
        for path in removed {
            gone.append(path)
            sources[path] = nil
            if servedVersions.removeValue(forKey: path) != nil { changed.append(path) }
        }
        store.update(updates, removing: gone)
        return changed
    }

    /// Findings shown on every page: those in site.yaml, templates, named policies, or without a place.
    /// Schema findings show on their reference pages instead.
    private func siteWideFindingsSource() -> [Diagnostic] {
        let schemaFiles = Set(compilation.tree.schemas.map(\.displayPath))
        return compilation.siteWideDiagnostics.filter { diagnostic in
            guard let file = diagnostic.location?.file else { return true }
            return !schemaFiles.contains(file)
        }
    }

    private func finding(_ diagnostic: Diagnostic) -> PreviewOverlay.Finding {
        let location = diagnostic.location
        let place = location.map { "\($0.file):\($0.line):\($0.column)" } ?? "(site)"
        let line = location.flatMap { compilation.sourceLine(file: $0.file, line: $0.line) }
        return PreviewOverlay.Finding(place: place, severity: diagnostic.severity.rawValue,
                                      ruleID: diagnostic.ruleID, message: diagnostic.message, suggestion: diagnostic.suggestion,
                                      sourceLine: line)
    }

    static func absolute(_ path: String) -> String { PreviewSessionPaths.absolute(path) }

    static func relative(_ path: String, under root: String) -> String? {
        if path == root { return "" }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }

    /// Swap, backup and lock files editors write next to the file being saved.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
            || name.hasPrefix("#") || name.hasSuffix(".tmp")
    }

    static func jsonEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
