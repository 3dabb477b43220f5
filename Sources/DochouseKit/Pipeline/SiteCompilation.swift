import Foundation

/// Everything a build knows once it has compiled a content tree: the models, the site index, every page's
/// compiled form, and the findings of each stage kept apart by what they depend on (a page's own findings,
/// its links, its twin pair, drifted copies, the site-wide ones).
///
/// `build` and `check` compile once and read the result. `serve` keeps the value and asks it for an updated
/// copy after each edit (`SiteCompilation+Update.swift`), which recompiles only the pages the edit can change:
/// keeping findings apart by dependency is what makes that possible without redoing the cross-page checks.
///
/// Pure: the content tree and templates come in as values; nothing here reads or writes files.
public struct SiteCompilation: Sendable {
    /// What the compilation started from.
    public internal(set) var tree: ContentTree
    public internal(set) var templates: TemplateSet?
    /// Findings the templates produced when they were loaded (kept with the site-wide ones).
    var templateDiagnostics: [Diagnostic]
    let render: Bool
    let useBaseline: Bool

    // The site-wide setup, rebuilt when site.yaml, a model, a schema, the baseline or the IAM additions change.
    public internal(set) var site: SiteConfig
    public internal(set) var policy: DiagnosticPolicy
    var models: ModelRegistry
    var validator: SampleValidator
    var setupDiagnostics: [Diagnostic]

    // Pages, keyed by their path under pages/.
    var headers: [String: PageHeader] = [:]
    var headerDiagnostics: [String: [Diagnostic]] = [:]
    public internal(set) var index: SiteIndex
    var indexDiagnostics: [Diagnostic] = []
    var compiled: [String: CompiledPage] = [:]
    /// Output path -> page path, for the pages compiled.
    var outputOwners: [String: String] = [:]
    var references: [ReferencePageCompiler.Output] = []
    var referenceJobs: [ReferencePageCompiler.Job] = []

    // Cross-page state.
    var anchors = AnchorIndex()
    var stubs: [UntranslatedPages.Stub] = []
    var stubFiles: [OutputFile] = []
    /// Search indexes, sitemap.xml, robots.txt, 404 and home pages: built from every page, so a page edit
    /// marks them stale and the preview refreshes them after it has told the browsers (`refreshSiteFiles`).
    var siteFiles: [OutputFile] = []
    public internal(set) var siteFilesAreCurrent = true
    /// Link findings by the linking page's path.
    var linkDiagnostics: [String: [Diagnostic]] = [:]
    /// Site URL -> paths of the pages that link to it: whose links to re-check when its anchors change. Only an
    /// edit needs it, so a full compile leaves it nil and the first edit builds it (`ensureLinkers`).
    var linkers: [String: Set<String>]?
    /// Twin-parity findings by twin key.
    var twinDiagnostics: [String: [Diagnostic]] = [:]
    /// Drift findings by the file they are reported in.
    var driftDiagnostics: [String: [Diagnostic]] = [:]
    /// Setup, template and index findings by file ("" for those without a place), regrouped when they change.
    var siteLevelByFile: [String: [Diagnostic]] = [:]

    /// Seconds spent in each stage of the last full compile, for `--verbose` and the benchmarks.
    public internal(set) var phases: [(name: String, seconds: Double)] = []

    /// Compiles a whole tree: setup, page headers, the index, every page (in parallel), the reference pages,
    /// then the cross-page checks.
    public static func compile(tree: ContentTree, templates: TemplateSet?, templateDiagnostics: [Diagnostic] = [],
                               render: Bool, useBaseline: Bool = true,
                               progress: (@Sendable (Int, Int) -> Void)? = nil) async -> SiteCompilation {
        var timer = PhaseTimer()
        // Page headers need only site.yaml; the rest of the setup (the baseline, schemas, models, the catalog's
        // additions) is read beside them.
        let site = SiteConfigParser.parse(tree.siteConfig).0
        async let settingUp = Setup(tree: tree, useBaseline: useBaseline)
        let results = await tree.pages.concurrentMap { PageHeaderParser.parse($0, site: site) }
        let setup = await settingUp
        timer.lap("front matter, and the setup beside it")
        var compilation = SiteCompilation(tree: tree, templates: render ? templates : nil, templateDiagnostics: templateDiagnostics,
                                          render: render, useBaseline: useBaseline, site: setup.site, policy: setup.policy, models: setup.models,
                                          validator: setup.validator, setupDiagnostics: setup.diagnostics,
                                          index: SiteIndex(site: setup.site))
        for (file, (header, diagnostics)) in zip(tree.pages, results) {
            if !diagnostics.isEmpty { compilation.headerDiagnostics[file.relativePath] = diagnostics }
            if let header { compilation.headers[file.relativePath] = header }
        }
        await compilation.recompileAll(progress: progress)
        compilation.phases = timer.phases + compilation.phases
        return compilation
    }

    /// The site-wide values a tree's configuration, models and IAM additions give.
    struct Setup: Sendable {
        var site: SiteConfig
        var policy: DiagnosticPolicy
        var models: ModelRegistry
        var validator: SampleValidator
        var diagnostics: [Diagnostic] = []

        init(tree: ContentTree, useBaseline: Bool) {
            let (site, siteDiagnostics) = SiteConfigParser.parse(tree.siteConfig)
            diagnostics = tree.diagnostics + siteDiagnostics
            var baseline: Baseline?
            if useBaseline, let raw = tree.baseline {
                switch Baseline.parse(Data(raw.bytes)) {
                case .success(let parsed): baseline = parsed
                case .failure(let error):
                    diagnostics.append(Diagnostic(rule: BuildRules.invalidBaseline, message: error.description,
                                                  at: SourceLocation(file: raw.displayPath, line: 1, column: 1)))
                }
            }
            let (namedModels, modelDiagnostics) = NamedModelLoader.load(tree.policies)
            diagnostics += modelDiagnostics
            let (schemas, overlays, schemaDiagnostics) = SchemaSetLoader.load(tree.schemas)
            diagnostics += schemaDiagnostics
            for schema in schemas.values.sorted(by: { $0.kind < $1.kind }) {
                diagnostics += SchemaSourceChecks.check(schema, overlays: overlays[schema.kind] ?? [])
            }
            let models = ModelRegistry(models: namedModels, schemas: schemas, overlays: overlays)
            var catalog = IAMCatalog.bundled
            if let iam = tree.iamDirectory {
                do {
                    catalog = try IAMCatalog(directories: [IAMCatalog.bundledDirectory, URL(fileURLWithPath: iam)])
                } catch {
                    diagnostics.append(Diagnostic(rule: BuildRules.unreadable, message: "the IAM catalog additions in iam/ cannot be read: \(error)",
                                                  at: SourceLocation(file: iam, line: 1, column: 1)))
                }
            }
            self.site = site
            self.policy = DiagnosticPolicy(overrides: site.ruleSeverities, baseline: baseline, contentRoot: tree.root)
            self.models = models
            self.validator = SampleValidator(context: ValidationContext(catalog: catalog, models: models, limits: site.limits))
        }
    }

    // MARK: - Stages over the whole site

    /// Indexes the headers, compiles every indexed page and reference page, and runs the cross-page checks.
    mutating func recompileAll(progress: (@Sendable (Int, Int) -> Void)? = nil) async {
        var timer = PhaseTimer()
        rebuildIndex()
        timer.lap("index")
        let compiler = pageCompiler
        let indexed = indexedHeaders
        let total = indexed.count
        let done = ProgressCounter()
        let pages = await indexed.concurrentMap { header -> CompiledPage in
            let page = compiler.compile(header)
            if let progress { progress(done.increment(), total) }
            return page
        }
        compiled = [:]
        outputOwners = [:]
        for page in pages {
            compiled[page.page.relativePath] = page
            outputOwners[page.page.outputPath] = page.page.relativePath
        }
        timer.lap("pages")
        await recompileReferences()
        timer.lap("reference pages")
        // The site-wide files (search indexes, sitemap, 404 and home pages) need only the pages and the index, so
        // they are built beside the cross-page checks instead of after them.
        let (siteIndex, documents, layout) = (index, searchDocuments, templates)
        async let files = SiteFiles.buildConcurrently(index: siteIndex, documents: documents, templates: layout)
        await rebuildCrossPageState()
        timer.lap("cross-page checks")
        siteFiles = await files
        siteFilesAreCurrent = true
        timer.lap("site files (beside the checks)")
        phases = timer.phases
    }

    /// Rebuilds the site-wide files from the current pages.
    public mutating func refreshSiteFiles() {
        siteFilesAreCurrent = true
        guard let templates else {
            siteFiles = []
            return
        }
        siteFiles = SiteFiles.build(index: index, documents: searchDocuments, templates: templates)
    }

    /// The search documents of every page and reference page, in tree order.
    var searchDocuments: [SearchDocument] {
        tree.pages.compactMap { compiled[$0.relativePath]?.search } + references.compactMap(\.search)
    }

    /// The paths of the site-wide files.
    public var siteFilePaths: [String] { siteFiles.map(\.path) }

    /// The index over page headers and reference pages, with its own findings.
    mutating func rebuildIndex() {
        let referenceCompiler = ReferencePageCompiler(models: models, site: site)
        referenceJobs = referenceCompiler.jobs()
        let ordered = tree.pages.compactMap { headers[$0.relativePath] }
        let (index, diagnostics) = SiteIndex.build(ordered + referenceJobs.map(\.header), site: site)
        self.index = index
        indexDiagnostics = diagnostics + TwinReport.missingTwins(index)
            + NavigationCheck.check(site.navigation, index: index, file: tree.siteConfig?.displayPath)
        regroupSiteLevel()
    }

    /// Call after setup, template or index findings change.
    mutating func regroupSiteLevel() {
        siteLevelByFile = Dictionary(grouping: setupDiagnostics + templateDiagnostics + indexDiagnostics,
                                     by: { $0.location?.file ?? "" })
    }

    /// The headers that won their place in the index (a duplicate permalink loses), in path order.
    var indexedHeaders: [PageHeader] {
        tree.pages.compactMap { file in
            guard let header = headers[file.relativePath], isIndexed(header) else { return nil }
            return header
        }
    }

    func isIndexed(_ header: PageHeader) -> Bool {
        index.page(header.twinKey, in: header.language)?.url == header.url
            && index.page(header.twinKey, in: header.language)?.relativePath == header.relativePath
    }

    var pageCompiler: PageCompiler {
        PageCompiler(index: index, templates: templates, validator: validator)
    }

    mutating func recompileReferences() async {
        let referenceCompiler = ReferencePageCompiler(models: models, site: site)
        let index = self.index, layout = templates
        references = await referenceJobs.concurrentMap { referenceCompiler.compile($0, index: index, templates: layout) }
    }

    // MARK: - Reading the result

    /// Every finding, at its configured severity, sorted, with the baseline applied.
    public var diagnostics: [Diagnostic] { policy.finish(adjustedDiagnostics) }

    /// `diagnostics`, with the baseline matched on every core (the build's path).
    func diagnosticsConcurrently() async -> [Diagnostic] {
        await policy.finishConcurrently(adjustedDiagnostics)
    }

    /// Every finding at its configured severity, unsorted.
    private var adjustedDiagnostics: [Diagnostic] {
        // Adjusted as they are gathered: one copy of each finding rather than one per step.
        var all: [Diagnostic] = []
        let policy = policy
        func gather(_ list: [Diagnostic]) {
            for diagnostic in list { if let adjusted = policy.adjusted(diagnostic) { all.append(adjusted) } }
        }
        gather(setupDiagnostics)
        gather(templateDiagnostics)
        gather(indexDiagnostics)
        for list in headerDiagnostics.values { gather(list) }
        for page in compiled.values { gather(page.diagnostics) }
        for list in linkDiagnostics.values { gather(list) }
        for list in twinDiagnostics.values { gather(list) }
        for list in driftDiagnostics.values { gather(list) }
        return all
    }

    /// The findings reported in one file (a page, a schema, site.yaml), as `diagnostics` would show them.
    public func diagnostics(inFile displayPath: String) -> [Diagnostic] {
        var all: [Diagnostic] = []
        if let relativePath = pagePath(forDisplayPath: displayPath) {
            all += headerDiagnostics[relativePath] ?? []
            all += compiled[relativePath]?.diagnostics ?? []
            all += linkDiagnostics[relativePath] ?? []
            if let key = headers[relativePath]?.twinKey { all += twinDiagnostics[key] ?? [] }
        }
        all += driftDiagnostics[displayPath] ?? []
        all += siteLevelByFile[displayPath] ?? []
        return policy.apply(all.filter { $0.location?.file == displayPath })
    }

    /// Findings not reported in any page (site.yaml, schemas, policies, templates, or with no place).
    public var siteWideDiagnostics: [Diagnostic] {
        var all: [Diagnostic] = []
        for (file, list) in siteLevelByFile where file.isEmpty || pagePath(forDisplayPath: file) == nil { all += list }
        return policy.apply(all)
    }

    func pagePath(forDisplayPath displayPath: String) -> String? {
        let prefix = ContentLoader.join(tree.root, "pages") + "/"
        guard displayPath.hasPrefix(prefix) else { return nil }
        return String(displayPath.dropFirst(prefix.count))
    }

    /// True when an error not covered by the baseline was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error && !$0.isBaselined } }

    /// Every file of the site: pages, reference pages, untranslated stubs, assets, static files.
    public var outputs: [OutputFile] {
        var files = references.compactMap(\.file)
        for file in tree.pages { if let output = compiled[file.relativePath]?.output { files.append(output) } }
        files += stubFiles
        files += siteFiles
        files += (templates?.assets ?? []).map { OutputFile(path: "assets/" + $0.relativePath, bytes: $0.bytes) }
        files += tree.staticFiles.map { OutputFile(path: $0.relativePath, bytes: $0.bytes) }
        // A tree's own file (static/robots.txt) replaces a generated one at the same path: the last one wins.
        var seen: Set<String> = []
        var unique: [OutputFile] = []
        unique.reserveCapacity(files.count)
        for file in files.reversed() where seen.insert(file.path).inserted { unique.append(file) }
        return unique.reversed()
    }

    /// The file the site has at `path` (`en/x.html`), if any.
    public func output(at path: String) -> OutputFile? {
        if let owner = outputOwners[path] { return compiled[owner]?.output }
        if let reference = references.first(where: { $0.file?.path == path }) { return reference.file }
        if let stub = stubFiles.first(where: { $0.path == path }) { return stub }
        if let file = tree.staticFiles.first(where: { $0.relativePath == path }) { return OutputFile(path: path, bytes: file.bytes) }
        if let file = siteFiles.first(where: { $0.path == path }) { return file }
        if path.hasPrefix("assets/"), let asset = templates?.assets.first(where: { "assets/" + $0.relativePath == path }) {
            return OutputFile(path: path, bytes: asset.bytes)
        }
        if let file = tree.staticFiles.first(where: { $0.relativePath == path }) { return OutputFile(path: path, bytes: file.bytes) }
        return nil
    }

    /// The output pages compiled from a source file: a page's HTML, or a schema's reference pages.
    public func outputPaths(forSource displayPath: String) -> [String] {
        if let relativePath = pagePath(forDisplayPath: displayPath) {
            return compiled[relativePath].map { [$0.page.outputPath] } ?? []
        }
        return referenceJobs.filter { $0.header.source.displayPath == displayPath }.map(\.header.outputPath)
    }

    /// The source file an output page was compiled from (a page, or a schema for a reference page).
    public func sourceFile(forOutput path: String) -> String? {
        if let owner = outputOwners[path] { return compiled[owner]?.page.source.displayPath }
        return referenceJobs.first { $0.header.outputPath == path }?.header.source.displayPath
    }

    /// Whether the tree has a page at this display path (compiled or not).
    public func hasPage(displayPath: String) -> Bool {
        guard let relativePath = pagePath(forDisplayPath: displayPath) else { return false }
        return headers[relativePath] != nil || headerDiagnostics[relativePath] != nil || compiled[relativePath] != nil
            || tree.pages.contains { $0.relativePath == relativePath }
    }

    /// The text of line `line` of a source file of the tree, for showing a finding in context.
    public func sourceLine(file displayPath: String, line: Int) -> String? {
        if let relativePath = pagePath(forDisplayPath: displayPath) {
            if let page = compiled[relativePath] { return String(page.page.source.line(line)) }
            if let header = headers[relativePath] { return String(header.source.line(line)) }
        }
        let raw = tree.pages.first { $0.displayPath == displayPath } ?? tree.schemas.first { $0.displayPath == displayPath }
            ?? tree.policies.first { $0.displayPath == displayPath } ?? (tree.siteConfig?.displayPath == displayPath ? tree.siteConfig : nil)
        guard let raw, line >= 1 else { return nil }
        let lines = String(decoding: raw.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return line <= lines.count ? String(lines[line - 1]) : nil
    }

    /// Compiled pages in path order, for summaries.
    var compiledInOrder: [CompiledPage] { tree.pages.compactMap { compiled[$0.relativePath] } }
}

extension SiteCompilation {
    /// The numbers of a build's summary.
    struct Summary: Sendable {
        var pagesPerLanguage: [String: Int] = [:]
        var samplesByKind: [String: Int] = [:]
        var samplesOptedOut = 0
        var externalLinks: [String] = []

        func apply(to result: inout BuildResult) {
            result.pagesPerLanguage = pagesPerLanguage
            result.samplesByKind = samplesByKind
            result.samplesOptedOut = samplesOptedOut
            result.externalLinks = externalLinks
        }
    }

    /// Pages per language, samples by kind, opted-out samples and external links, for the build summary.
    func summary() -> Summary {
        var summary = Summary()
        var external: Set<String> = []
        for reference in references { summary.pagesPerLanguage[reference.language, default: 0] += 1 }
        for page in compiled.values {
            summary.pagesPerLanguage[page.language, default: 0] += 1
            for index in page.samples.indices { summary.samplesByKind[page.samples[index].kind.summaryName, default: 0] += 1 }
            summary.samplesOptedOut += page.samplesOptedOut
            for link in page.page.links { if case .external(let url) = link.target { external.insert(url) } }
        }
        summary.externalLinks = external.sorted()
        return summary
    }
}
