import ArgumentParser
import DochouseKit
import DochouseServe
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it from memory, rebuild on save, reload open pages.",
        discussion: """
            Builds the site into memory (site/ is not touched), serves both languages, watches content/ and \
            templates/, and recompiles only what an edit reaches. Open pages reload when their output changes \
            and show their findings in an overlay. Stops on Ctrl-C or SIGTERM.
            """)

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The Mustache templates (layout.mustache, partials, assets/).")
    var templates: String = "templates"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 4000

    @Option(name: .long, help: "The address to bind; 127.0.0.1 unless you mean to share the preview.")
    var host: String = "127.0.0.1"

    func run() async throws {
        var logger = tree.makeLogger()
        logger.logLevel = tree.verbose ? .debug : .info
        let started = ContinuousClock.now
        let session: PreviewSession
        do {
            session = try await PreviewSession(contentDirectory: tree.content, templatesDirectory: templates, logger: logger)
        } catch {
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        let diagnostics = await session.diagnostics
        Console.printDiagnostics(diagnostics, color: tree.color)
        let site = await session.site
        let watcher: DirectoryWatcher
        do {
            watcher = try DirectoryWatcher(roots: [PreviewSessionPaths.absolute(tree.content), PreviewSessionPaths.absolute(templates)])
        } catch {
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        let server = PreviewServer(session: session, host: host, port: port, basePath: site.basePath,
                                   defaultLanguage: site.defaultLanguage, languages: site.languages, logger: logger)
        let color = tree.color
        let group = PreviewService.group(server: server, watcher: watcher, logger: logger, onRunning: { port in
            let elapsed = ContinuousClock.now - started
            Console.error(String(format: "Serving %@ at http://%@:%d%@ (built in %.2f s; %d directories watched). Ctrl-C stops.",
                                 tree.content, host, port, site.basePath, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                                 watcher.watchedDirectoryCount))
        }, onRebuild: { rebuild in
            guard let summary = rebuild.summary else { return }
            // The findings of the files this rebuild touched; the browser overlay shows them too.
            let findings = await session.diagnostics(inFiles: summary.diagnosticFiles).filter { !$0.isBaselined }
            Console.printDiagnostics(findings, color: color)
            Console.error(String(format: "Rebuilt %d page(s) in %.1f ms; %d open page(s) reload; %d finding(s) in the files touched",
                                 summary.pagesRecompiled, rebuild.seconds * 1000, rebuild.changedPages.count, findings.count))
        })
        try await group.run()
        Console.error("dochouse: preview stopped")
    }
}
