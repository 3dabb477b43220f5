/// `iam.redundant-action`: an action a wildcard entry of the same statement already covers
/// (`ecr:GetDownloadUrlForLayer` next to `ecr:Get*`), which suggests the wildcard grants more than meant.
struct IAMRedundantActionRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.redundant-action", defaultSeverity: .warning,
        summary: "A statement lists an action that one of its wildcard entries already covers.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        sample.forEachStatementsEntries { entries in
            guard entries.contains(where: \.hasWildcard) else { return }
            // A statement with more wildcards than any sample needs is hostile: compare against the first ones only,
            // so the work stays linear in the number of entries.
            let wildcards = entries.filter(\.hasWildcard).prefix(64)
            for entry in entries {
                guard let cover = wildcards.first(where: {
                    ($0.foldedHash != entry.foldedHash || $0.folded != entry.folded) && Self.covers($0.text, entry.text)
                }) else { continue }
                report.add(Self.descriptor, at: entry.position,
                           "'\(entry.text)' is already covered by '\(cover.text)' in this statement; remove it, or replace the wildcard with the actions you mean",
                           notes: [DiagnosticNote(location: report.sourceMap.location(cover.position), message: "'\(cover.text)' covers it")])
            }
        }
    }

    /// Whether every action `entry` names is also named by `pattern`.
    static func covers(_ pattern: String, _ entry: String) -> Bool {
        if pattern == "*" { return true }
        if entry == "*" { return false }
        guard let wide = IAMRuleSupport.splitAction(pattern), let narrow = IAMRuleSupport.splitAction(entry) else { return false }
        if !IAMRuleSupport.hasWildcard(entry) {
            return IAMNamePattern(glob: wide.service).matches(narrow.service)
                && IAMNamePattern(glob: wide.action).matches(narrow.action)
        }
        // A wildcard entry is covered only by one that takes every action of a service it names.
        guard wide.action.allSatisfy({ $0 == "*" }) else { return false }
        if wide.service.allSatisfy({ $0 == "*" }) { return true }
        return !IAMRuleSupport.hasWildcard(narrow.service) && IAMNamePattern(glob: wide.service).matches(narrow.service)
    }
}
