import ArgumentParser
import DochouseKit
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-policies",
        abstract: "Check N generated IAM policies with every rule in one process and print policies per second.",
        discussion: "A benchmark, not a test: run it on a release build (swift build -c release) and compare runs side by side.")

    @Option(name: .long, help: "How many policies to check.")
    var count: Int = 1000

    @Option(name: .long, help: "Repeat the run this many times and report each (the first includes loading the catalog).")
    var runs: Int = 3

    @Flag(name: .long, help: "Also print the time spent in each rule.")
    var profile = false

    @Flag(name: .long, help: "Print every finding (one JSON object a line) instead of timing, to compare builds.")
    var dumpFindings = false

    func run() {
        let texts = PolicyBenchmark.generate(count: count)
        if dumpFindings {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for diagnostic in PolicyBenchmark.findings(texts) {
                guard let line = try? encoder.encode(diagnostic) else { continue }
                Console.output(String(decoding: line, as: UTF8.self))
            }
            return
        }
        if profile {
            for (rule, seconds) in PolicyBenchmark.profile(texts).prefix(12) {
                Console.output(String(format: "%-36@ %.4f s", rule as NSString, seconds))
            }
        }
        for run in 1...max(1, runs) {
            let figures = PolicyBenchmark.run(texts)
            Console.output(String(format: "run %d: %d policies, %d findings, wall %.4f s, CPU %.4f s, %.0f policies/s",
                                  run, figures.policies, figures.findings, figures.wallSeconds, figures.cpuSeconds,
                                  figures.policiesPerSecond))
        }
    }
}
