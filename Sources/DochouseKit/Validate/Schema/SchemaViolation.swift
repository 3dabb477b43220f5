/// One way a sample value breaks its schema, positioned inside the sample.
public struct SchemaViolation: Sendable, Hashable {
    public var rule: RuleDescriptor
    /// Where to point: the offending value, the key of an unknown or deprecated property, the object that lacks
    /// a required key, the second of two duplicate items.
    public var position: SamplePosition
    /// The value's path in the sample: `nodeGroups[0].instanceClass.diskType`, `tags["team/name"]`; "" is the root.
    public var path: String
    public var message: String
    /// A short hint ("did you mean 'WithNAT'?", "quote it: \"5\"").
    public var suggestion: String?
    /// The text that should replace the token at `position` (a scalar as written, quotes included, or a key),
    /// when the fix is mechanical; the basis of `--fix`.
    public var replacement: String?

    public init(rule: RuleDescriptor, position: SamplePosition, path: String, message: String,
                suggestion: String? = nil, replacement: String? = nil) {
        self.rule = rule
        self.position = position
        self.path = path
        self.message = message
        self.suggestion = suggestion
        self.replacement = replacement
    }

    public var severity: Severity { rule.defaultSeverity }
}

/// Whether a sample is a whole resource or a fragment of one (`additionalRolePolicies:` on its own): a fragment
/// may leave out the required keys of its top-level object; nested objects it does contain are still complete.
public enum SchemaValidationMode: Sendable, Hashable {
    case resource
    case fragment
}
