/// Configuration samples must fit their schema: a whole resource (`kind`, `apiVersion`) against the version it
/// names, a fragment (`schema=KIND fragment`, or keys of one schema's top level) against the newest version
/// without the root's `required`. The schema validator's findings carry their own rule ids (`schema.type`,
/// `schema.enum`, ...); this rule applies them to samples.
struct SchemaConformanceRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "schema.unknown-kind", defaultSeverity: .error,
                                           summary: "A sample names a configuration kind no schema defines.")
    static let unknownVersion = RuleDescriptor(id: "schema.unknown-version", defaultSeverity: .error,
                                               summary: "A resource names an apiVersion its schema does not have.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .configuration(let kind, let fragment) = sample.kind else { return }
        guard let document = context.models.schema(forKind: kind) else {
            let suggestion = NearMiss.closest(to: kind, among: context.models.schemas.keys).map { "did you mean '\($0)'?" }
            let known = context.models.schemas.keys.sorted().joined(separator: ", ")
            report.addAtInfo(Self.descriptor, "no schema defines kind '\(kind)'\(known.isEmpty ? "" : " (known: \(known))")",
                             suggestion: suggestion)
            return
        }
        guard let value = sample.value else { return }
        var version = document.primaryVersion
        if !fragment, let apiVersion = value["apiVersion"] {
            if let name = apiVersion.stringValue, let named = document.version(name) {
                version = named
            } else {
                let names = document.versions.map(\.apiVersion)
                report.add(Self.unknownVersion, at: apiVersion.position,
                           "\(kind) has no apiVersion '\(apiVersion.stringValue ?? apiVersion.typeName)'; it has \(names.joined(separator: ", "))",
                           suggestion: NearMiss.closest(to: apiVersion.stringValue ?? "", among: names).map { "did you mean '\($0)'?" })
                return
            }
        }
        guard let root = version?.root else { return }
        for violation in SchemaValidator.validate(value, against: root, mode: fragment ? .fragment : .resource) {
            report.add(violation.rule, at: violation.position, violation.message, suggestion: violation.suggestion)
        }
    }
}
