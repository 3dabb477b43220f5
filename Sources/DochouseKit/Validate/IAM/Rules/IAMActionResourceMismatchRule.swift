/// `iam.action-resource-mismatch`: an action without resource types (`ecr:GetAuthorizationToken`) only
/// matches `"Resource": "*"`; in an identity policy statement limited to ARNs it never applies.
struct IAMActionResourceMismatchRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-resource-mismatch", defaultSeverity: .error,
        summary: "An action that takes no resource is in a statement whose Resource is not \"*\".")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, !policy.isResourceBased else { return }
        for statement in policy.statements {
            guard statement.action != nil, statement.notResource == nil, let resource = statement.resource else { continue }
            // The first resource string, unless one is "*" (read in place: most statements say "*", and listing
            // their resources was an allocation each).
            var first: String?
            var all = false
            IAMStatement.forEachString(in: resource) { text, _ in
                if first == nil { first = text }
                if text == "*" { all = true }
            }
            guard let first, !all else { continue }
            for entry in IAMStatement.strings(in: statement.action) where !IAMRuleSupport.hasWildcard(entry.text) {
                guard let action = context.catalog.action(entry.text), !action.hasResourceTypes else { continue }
                report.add(Self.descriptor, at: entry.position,
                           "\(action.qualifiedName) has no resource type, so it needs \"Resource\": \"*\"; with this statement's Resource ('\(first)') it never applies",
                           suggestion: "move \(action.qualifiedName) to a statement with \"Resource\": \"*\"")
            }
        }
    }
}
