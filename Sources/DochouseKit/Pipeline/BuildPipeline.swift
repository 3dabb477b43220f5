import Foundation
import Logging
import Synchronization

/// The whole flow: load -> parse -> resolve -> validate -> render -> write.
///
/// Loading and writing are the only I/O. Everything between is pure functions over values, run for all
/// pages in parallel; cmark calls are serialised inside `MarkdownParser`.
public struct BuildPipeline: Sendable {
    public var options: BuildOptions
    public var logger: Logger

    public init(options: BuildOptions, logger: Logger = Logger(label: "dochouse")) {
        self.options = options
        self.logger = logger
    }

    public enum Failure: Error, CustomStringConvertible {
        /// The tree could not be read at all (exit status 2).
        case cannotRun(String)
        public var description: String {
            switch self { case .cannotRun(let message): message }
        }
    }

    /// Runs the pipeline. `progress` is called with (pages done, pages in all) while pages are compiled.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws(Failure) -> BuildResult {
        let clock = ContinuousClock()
        let started = clock.now
        if options.render, let problem = OutputDirectoryGuard.problem(
            output: options.outputDirectory, protected: [options.contentDirectory, options.templatesDirectory]) {
            throw .cannotRun(problem)
        }
        // Load.
        let tree: ContentTree
        do {
            tree = try ContentLoader.load(from: options.contentDirectory)
        } catch {
            throw .cannotRun("\(error)")
        }
        let (site, siteDiagnostics) = SiteConfigParser.parse(tree.siteConfig)
        var baseline: Baseline?
        var baselineDiagnostics: [Diagnostic] = []
        if options.useBaseline, let raw = tree.baseline {
            switch Baseline.parse(Data(raw.bytes)) {
            case .success(let parsed): baseline = parsed
            case .failure(let error):
                baselineDiagnostics.append(Diagnostic(rule: BuildRules.invalidBaseline, message: error.description,
                                                      at: SourceLocation(file: raw.displayPath, line: 1, column: 1)))
            }
        }
        let collector = DiagnosticCollector(overrides: site.ruleSeverities, baseline: baseline, contentRoot: options.contentDirectory)
        collector.report(contentsOf: tree.diagnostics + siteDiagnostics + baselineDiagnostics)
        logger.debug("loaded \(tree.pages.count) pages from \(options.contentDirectory)")

        // Models: named policies and values, schemas, the IAM catalog.
        let (namedModels, modelDiagnostics) = NamedModelLoader.load(tree.policies)
        collector.report(contentsOf: modelDiagnostics)
        let (schemas, overlays, schemaDiagnostics) = SchemaSetLoader.load(tree.schemas)
        collector.report(contentsOf: schemaDiagnostics)
        for schema in schemas.values {
            collector.report(contentsOf: SchemaSourceChecks.check(schema, overlays: overlays[schema.kind] ?? []))
        }
        let models = ModelRegistry(models: namedModels, schemas: schemas, overlays: overlays)
        var catalog = IAMCatalog.bundled
        if let iam = tree.iamDirectory {
            do {
                catalog = try IAMCatalog(directories: [IAMCatalog.bundledDirectory, URL(fileURLWithPath: iam)])
            } catch {
                collector.report(Diagnostic(rule: BuildRules.unreadable, message: "the IAM catalog additions in iam/ cannot be read: \(error)",
                                            at: SourceLocation(file: iam, line: 1, column: 1)))
            }
        }
        let validator = SampleValidator(context: ValidationContext(catalog: catalog, models: models, limits: site.limits))

        var templates: TemplateSet?
        if options.render {
            let (loaded, templateDiagnostics) = TemplateSet.load(from: options.templatesDirectory)
            templates = loaded
            collector.report(contentsOf: templateDiagnostics)
        }

        // Parse, first pass: front matter and names.
        let headerResults = await tree.pages.concurrentMap { PageHeaderParser.parse($0, site: site) }
        var headers: [PageHeader] = []
        for (header, diagnostics) in headerResults {
            collector.report(contentsOf: diagnostics)
            if let header { headers.append(header) }
        }

        // Resolve: index pages and generated reference pages, pair twins.
        let referenceCompiler = ReferencePageCompiler(models: models, site: site)
        let referenceJobs = referenceCompiler.jobs()
        let (index, indexDiagnostics) = SiteIndex.build(headers + referenceJobs.map(\.header), site: site)
        collector.report(contentsOf: indexDiagnostics)
        collector.report(contentsOf: TwinReport.missingTwins(index))
        collector.report(contentsOf: NavigationCheck.check(site.navigation, index: index, file: tree.siteConfig?.displayPath))
        let indexed = headers.filter { index.page($0.twinKey, in: $0.language)?.url == $0.url }

        // Parse, second pass, and render: each page on its own, in parallel.
        let compiler = PageCompiler(index: index, templates: templates, validator: validator)
        let total = indexed.count
        let done = ProgressCounter()
        let compiled = await indexed.concurrentMap { header -> CompiledPage in
            let page = compiler.compile(header)
            if let progress { progress(done.increment(), total) }
            return page
        }
        let layout = templates
        let references = await referenceJobs.concurrentMap { referenceCompiler.compile($0, index: index, templates: layout) }
        var outputs: [OutputFile] = references.compactMap(\.file)
        var pagesPerLanguage: [String: Int] = [:]
        var samplesByKind: [String: Int] = [:]
        var optedOut = 0
        var external: Set<String> = []
        for reference in references { pagesPerLanguage[reference.language, default: 0] += 1 }
        for page in compiled {
            collector.report(contentsOf: page.diagnostics)
            pagesPerLanguage[page.language, default: 0] += 1
            if let output = page.output { outputs.append(output) }
            for sample in page.samples { samplesByKind[sample.kind.summaryName, default: 0] += 1 }
            optedOut += page.samplesOptedOut
            for link in page.page.links { if case .external(let url) = link.target { external.insert(url) } }
        }

        // Validate across pages: links and anchors, twin parity, drifted copies.
        var anchors = AnchorIndex()
        for page in compiled { anchors.addPage(url: page.page.url, anchors: Set(page.page.headings.map(\.id))) }
        for reference in references { anchors.addPage(url: reference.url, anchors: Set(reference.anchors)) }
        for asset in templates?.assets ?? [] { anchors.addFile(url: "/assets/" + asset.relativePath) }
        for file in tree.staticFiles { anchors.addFile(url: "/" + file.relativePath) }
        let stubs = UntranslatedPages.stubs(index, occupied: Set(outputs.map(\.path) + compiled.map(\.page.outputPath)))
        for stub in stubs { anchors.addPage(url: stub.url, anchors: []) }
        let pages = compiled.map(\.page)
        collector.report(contentsOf: LinkCheck.check(pages, anchors: anchors))
        collector.report(contentsOf: TwinParity.check(compiled.map { TwinParity.Facts(page: $0.page, samples: $0.samples) }, site: site))
        collector.report(contentsOf: SampleDrift.check(compiled.flatMap { page in page.samples.map { SampleDrift.Entry(page: page.page, sample: $0) } }))

        // Write, only when nothing is wrong.
        var wrote = false
        let hasErrors = collector.hasErrors
        if options.render, let templates, !hasErrors {
            outputs += stubs.map { UntranslatedPages.render($0, index: index, templates: templates) }
            outputs += templates.assets.map { OutputFile(path: "assets/" + $0.relativePath, bytes: $0.bytes) }
            outputs += tree.staticFiles.map { OutputFile(path: $0.relativePath, bytes: $0.bytes) }
            do {
                try SiteWriter.write(outputs, to: options.outputDirectory)
                wrote = true
            } catch {
                collector.report(Diagnostic(rule: BuildRules.writeFailed, message: error.description, at: nil))
            }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var result = BuildResult(diagnostics: collector.diagnostics, pagesPerLanguage: pagesPerLanguage, languages: site.languages,
                                 outputFiles: hasErrors ? [] : outputs, wroteSite: wrote, seconds: seconds)
        result.samplesByKind = samplesByKind
        result.samplesOptedOut = optedOut
        result.externalLinks = external.sorted()
        return result
    }
}

/// Counts finished pages across tasks, for the progress line.
final class ProgressCounter: Sendable {
    private let value = Mutex<Int>(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
