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

    /// Runs the pipeline. `progress` is called with (pages done, pages in all) while pages are compiled;
    /// `findings`, when given, with the tree's findings as soon as they are known, while the site is being written
    /// (the result's diagnostics start with the same ones, then any the write adds).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil,
                    findings: (@Sendable ([Diagnostic]) -> Void)? = nil) async throws(Failure) -> BuildResult {
        let clock = ContinuousClock()
        let started = clock.now
        if options.render, let problem = OutputDirectoryGuard.problem(
            output: options.outputDirectory, protected: [options.contentDirectory, options.templatesDirectory]) {
            throw .cannotRun(problem)
        }
        var timer = PhaseTimer()
        // The back tree the write will update is listed while the tree loads and the pages compile (reads only).
        // Listing it is kernel work on every output directory (10,000 pages are 10,000 directories when
        // permalinks end in `/`), so it starts first, beside the load, whose threads mostly wait on the disk.
        let output = options.outputDirectory
        async let backListing = options.render ? SiteWriter.listBackTree(for: output) : nil
        // Load: the only reads.
        let tree: ContentTree
        do {
            tree = try ContentLoader.load(from: options.contentDirectory)
        } catch {
            throw .cannotRun("\(error)")
        }
        logger.debug("loaded \(tree.pages.count) pages from \(options.contentDirectory)")
        var templates: TemplateSet?
        var templateDiagnostics: [Diagnostic] = []
        if options.render {
            (templates, templateDiagnostics) = TemplateSet.load(from: options.templatesDirectory)
        }

        timer.lap("load")
        let writes = options.render && templates != nil
        // Parse, resolve, validate, render: pure, pages in parallel.
        let compilation = await SiteCompilation.compile(
            tree: tree, templates: templates, templateDiagnostics: templateDiagnostics,
            render: options.render, useBaseline: options.useBaseline, progress: progress)
        var phases = timer.phases + compilation.phases
        timer = PhaseTimer()
        let diagnostics = await compilation.diagnosticsConcurrently()
        timer.lap("findings sorted")
        let hasErrors = diagnostics.contains { $0.severity == .error && !$0.isBaselined }
        // The summary's numbers are counted beside the write.
        async let summary = compilation.summary()

        // Write, only when nothing is wrong.
        var wrote = false
        var writeDiagnostics: [Diagnostic] = []
        let outputs = hasErrors ? [] : compilation.outputs
        if writes, !hasErrors {
            // Writing is mostly system calls and printing the findings mostly formatting: they overlap.
            let listing = await backListing
            async let failure = Self.write(outputs, to: options.outputDirectory, listing: listing)
            findings?(diagnostics)
            if let message = await failure {
                writeDiagnostics.append(Diagnostic(rule: BuildRules.writeFailed, message: message, at: nil))
            } else {
                wrote = true
            }
        } else {
            findings?(diagnostics)
        }
        timer.lap("write")
        phases += timer.phases
        for phase in phases { logger.debug("\(phase.name): \(String(format: "%.3f", phase.seconds)) s") }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Appended only when the write added some: `+` copies every finding.
        var result = BuildResult(diagnostics: writeDiagnostics.isEmpty ? diagnostics : diagnostics + compilation.policy.apply(writeDiagnostics),
                                 pagesPerLanguage: [:], languages: compilation.site.languages,
                                 outputFiles: outputs, wroteSite: wrote, seconds: seconds)
        await summary.apply(to: &result)
        if options.keepsUntilExit { ProcessLifetime.keep(compilation) }
        return result
    }
}

extension BuildPipeline {
    /// Writes the site; the reason when it could not.
    static func write(_ outputs: [OutputFile], to directory: String, listing: SiteTreeListing? = nil) async -> String? {
        do {
            try SiteWriter.write(outputs, to: directory, listing: listing)
            return nil
        } catch {
            return error.description
        }
    }
}

/// Counts finished pages across tasks, for the progress line.
final class ProgressCounter: Sendable {
    private let value = Mutex<Int>(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
