/// The validate stage for one page: reads its samples and runs every sample rule on each. Pure.
public struct SampleValidator: Sendable {
    public var context: ValidationContext
    public var rules: [any SampleRule]

    public init(context: ValidationContext, rules: [any SampleRule] = SampleRules.all) {
        self.context = context
        self.rules = rules
    }

    /// A page's samples and what the rules found in them.
    public struct PageResult: Sendable {
        public var samples: [Sample]
        public var optedOut: Int
        public var diagnostics: [Diagnostic]
        /// Findings per sample index (for badges and the preview overlay).
        public var diagnosticsBySample: [Int: [Diagnostic]]
    }

    public func validate(_ page: Page) -> PageResult {
        let read = SampleReader.read(page, models: context.models, limits: context.limits)
        var all = read.annotationProblems
        var bySample: [Int: [Diagnostic]] = [:]
        for sample in read.samples {
            var report = SampleReport(sourceMap: sample.sourceMap)
            for rule in rules { rule.check(sample, context: context, report: &report) }
            bySample[sample.index] = report.diagnostics
            all += report.diagnostics
        }
        return PageResult(samples: read.samples, optedOut: read.optedOut, diagnostics: all, diagnosticsBySample: bySample)
    }
}
