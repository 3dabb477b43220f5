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
        let collector = DiagnosticCollector(overrides: site.ruleSeverities)
        collector.report(contentsOf: tree.diagnostics + siteDiagnostics)
        logger.debug("loaded \(tree.pages.count) pages from \(options.contentDirectory)")

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

        // Resolve: index pages, pair twins.
        let (index, indexDiagnostics) = SiteIndex.build(headers, site: site)
        collector.report(contentsOf: indexDiagnostics)
        collector.report(contentsOf: TwinReport.missingTwins(index))
        collector.report(contentsOf: NavigationCheck.check(site.navigation, index: index, file: tree.siteConfig?.displayPath))
        let indexed = headers.filter { index.page($0.twinKey, in: $0.language)?.url == $0.url }

        // Parse, second pass, and render: each page on its own, in parallel.
        let compiler = PageCompiler(index: index, templates: templates)
        let total = indexed.count
        let done = ProgressCounter()
        let compiled = await indexed.concurrentMap { header -> CompiledPage in
            let page = compiler.compile(header)
            if let progress { progress(done.increment(), total) }
            return page
        }
        var outputs: [OutputFile] = []
        var pagesPerLanguage: [String: Int] = [:]
        for page in compiled {
            collector.report(contentsOf: page.diagnostics)
            pagesPerLanguage[page.language, default: 0] += 1
            if let output = page.output { outputs.append(output) }
        }

        // Write, only when nothing is wrong.
        var wrote = false
        let hasErrors = collector.hasErrors
        if options.render, let templates, !hasErrors {
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
        return BuildResult(diagnostics: collector.diagnostics, pagesPerLanguage: pagesPerLanguage, languages: site.languages,
                           outputFiles: hasErrors ? [] : outputs, wroteSite: wrote, seconds: seconds)
    }
}

/// Counts finished pages across tasks, for the progress line.
final class ProgressCounter: Sendable {
    private let value = Mutex<Int>(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
