/// The rules of schema files (loading a schema and its overlay) and of schema conformance of samples.
public enum SchemaRules {
    // MARK: Schema files

    public static let syntax = RuleDescriptor(
        id: "schema.syntax", defaultSeverity: .error, summary: "A schema or overlay file is not valid YAML.")
    public static let invalid = RuleDescriptor(
        id: "schema.invalid", defaultSeverity: .error,
        summary: "A schema file is not laid out as a Deckhouse schema (kind, apiVersions[].openAPISpec).")
    public static let unsupported = RuleDescriptor(
        id: "schema.unsupported", defaultSeverity: .error,
        summary: "A schema uses an unknown or unsupported OpenAPI keyword, or gives a keyword a value of the wrong type.")
    public static let unknownRequired = RuleDescriptor(
        id: "schema.unknown-required", defaultSeverity: .error,
        summary: "A schema's `required` names a property the object does not declare.")
    public static let invalidPattern = RuleDescriptor(
        id: "schema.invalid-pattern", defaultSeverity: .error, summary: "A schema's `pattern` is not a valid regular expression.")
    public static let tooLarge = RuleDescriptor(
        id: "schema.too-large", defaultSeverity: .error,
        summary: "A schema or overlay expands to too many nodes (an alias bomb?) or nests too deeply.")
    public static let overlayUnknownKey = RuleDescriptor(
        id: "schema.overlay-unknown-key", defaultSeverity: .error,
        summary: "A translation overlay describes a property or API version the schema does not have.")
    public static let overlayVersionMismatch = RuleDescriptor(
        id: "schema.overlay-version-mismatch", defaultSeverity: .warning,
        summary: "A translation overlay's API version differs from the schema's at the same position.")

    // MARK: Samples against a schema
    //
    // `allOf` has no rule of its own: a value must satisfy every branch, so a failing branch is reported by the
    // findings of that branch, under their own rules (a missing key is `schema.required` wherever it is required).

    public static let type = RuleDescriptor(
        id: "schema.type", defaultSeverity: .error, summary: "A sample value has the wrong type for its schema.")
    public static let yaml11Boolean = RuleDescriptor(
        id: "schema.yaml11-boolean", defaultSeverity: .warning,
        summary: "A plain yes/no/on/off/y/n is a boolean in YAML 1.1 and a string in YAML 1.2.")
    public static let enumValue = RuleDescriptor(
        id: "schema.enum", defaultSeverity: .error, summary: "A sample value is not one of the schema's enum values.")
    public static let pattern = RuleDescriptor(
        id: "schema.pattern", defaultSeverity: .error, summary: "A sample string does not match the schema's pattern.")
    public static let required = RuleDescriptor(
        id: "schema.required", defaultSeverity: .error, summary: "A sample object lacks a required property.")
    public static let additionalProperty = RuleDescriptor(
        id: "schema.additional-property", defaultSeverity: .error,
        summary: "A sample object has a key its schema does not allow.")
    public static let unknownProperty = RuleDescriptor(
        id: "schema.unknown-property", defaultSeverity: .warning,
        summary: "A sample object has a key its schema does not declare (extra keys are allowed, but it may be a typo).")
    public static let minimum = RuleDescriptor(
        id: "schema.minimum", defaultSeverity: .error, summary: "A sample number is below the schema's minimum.")
    public static let maximum = RuleDescriptor(
        id: "schema.maximum", defaultSeverity: .error, summary: "A sample number is above the schema's maximum.")
    public static let multipleOf = RuleDescriptor(
        id: "schema.multiple-of", defaultSeverity: .error, summary: "A sample number is not a multiple of the schema's multipleOf.")
    public static let length = RuleDescriptor(
        id: "schema.length", defaultSeverity: .error,
        summary: "A sample string is shorter than minLength or longer than maxLength.")
    public static let minItems = RuleDescriptor(
        id: "schema.min-items", defaultSeverity: .error, summary: "A sample array has fewer items than minItems.")
    public static let maxItems = RuleDescriptor(
        id: "schema.max-items", defaultSeverity: .error, summary: "A sample array has more items than maxItems.")
    public static let uniqueItems = RuleDescriptor(
        id: "schema.unique-items", defaultSeverity: .error, summary: "A sample array repeats an item where items must be unique.")
    public static let minProperties = RuleDescriptor(
        id: "schema.min-properties", defaultSeverity: .error, summary: "A sample object has fewer keys than minProperties.")
    public static let maxProperties = RuleDescriptor(
        id: "schema.max-properties", defaultSeverity: .error, summary: "A sample object has more keys than maxProperties.")
    public static let oneOf = RuleDescriptor(
        id: "schema.one-of", defaultSeverity: .error,
        summary: "A sample value matches none, or more than one, of the schema's oneOf branches.")
    public static let anyOf = RuleDescriptor(
        id: "schema.any-of", defaultSeverity: .error, summary: "A sample value matches none of the schema's anyOf branches.")
    public static let not = RuleDescriptor(
        id: "schema.not", defaultSeverity: .error, summary: "A sample value matches the schema under `not`.")
    public static let deprecated = RuleDescriptor(
        id: "schema.deprecated", defaultSeverity: .warning, summary: "A sample uses a deprecated property.")

    /// The rules about schema and overlay files.
    public static let fileRules: [RuleDescriptor] = [
        syntax, invalid, unsupported, unknownRequired, invalidPattern, tooLarge, overlayUnknownKey, overlayVersionMismatch,
    ]

    /// The rules about samples checked against a schema.
    public static let sampleRules: [RuleDescriptor] = [
        type, yaml11Boolean, enumValue, pattern, required, additionalProperty, unknownProperty, minimum, maximum,
        multipleOf, length, minItems, maxItems, uniqueItems, minProperties, maxProperties, oneOf, anyOf, not,
        deprecated,
    ]

    /// Every rule of this enum, for `dochouse rules` and SARIF.
    public static let all: [RuleDescriptor] = fileRules + sampleRules
}
