import ArgumentParser
import DochouseKit
import DochouseServe
import Foundation

struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-serve",
        abstract: "Measure the preview's edit-to-reload latency on a docs tree.",
        discussion: """
            Starts the preview server on a free port, follows its event stream, rewrites one page --edits times \
            and prints the median and worst time from each write to the reload event. The page is restored \
            afterwards. Use a generated corpus: bench/serve-latency makes one.
            """)

    @Option(name: .long, help: "The docs tree (a copy you do not mind being edited and restored).")
    var content: String

    @Option(name: .long, help: "The templates.")
    var templates: String = "templates"

    @Option(name: .long, help: "The page to edit, relative to pages/ (default: the first English page).")
    var page: String?

    @Option(name: .long, help: "How many edits.")
    var edits: Int = 20

    func run() async throws {
        let benchmark = EditLatencyBenchmark(contentDirectory: content, templatesDirectory: templates, page: page, edits: edits)
        let report = try await benchmark.run()
        print(report.text)
    }
}
