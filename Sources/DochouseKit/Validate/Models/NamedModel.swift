/// A named value from `content/policies/`: a set of actions or a policy document that pages restate.
public struct NamedModel: Sendable {
    public enum Value: Sendable {
        case actionList([(action: String, position: SamplePosition)])
        case policy(SampleValue, resourceBased: Bool, resourceType: String?)
    }

    public var name: String
    public var value: Value
    public var descriptions: [String: String]
    public var source: SourceFile

    /// The actions of an action list, or of every statement of a policy.
    public var actions: [String] {
        switch value {
        case .actionList(let items): items.map(\.action)
        case .policy(let document, _, _):
            IAMPolicyDocument(document)?.statements.flatMap { $0.actionEntries.map(\.text) } ?? []
        }
    }
}

/// The schemas and named models of a docs tree: what samples are checked and classified against.
public struct ModelRegistry: Sendable {
    public var models: [String: NamedModel]
    /// Schemas by their resource `kind`.
    public var schemas: [String: SchemaDocument]
    /// Overlays by schema kind, one per language.
    public var overlays: [String: [SchemaOverlay]]

    public init(models: [String: NamedModel] = [:], schemas: [String: SchemaDocument] = [:],
                overlays: [String: [SchemaOverlay]] = [:]) {
        self.models = models
        self.schemas = schemas
        self.overlays = overlays
    }

    func schema(forKind kind: String) -> SchemaDocument? {
        schemas[kind]
    }

    /// The one schema whose top-level properties include every key, if exactly one does: the kind of a
    /// configuration fragment such as `additionalRolePolicies: [...]`.
    func schemaKind(containingAll keys: [String]) -> String? {
        guard !keys.isEmpty else { return nil }
        let matches = schemas.values.filter { document in
            guard let root = document.primaryVersion?.root else { return false }
            let names = Set(root.propertyNames)
            return keys.allSatisfy(names.contains)
        }
        return matches.count == 1 ? matches[0].kind : nil
    }
}
