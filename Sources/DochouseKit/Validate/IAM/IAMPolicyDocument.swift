/// An IAM policy read from a sample, element by element, keeping every value's position.
/// It only gives structure; what is wrong with it is for the rules to say.
public struct IAMPolicyDocument: Sendable {
    public var root: SampleValue
    public var version: SampleValue?
    /// The `Statement` value (an object or an array of objects), if present.
    public var statementValue: SampleValue?
    public var statements: [IAMStatement]
    public var isResourceBased: Bool
    /// The resource type the annotation names (`ecr-repository`), if any.
    public var resourceType: String?

    /// Reads a policy from a sample value; nil when the value is not an object.
    public init?(_ root: SampleValue, resourceBased: Bool? = nil, resourceType: String? = nil) {
        guard root.members != nil else { return nil }
        self.root = root
        self.version = root["Version"]
        self.statementValue = root["Statement"]
        var statements: [IAMStatement] = []
        switch statementValue?.kind {
        case .object?:
            if let value = statementValue { statements.append(IAMStatement(value)) }
        case .array(let items)?:
            statements = items.filter { $0.members != nil }.map(IAMStatement.init)
        default:
            break
        }
        self.statements = statements
        self.isResourceBased = resourceBased ?? statements.contains { $0.principal != nil || $0.notPrincipal != nil }
        self.resourceType = resourceType
    }

    /// Top-level elements a policy may have.
    public static let topLevelElements = ["Version", "Id", "Statement"]
}

/// One statement of a policy.
public struct IAMStatement: Sendable {
    public var value: SampleValue
    public var sid: SampleValue? { value["Sid"] }
    public var effect: SampleValue? { value["Effect"] }
    public var action: SampleValue? { value["Action"] }
    public var notAction: SampleValue? { value["NotAction"] }
    public var resource: SampleValue? { value["Resource"] }
    public var notResource: SampleValue? { value["NotResource"] }
    public var principal: SampleValue? { value["Principal"] }
    public var notPrincipal: SampleValue? { value["NotPrincipal"] }
    public var condition: SampleValue? { value["Condition"] }

    public init(_ value: SampleValue) {
        self.value = value
    }

    /// Elements a statement may have.
    public static let elements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                  "Resource", "NotResource", "Condition"]

    /// The string entries of `Action` or `NotAction` (a string or an array of strings), with their positions.
    public var actionEntries: [(text: String, position: SamplePosition)] {
        Self.strings(in: action ?? notAction)
    }

    /// The string entries of `Resource` or `NotResource`.
    public var resourceEntries: [(text: String, position: SamplePosition)] {
        Self.strings(in: resource ?? notResource)
    }

    /// Calls `body` with each string entry of a string or array value, as `strings(in:)` lists them, without
    /// making the list.
    static func forEachString(in value: SampleValue?, _ body: (String, SamplePosition) -> Void) {
        guard let value else { return }
        switch value.kind {
        case .string(let text): body(text, value.position)
        case .array(let items):
            for item in items {
                if case .string(let text) = item.kind { body(text, item.position) }
            }
        default: return
        }
    }

    static func strings(in value: SampleValue?) -> [(text: String, position: SamplePosition)] {
        guard let value else { return [] }
        switch value.kind {
        case .string(let text): return [(text, value.position)]
        case .array(let items): return items.compactMap { item in item.stringValue.map { ($0, item.position) } }
        default: return []
        }
    }
}
