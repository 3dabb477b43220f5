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
            let resources = IAMStatement.strings(in: resource)
            guard !resources.isEmpty, !resources.contains(where: { $0.text == "*" }) else { continue }
            for entry in IAMStatement.strings(in: statement.action) where !IAMRuleSupport.hasWildcard(entry.text) {
                guard let action = context.catalog.action(entry.text), !action.hasResourceTypes else { continue }
                report.add(Self.descriptor, at: entry.position,
                           "\(action.qualifiedName) has no resource type, so it needs \"Resource\": \"*\"; with this statement's Resource ('\(resources[0].text)') it never applies",
                           suggestion: "move \(action.qualifiedName) to a statement with \"Resource\": \"*\"")
            }
        }
    }
}
