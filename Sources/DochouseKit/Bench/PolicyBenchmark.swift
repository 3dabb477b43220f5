import Foundation

/// Checks N generated IAM policies in one process with every sample rule, for `dochouse bench policies`.
/// Policies are deterministic (a fixed-seed generator over real catalog actions), so runs compare.
public enum PolicyBenchmark {
    public struct Figures: Sendable {
        public var policies: Int
        public var findings: Int
        public var wallSeconds: Double
        public var cpuSeconds: Double
        public var policiesPerSecond: Double { Double(policies) / max(wallSeconds, 1e-9) }
    }

    /// Generates the policies' JSON texts (outside the timed part).
    public static func generate(count: Int, seed: UInt64 = 42) -> [String] {
        var random = SplitMix(seed: seed)
        let services = ["ecr", "ec2", "s3", "iam", "kms", "sqs", "sns", "logs", "dynamodb", "lambda"]
        var actionsByService: [String: [String]] = [:]
        for service in services {
            actionsByService[service] = IAMCatalog.bundled.service(service)?.actions.map(\.name) ?? []
        }
        return (0..<count).map { index in
            let service = services[Int(random.next() % UInt64(services.count))]
            let names = actionsByService[service] ?? []
            let actionCount = 3 + Int(random.next() % 20)
            let actions = (0..<actionCount).map { _ in names.isEmpty ? "\(service):Get*" : "\(service):\(names[Int(random.next() % UInt64(names.count))])" }
            let resourceBased = index % 3 == 0
            let principal = resourceBased ? "\"Principal\": {\"AWS\": \"arn:aws:iam::210987654321:role/node\"}," : ""
            let resource = resourceBased ? "" : ",\n      \"Resource\": \"*\""
            let list = actions.map { "\"\($0)\"" }.joined(separator: ",\n        ")
            return """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Statement\(index)",
                  "Effect": "Allow",
                  \(principal)
                  "Action": [
                    \(list)
                  ]\(resource)
                }
              ]
            }
            """
        }
    }

    /// Reads and checks every policy with all sample rules; only this part is timed. Each policy's page (its
    /// `SourceFile` and fenced `CodeBlock`, what loading and the Markdown parse give the validate stage) is made
    /// before the clock starts, as a build has them before it validates.
    public static func run(_ texts: [String]) -> Figures {
        let context = ValidationContext(catalog: .bundled, models: ModelRegistry())
        let rules = SampleRules.all
        let pages = texts.indices.map { PolicyPage(index: $0, text: texts[$0]) }
        let cpuStart = cpuTime()
        let start = ContinuousClock.now
        var findings = 0
        for page in pages {
            findings += check(page, context: context, rules: rules).count
        }
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Figures(policies: texts.count, findings: findings, wallSeconds: wall, cpuSeconds: cpuTime() - cpuStart)
    }

    /// Every finding of the texts, in order (what `run` counts), for comparing builds finding by finding.
    public static func findings(_ texts: [String]) -> [Diagnostic] {
        let context = ValidationContext(catalog: .bundled, models: ModelRegistry())
        let rules = SampleRules.all
        var all: [Diagnostic] = []
        for (index, text) in texts.enumerated() {
            all += check(PolicyPage(index: index, text: text), context: context, rules: rules)
        }
        return all
    }

    /// One policy as a page holding it in a `json` fence: the file and its code block, as loading and parsing give them.
    struct PolicyPage {
        let file: SourceFile
        let block: CodeBlock

        init(index: Int, text: String) {
            file = SourceFile(displayPath: "bench-\(index).md", text: "```json\n" + text + "\n```\n")
            block = CodeBlock(info: "json", literal: text + "\n", isFenced: true, firstContentLine: 2, fenceIndent: 0,
                              location: file.location(line: 1, column: 1), markdownStart: .init(line: 1, column: 1))
        }
    }

    /// One policy page: its sample read, then every rule.
    @inline(__always)
    private static func check(_ page: PolicyPage, context: ValidationContext, rules: [any SampleRule]) -> [Diagnostic] {
        let (annotations, _) = SampleAnnotations.parse(page.block.info)
        let sample = SampleReader.sample(index: 0, block: page.block, annotations: annotations,
                                         map: SampleSourceMap(file: page.file, block: page.block), models: context.models)
        var report = SampleReport(sourceMap: sample.sourceMap)
        for rule in rules { rule.check(sample, context: context, report: &report) }
        return report.diagnostics
    }

    /// Time spent per rule over the texts (for finding the costly ones).
    public static func profile(_ texts: [String]) -> [(rule: String, seconds: Double)] {
        let context = ValidationContext(catalog: .bundled, models: ModelRegistry())
        var totals: [String: Double] = [:]
        var readTime = 0.0
        for (index, text) in texts.enumerated() {
            let file = SourceFile(displayPath: "bench-\(index).md", text: "```json\n" + text + "\n```\n")
            let block = CodeBlock(info: "json", literal: text + "\n", isFenced: true, firstContentLine: 2, fenceIndent: 0,
                                  location: file.location(line: 1, column: 1), markdownStart: .init(line: 1, column: 1))
            let t0 = ContinuousClock.now
            let sample = SampleReader.sample(index: 0, block: block, annotations: SampleAnnotations.parse("json").0,
                                             map: SampleSourceMap(file: file, block: block), models: context.models)
            readTime += seconds(ContinuousClock.now - t0)
            for rule in SampleRules.all {
                var report = SampleReport(sourceMap: sample.sourceMap)
                let start = ContinuousClock.now
                rule.check(sample, context: context, report: &report)
                totals[type(of: rule).descriptor.id, default: 0] += seconds(ContinuousClock.now - start)
            }
        }
        return [("(read + classify)", readTime)] + totals.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// A small deterministic generator (SplitMix64).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
