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
            // The items that are objects, in one pass (a filtered copy of the items, then a map, copied each).
            statements.reserveCapacity(items.count)
            for item in items {
                if case .object = item.kind { statements.append(IAMStatement(item)) }
            }
        default:
            break
        }
        self.statements = statements
        self.isResourceBased = resourceBased ?? statements.contains { $0.hasPrincipalElement }
        self.resourceType = resourceType
    }

    /// Top-level elements a policy may have.
    public static let topLevelElements = ["Version", "Id", "Statement"]
}

/// One statement of a policy.
public struct IAMStatement: Sendable {
    public private(set) var value: SampleValue
    public var sid: SampleValue? { member(.sid) }
    public var effect: SampleValue? { member(.effect) }
    public var action: SampleValue? { member(.action) }
    public var notAction: SampleValue? { member(.notAction) }
    public var resource: SampleValue? { member(.resource) }
    public var notResource: SampleValue? { member(.notResource) }
    public var principal: SampleValue? { member(.principal) }
    public var notPrincipal: SampleValue? { member(.notPrincipal) }
    public var condition: SampleValue? { member(.condition) }

    /// The index in `value.members` of the first member named each element, found in one pass when the statement
    /// is read: the rules ask for a statement's elements dozens of times, and each `value[key]` scans the keys.
    private var firsts = Firsts()

    public init(_ value: SampleValue) {
        self.value = value
        guard let members = value.members else { return }
        for (index, member) in members.enumerated() {
            guard let element = Element(key: member.key), firsts[element] < 0 else { continue }
            firsts[element] = index
        }
    }

    /// Whether the statement has `Principal` or `NotPrincipal` (`principal != nil || notPrincipal != nil`, without
    /// copying either value out).
    var hasPrincipalElement: Bool {
        firsts[.principal] >= 0 || firsts[.notPrincipal] >= 0
    }

    /// The value of the first member named `element` (what `value[element's name]` answers).
    private func member(_ element: Element) -> SampleValue? {
        let index = firsts[element]
        guard index >= 0, case .object(let members) = value.kind else { return nil }
        return members[index].value
    }

    /// The elements, in the order of `elements`.
    private enum Element: Int {
        case sid, effect, principal, notPrincipal, action, notAction, resource, notResource, condition

        /// The element a key names exactly (the same comparison as `SampleValue`'s subscript), by its length first.
        init?(key: String) {
            let element: Element
            switch key.utf8.count {
            case 3: element = .sid
            case 6: guard key == "Effect" else { if key == "Action" { self = .action; return }; return nil }; element = .effect
            case 8: element = .resource
            case 9:
                if key == "NotAction" { self = .notAction; return }
                if key == "Principal" { self = .principal; return }
                element = .condition
            case 11: element = .notResource
            case 12: element = .notPrincipal
            default: return nil
            }
            guard key == IAMStatement.elements[element.rawValue] else { return nil }
            self = element
        }
    }

    /// Nine member indices, -1 for an element the statement does not have.
    private struct Firsts: Sendable {
        private var indices: (Int, Int, Int, Int, Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1, -1, -1, -1, -1)

        subscript(element: Element) -> Int {
            get {
                switch element {
                case .sid: indices.0
                case .effect: indices.1
                case .principal: indices.2
                case .notPrincipal: indices.3
                case .action: indices.4
                case .notAction: indices.5
                case .resource: indices.6
                case .notResource: indices.7
                case .condition: indices.8
                }
            }
            set {
                switch element {
                case .sid: indices.0 = newValue
                case .effect: indices.1 = newValue
                case .principal: indices.2 = newValue
                case .notPrincipal: indices.3 = newValue
                case .action: indices.4 = newValue
                case .notAction: indices.5 = newValue
                case .resource: indices.6 = newValue
                case .notResource: indices.7 = newValue
                case .condition: indices.8 = newValue
                }
            }
        }
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
