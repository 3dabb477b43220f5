/// `iam.resource-policy-cannot-grant`: a resource-based policy grants actions on the resource it is attached
/// to, so it cannot grant an action that takes no resource (`ecr:GetAuthorizationToken`), nor, when the
/// annotation names the resource type, an action of another service or of another resource type.
struct IAMResourcePolicyCannotGrantRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.resource-policy-cannot-grant", defaultSeverity: .error,
        summary: "A resource-based policy grants an action that does not apply to its resource.")

    /// Resource types a policy of a known type covers besides its own (a bucket policy also governs objects).
    static let coveredTypes: [String: [String]] = [
        "s3-bucket": ["bucket", "object"],
        "lambda-function": ["function", "function alias", "function version"],
    ]

    private struct Target {
        var service: String
        var types: Set<String>
        var noun: String
    }

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy, policy.isResourceBased else { return }
        var target: Target?
        if let name = policy.resourceType, let known = SampleAnnotations.knownResourcePolicyTypes[name] {
            let types = Self.coveredTypes[name] ?? [known.resourceType]
            target = Target(service: known.service.lowercased(), types: Set(types.map { $0.lowercased() }),
                            noun: known.resourceType.lowercased())
        }
        var found = 0
        var expanded: [String: [IAMAction]] = [:]
        var statementIndex = -1
        var grants = false
        let facts = sample.entryFacts(context.catalog)
        let entries = sample.actionEntries
        // The sample's entries of every statement with `Action` (not `NotAction`), in order; by index (a loop over
        // the pairs copied every entry and its facts).
        for position in entries.indices where !entries[position].isNotAction {
            guard let index = entries[position].statementIndex, index < policy.statements.count else { continue }
            if index != statementIndex {
                statementIndex = index
                grants = IAMRuleSupport.isAllow(policy.statements[index])
            }
            guard grants else { continue }
            guard found < IAMRuleSupport.findingLimit else { return }
            let entry = entries[position]
            if !entry.hasWildcard {
                // One action: the common case, without the lists a wildcard needs.
                guard let service = facts.entries[position].service, let index = facts.entries[position].action else { continue }
                // Without a target, the only reason is having no resource type: most actions have one.
                if target == nil && service.actionHasResourceTypes(at: index) { continue }
                let action = service.actions[index]
                guard let why = reason(action, target: target) else { continue }
                found += 1
                // The action's name once for the message and the suggestion.
                let name = action.qualifiedName
                report.add(Self.descriptor, at: entry.position,
                           "\(name) \(why), so \(policyName(target, action)) cannot grant it; \(Self.advice(why))",
                           suggestion: Self.suggestion(name, reason: why))
                continue
            }
            let actions: [IAMAction]
            if let known = expanded[entry.folded] {
                actions = known
            } else {
                guard entry.text == "*" || entry.name != nil, expanded.count < IAMRuleSupport.expansionLimit else { continue }
                actions = context.catalog.actions(matching: entry.text)
                expanded[entry.folded] = actions
            }
            let offenders = actions.compactMap { action in reason(action, target: target).map { (action, $0) } }
            // A wildcard (`ecr:*` in a repository policy, as AWS documents) grants what applies and is
            // harmless for the rest; it is wrong only when nothing it matches can be granted here.
            if offenders.count < actions.count { continue }
            guard let (first, firstReason) = offenders.first else { continue }
            found += 1
            if offenders.count == 1 && actions.count == 1 {
                report.add(Self.descriptor, at: entry.position,
                           "\(first.qualifiedName) \(firstReason), so \(policyName(target, first)) cannot grant it; \(Self.advice(firstReason))",
                           suggestion: Self.suggestion(first.qualifiedName, reason: firstReason))
            } else {
                let names = offenders.map { "\($0.0.qualifiedName) (\($0.1))" }
                report.add(Self.descriptor, at: entry.position,
                           "'\(entry.text)' matches actions \(policyName(target, first)) cannot grant: \(IAMRuleSupport.list(names)); list only the actions that apply to the resource, and grant the others to the node role through additionalRolePolicies in AWSClusterConfiguration")
            }
        }
    }

    /// "a repository policy", or "a resource-based policy" when the resource is not known.
    private func policyName(_ target: Target?, _ action: IAMAction) -> String {
        let noun = target?.noun ?? Self.noun(for: action.servicePrefix)
        return noun.map { "a \($0) policy" } ?? "a resource-based policy"
    }

    /// Why the policy cannot grant the action, or nil when it can.
    private func reason(_ action: IAMAction, target: Target?) -> String? {
        if !action.hasResourceTypes { return "has no resource type" }
        guard let target else { return nil }
        if action.servicePrefix.lowercased() != target.service {
            return "is an action of \(action.servicePrefix), not of \(target.service)"
        }
        if !action.resourceTypes.contains(where: { target.types.contains($0.name.lowercased()) }) {
            let types = action.resourceTypes.map(\.name).joined(separator: ", ")
            return "applies to \(types), not to a \(target.noun)"
        }
        return nil
    }

    /// The resource a service's resource policies are attached to (`repository` for ecr), if dochouse knows it.
    static func noun(for service: String) -> String? {
        // Service prefixes are ASCII, where lowering the capitals is all `lowercased()` does.
        nouns[service.utf8.allSatisfy { $0 < 0x80 } ? ActionSplit.asciiLowercased(service) : service.lowercased()]
    }

    /// `noun(for:)` by lowercased service: the first in order of the lowercased resource types it has.
    private static let nouns: [String: String] = {
        var nouns: [String: String] = [:]
        for known in SampleAnnotations.knownResourcePolicyTypes.values {
            let service = known.service.lowercased(), noun = known.resourceType.lowercased()
            if let existing = nouns[service], existing <= noun { continue }
            nouns[service] = noun
        }
        return nouns
    }()

    static func advice(_ reason: String) -> String {
        reason == "has no resource type"
            ? "grant it to the node role instead, through additionalRolePolicies in AWSClusterConfiguration"
            : "grant it in the policy of the resource it applies to, or in an identity policy"
    }

    /// `name`: the action's qualified name.
    static func suggestion(_ name: String, reason: String) -> String? {
        reason == "has no resource type"
            ? "remove \(name) here and add it to additionalRolePolicies"
            : "remove \(name) from this policy"
    }
}
