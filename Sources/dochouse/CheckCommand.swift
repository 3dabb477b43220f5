import ArgumentParser
import DochouseKit
import Foundation

/// Output formats of `check`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the docs tree and its samples without writing anything.",
        discussion: "Exit status: 0 clean, 1 findings at error level, 2 the tool could not run.")

    @OptionGroup var tree: TreeOptions

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations) or sarif (2.1.0).")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Report findings at this severity or above: note, warning, error.")
    var severity: String = "note"

    func run() async throws {
        guard let minimum = Severity(rawValue: severity.lowercased()) else {
            throw ValidationError("--severity must be note, warning or error")
        }
        let options = BuildOptions(contentDirectory: tree.content, render: false, useBaseline: !tree.noBaseline)
        var result: BuildResult
        do {
            result = try await BuildPipeline(options: options, logger: tree.makeLogger()).run()
        } catch {
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        let failed = result.hasErrors
        result.diagnostics = result.diagnostics.filter { $0.severity >= minimum }
        switch format {
        case .text:
            Console.printDiagnostics(result.diagnostics, color: tree.color)
            Console.error(String(format: "Checked %@ in %.2f s", CheckSummary(result).text(languages: result.languages), result.seconds))
        case .json:
            Console.output(JSONReportFormatter.format(result, version: DochouseVersion.current))
        case .github:
            Console.output(GitHubAnnotationFormatter.format(result.diagnostics), newline: false)
            Console.error("Checked " + CheckSummary(result).text(languages: result.languages))
        case .sarif:
            Console.output(SARIFFormatter.format(result, rules: SampleRules.descriptors, version: DochouseVersion.current))
        }
        if failed { throw ExitCode(1) }
    }
}

struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Print a baseline that accepts every current error and warning.",
        discussion: """
            Save it as CONTENT/dochouse-baseline.json to adopt dochouse on a tree with known flaws: the listed \
            findings are still reported, marked (baselined), but fail neither build nor check; new ones do.
            dochouse never writes into the content directory itself: redirect the output.
            """)

    @OptionGroup var tree: TreeOptions

    func run() async throws {
        let options = BuildOptions(contentDirectory: tree.content, render: false, useBaseline: false)
        let result: BuildResult
        do {
            result = try await BuildPipeline(options: options, logger: tree.makeLogger()).run()
        } catch {
            Console.error("dochouse: error: \(error)")
            throw ExitCode(2)
        }
        let baseline = Baseline.accepting(result.diagnostics, contentRoot: tree.content)
        Console.output(String(decoding: baseline.encoded(), as: UTF8.self))
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its id, default severity and summary.")

    func run() {
        for rule in SampleRules.descriptors {
            Console.output("\(rule.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary)")
        }
    }
}
