/// Every sample rule, in the order they run. A new rule is a new type listed here.
public enum SampleRules {
    public static var all: [any SampleRule] {
        general + IAMRules.all
    }

    static let general: [any SampleRule] = [
        JSONSyntaxRule(),
        YAMLSyntaxRule(),
        SampleResourceLimitRule(),
        SampleLineLengthRule(),
        FenceLanguageRule(),
        YAMLOneStringListRule(),
        YAMLEqualsLinesRule(),
        ModelUnknownRule(),
        ModelMismatchRule(),
        ModelDriftRule(),
        SchemaConformanceRule(),
    ]

    /// The descriptors of every rule dochouse has, for `dochouse rules` and SARIF.
    public static var descriptors: [RuleDescriptor] {
        BuildRules.all + [SampleReader.unknownAnnotation, NamedModelLoader.invalid, NamedModelLoader.duplicate,
                          SchemaSetLoader.duplicateKind, SchemaSetLoader.orphanOverlay, SchemaConformanceRule.unknownVersion]
            + SchemaRules.all + SchemaSourceChecks.all + [LinkCheck.brokenPage, LinkCheck.brokenAnchor]
            + [TwinParity.sampleCount, TwinParity.sampleContent, TwinParity.links, TwinParity.headings, SampleDrift.nearCopy]
            + all.map { type(of: $0).descriptor }
    }
}
