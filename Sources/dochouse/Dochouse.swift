import ArgumentParser
import DochouseKit
import Foundation
import Logging

@main
struct Dochouse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dochouse",
        abstract: "Builds bilingual documentation and proves its samples right.",
        version: DochouseVersion.current + " (" + Allocator.name + ")",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, BaselineCommand.self, RulesCommand.self, BenchCommand.self, BenchServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options every command shares: where the docs tree is and how chatty to be.
struct TreeOptions: ParsableArguments {
    @Option(name: .long, help: "The docs tree to read.")
    var content: String = "content"

    @Flag(name: .long, help: "Ignore dochouse-baseline.json: every finding counts.")
    var noBaseline = false

    @Flag(name: .long, help: "Log each stage.")
    var verbose = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Colour the diagnostics (default: when printing to a terminal).")
    var color: Bool = isatty(STDERR_FILENO) == 1

    func makeLogger() -> Logger {
        var logger = Logger(label: "dochouse") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

enum DochouseVersion {
    static let current = "0.1.0"
}
