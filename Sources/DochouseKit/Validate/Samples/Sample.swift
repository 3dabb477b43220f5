/// The syntax a sample is read with.
public enum SampleSyntax: String, Sendable, Hashable {
    case json
    case yaml
}

/// What a sample is, from its annotation or, without one, from its content.
public enum SampleKind: Sendable, Hashable {
    /// An IAM policy document; resource-based when it has `Principal` (or says `policy=resource`).
    case iamPolicy(resourceBased: Bool, resourceType: String?)
    /// A configuration resource of a schema's `kind`, whole or a fragment of it.
    case configuration(kind: String, fragment: Bool)
    /// Lines or list items shaped `service:Action`.
    case actionList
    /// Parsed for syntax only.
    case data

    /// A short name for summaries and badges.
    public var summaryName: String {
        switch self {
        case .iamPolicy(true, _): "resource policy"
        case .iamPolicy(false, _): "identity policy"
        case .configuration: "configuration"
        case .actionList: "action list"
        case .data: "data"
        }
    }
}

/// A fenced code block that dochouse validates: its annotations, syntax, kind and parsed value.
public struct Sample: Sendable {
    /// Index among the page's code blocks (the renderer finds its block by it).
    public var index: Int
    public var block: CodeBlock
    public var annotations: SampleAnnotations
    public var syntax: SampleSyntax
    public var kind: SampleKind
    /// The parsed value; nil when the text does not parse (a syntax finding says why) or is empty.
    public var value: SampleValue?
    public var sourceMap: SampleSourceMap
    /// The parsed IAM policy, for IAM policy samples.
    public var policy: IAMPolicyDocument?
    /// Why the text did not parse, at its position in the sample.
    public var syntaxError: SyntaxProblem?
    /// True when the fence says `yaml` but the text is JSON (it was read as strict JSON).
    public var isJSONInYAMLFence = false
    /// `actionEntries`, computed once by `SampleReader` (many rules read them).
    var cachedActionEntries: [ActionEntry]?
    /// The catalog's answers about the action entries, shared by the catalog rules (see `IAMEntryFacts`).
    let entryFactsMemo = IAMEntryFactsMemo()

    public struct SyntaxProblem: Sendable, Hashable {
        public var position: SamplePosition
        public var message: String
        public var isResourceLimit: Bool
        /// True when the sample was not parsed because a line is longer than `limits.sampleLineLength`.
        public var isLineTooLong = false
    }

    /// The sample's text.
    public var text: String { block.literal }
}
