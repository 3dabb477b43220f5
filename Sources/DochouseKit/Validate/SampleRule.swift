/// A validation rule over samples: a small type with a stable id, in a file of its own, with its own tests.
/// Adding a rule means adding a type and listing it in `SampleRules.all`.
public protocol SampleRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport)
}

/// What rules consult besides the sample: the IAM catalog and the tree's schemas and named models.
public struct ValidationContext: Sendable {
    public var catalog: IAMCatalog
    public var models: ModelRegistry
    /// The site's bounds on samples (how many per page, how long a line).
    public var limits: ContentLimits

    public init(catalog: IAMCatalog, models: ModelRegistry, limits: ContentLimits = .default) {
        self.catalog = catalog
        self.models = models
        self.limits = limits
    }
}

/// Collects a sample's findings, projecting sample positions into the Markdown file through its source map.
public struct SampleReport: Sendable {
    public let sourceMap: SampleSourceMap
    public private(set) var diagnostics: [Diagnostic] = []

    public init(sourceMap: SampleSourceMap) {
        self.sourceMap = sourceMap
    }

    /// Reports a finding at a position of the sample's text.
    public mutating func add(_ rule: RuleDescriptor, at position: SamplePosition, _ message: String,
                             suggestion: String? = nil, replacing range: (SamplePosition, SamplePosition)? = nil,
                             with replacement: String? = nil, notes: [DiagnosticNote] = []) {
        var fixIts: [FixIt] = []
        if let range, let replacement {
            fixIts.append(FixIt(range: SourceRange(start: sourceMap.location(range.0), end: sourceMap.location(range.1)),
                                replacement: replacement))
        }
        diagnostics.append(Diagnostic(rule: rule, message: message, at: sourceMap.location(position),
                                      suggestion: suggestion, notes: notes, fixIts: fixIts))
    }

    /// Reports a finding about the fence's info string (an annotation), at a character offset into it.
    public mutating func addAtInfo(_ rule: RuleDescriptor, offset: Int = 0, _ message: String, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(rule: rule, message: message, at: sourceMap.infoLocation(offset: offset), suggestion: suggestion))
    }
}
