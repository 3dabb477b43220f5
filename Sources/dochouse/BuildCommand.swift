import ArgumentParser
import DochouseKit
import Foundation
import Synchronization

/// How many findings were printed during the build.
final class PrintedCount: Sendable {
    private let count = Mutex<Int>(0)
    func add(_ more: Int) { count.withLock { $0 += more } }
    var value: Int { count.withLock { $0 } }
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the docs tree and render it into a site.",
        discussion: "Error-level findings fail the build (exit 1) and leave the previous site untouched.")

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "The Mustache templates (layout.mustache, partials, assets/).")
    var templates: String = "templates"

    @Option(name: .long, help: "Where the site is written; replaced as a whole when the build succeeds.")
    var out: String = "site"

    @Flag(name: .long, help: "Also print the findings dochouse-baseline.json accepts (by default only their number is).")
    var showBaselined = false

    func run() async throws {
        var options = BuildOptions(contentDirectory: tree.content, templatesDirectory: templates, outputDirectory: out,
                                   useBaseline: !tree.noBaseline)
        options.keepsUntilExit = true
        let pipeline = BuildPipeline(options: options, logger: tree.makeLogger())
        let progress = ProgressLine()
        let printed = PrintedCount()
        let color = tree.color
        let showBaselined = showBaselined
        let result: BuildResult
        do {
            result = try await pipeline.run(progress: { done, total in progress.update(done: done, total: total) },
                                            findings: { findings in
                                                progress.finish()
                                                Console.printDiagnostics(findings.filter { showBaselined || !$0.isBaselined }, color: color)
                                                printed.add(findings.count)
                                            })
        } catch {
            progress.finish()
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        ProcessLifetime.keep(result)
        // The findings were printed while the site was written; what the write itself found comes after them.
        Console.printDiagnostics(result.diagnostics.dropFirst(printed.value).filter { showBaselined || !$0.isBaselined },
                                 color: tree.color)
        let numbers = CheckSummary(result)
        let summary = numbers.text(languages: result.languages)
        if numbers.baselined > 0, !showBaselined {
            Console.error("note: the \(numbers.baselined) findings accepted by the baseline are not shown; --show-baselined lists them")
        }
        if result.wroteSite {
            Console.error(String(format: "Built %@ into %@/ in %.2f s", summary, out, result.seconds))
        } else {
            Console.error(String(format: "Build failed: %@; %@/ left as it was (%.2f s)", summary, out, result.seconds))
            throw ExitCode(1)
        }
    }
}

