import ArgumentParser
import DochouseKit
import Foundation

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

    func run() async throws {
        let options = BuildOptions(contentDirectory: tree.content, templatesDirectory: templates, outputDirectory: out)
        let pipeline = BuildPipeline(options: options, logger: tree.makeLogger())
        let progress = ProgressLine()
        let result: BuildResult
        do {
            result = try await pipeline.run(progress: { done, total in progress.update(done: done, total: total) })
        } catch {
            progress.finish()
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        Console.printDiagnostics(result.diagnostics, color: tree.color)
        let perLanguage = result.languages.compactMap { code in result.pagesPerLanguage[code].map { "\(code) \($0)" } }
        let counts = Console.counts(result.diagnostics)
        if result.wroteSite {
            Console.error(String(format: "Built %d pages (%@) into %@/ in %.2f s%@",
                                 result.pageCount, perLanguage.joined(separator: ", "), out, result.seconds, counts))
        } else {
            Console.error(String(format: "Build failed%@; %@/ left as it was (%.2f s)", counts, out, result.seconds))
            throw ExitCode(1)
        }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the docs tree without writing anything.",
        discussion: "Exit status: 0 clean, 1 findings at error level, 2 the tool could not run.")

    @OptionGroup var tree: TreeOptions

    func run() async throws {
        let options = BuildOptions(contentDirectory: tree.content, render: false)
        let result: BuildResult
        do {
            result = try await BuildPipeline(options: options, logger: tree.makeLogger()).run()
        } catch {
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        Console.printDiagnostics(result.diagnostics, color: tree.color)
        Console.error(String(format: "Checked %d pages%@ in %.2f s", result.pageCount, Console.counts(result.diagnostics), result.seconds))
        if result.hasErrors { throw ExitCode(1) }
    }
}
