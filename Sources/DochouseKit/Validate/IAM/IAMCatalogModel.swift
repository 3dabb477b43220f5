import Foundation

/// How AWS classifies what an IAM action does, as in the Service Authorization Reference.
///
/// The generated catalog stores the display names; AWS's combined levels ("Tagging, Write",
/// "Permissions management, Write") are reduced to the more specific one by the generator.
public enum IAMAccessLevel: String, Sendable, Hashable, CaseIterable {
    case list = "List"
    case read = "Read"
    case write = "Write"
    case permissionsManagement = "Permissions management"
    case tagging = "Tagging"

    /// AWS's English name: "List", "Read", "Write", "Permissions management", "Tagging".
    public var displayName: String { rawValue }

    /// The name the Russian console uses.
    public var russianName: String {
        switch self {
        case .list: "Список"
        case .read: "Чтение"
        case .write: "Запись"
        case .permissionsManagement: "Управление разрешениями"
        case .tagging: "Теги"
        }
    }

    /// Parses a display name, ignoring case ("read", "Permissions management").
    init?(displayName: String) {
        let folded = displayName.trimmingCharacters(in: .whitespaces).lowercased()
        guard let level = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = level
    }
}

/// A resource type an action can be scoped to, as the action's row in the AWS reference lists it.
public struct IAMActionResource: Sendable, Hashable {
    /// The resource type's name in its service (for example `repository`).
    public let name: String
    /// Whether AWS marks it required (`repository*` in the reference).
    public let isRequired: Bool

    public init(name: String, isRequired: Bool) {
        self.name = name
        self.isRequired = isRequired
    }
}

/// One IAM action of a service.
public struct IAMAction: Sendable, Hashable {
    /// The service prefix the action belongs to, as the catalog spells it (`ecr`).
    public let servicePrefix: String
    /// The action name in AWS's canonical casing (`BatchGetImage`).
    public let name: String
    /// What the action does, by AWS's classification.
    public let accessLevel: IAMAccessLevel
    /// The resource types the action can be scoped to; empty when it only supports `"Resource": "*"`.
    public let resourceTypes: [IAMActionResource]
    /// The condition keys the action itself supports (not counting those of its resource types).
    public let conditionKeys: [String]

    /// The lowercased name as scalars, for the wildcard matcher.
    let foldedName: [Unicode.Scalar]

    public init(
        servicePrefix: String, name: String, accessLevel: IAMAccessLevel,
        resourceTypes: [IAMActionResource] = [], conditionKeys: [String] = []
    ) {
        self.servicePrefix = servicePrefix
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.foldedName = IAMNamePattern.fold(name)
    }

    /// `prefix:Name`, as a policy writes it.
    public var qualifiedName: String { "\(servicePrefix):\(name)" }

    /// Whether the action can be scoped to specific resources at all.
    public var hasResourceTypes: Bool { !resourceTypes.isEmpty }
}

/// A resource type of a service, with the ARN formats that identify it.
public struct IAMResourceType: Sendable, Hashable {
    /// The name (`repository`).
    public let name: String
    /// ARN templates with `${...}` placeholders (`arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`).
    public let arnFormats: [String]
    /// Condition keys that apply to this resource type.
    public let conditionKeys: [String]

    public init(name: String, arnFormats: [String], conditionKeys: [String] = []) {
        self.name = name
        self.arnFormats = arnFormats
        self.conditionKeys = conditionKeys
    }
}

/// A condition key and its value type.
public struct IAMConditionKey: Sendable, Hashable {
    /// The key as AWS spells it; may hold `${...}` placeholders (`aws:RequestTag/${TagKey}`).
    public let name: String
    /// AWS's value type: "String", "ARN", "Bool", "Numeric", "Date", "IPAddress", "ArrayOfString", ….
    public let type: String

    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// Whether the name holds a `${...}` placeholder, so it stands for a family of keys.
    public var isTemplate: Bool { name.contains("${") }
}

/// A service of the catalog: its actions, resource types and condition keys.
///
/// Lookups ignore case, as IAM does for action names and condition keys. The data lives in one shared,
/// immutable box, so handing a service around (every catalog lookup does) costs one reference count.
public struct IAMService: Sendable {
    /// The service prefix (`ecr`).
    public var prefix: String { storage.prefix }
    /// AWS's name for the service (`Amazon Elastic Container Registry`).
    public var name: String { storage.name }
    /// The actions, sorted by name.
    public var actions: [IAMAction] { storage.actions }
    /// The resource types, sorted by name.
    public var resourceTypes: [IAMResourceType] { storage.resourceTypes }
    /// The service's condition keys (including the `aws:` keys the service lists), sorted by name.
    public var conditionKeys: [IAMConditionKey] { storage.conditionKeys }

    private let storage: Storage

    private final class Storage: Sendable {
        let prefix: String
        let name: String
        let actions: [IAMAction]
        let resourceTypes: [IAMResourceType]
        let conditionKeys: [IAMConditionKey]
        /// The lowercased prefix, to compare a `prefix:` in front of a name without lowercasing it again.
        let prefixKey: String
        /// Lowercased action names, looked up by an entry's key bytes and hash, computed when the sample was read.
        let actionTable: IAMNameTable
        /// For each action, whether it has resource types (read per entry by resource-policy-cannot-grant).
        let actionHasResources: [Bool]
        let resourceIndex: [String: Int]
        let conditionKeyIndex: IAMConditionKeyIndex

        init(prefix: String, name: String, actions: [IAMAction], resourceTypes: [IAMResourceType], conditionKeys: [IAMConditionKey]) {
            self.prefix = prefix
            self.name = name
            self.actions = actions
            self.resourceTypes = resourceTypes
            self.conditionKeys = conditionKeys
            self.prefixKey = prefix.lowercased()
            self.actionTable = IAMNameTable(actions.map(\.name))
            self.actionHasResources = actions.map(\.hasResourceTypes)
            self.resourceIndex = IAMService.index(resourceTypes.map(\.name))
            self.conditionKeyIndex = IAMConditionKeyIndex(conditionKeys)
        }
    }

    public init(
        prefix: String, name: String, actions: [IAMAction],
        resourceTypes: [IAMResourceType] = [], conditionKeys: [IAMConditionKey] = []
    ) {
        storage = Storage(prefix: prefix, name: name, actions: actions, resourceTypes: resourceTypes, conditionKeys: conditionKeys)
    }

    /// The action with this name, ignoring case (`batchgetimage`). A `prefix:` in front is
    /// accepted when it names this service.
    public func action(named name: String) -> IAMAction? {
        var actionName = Substring(name)
        if let colon = name.firstIndex(of: ":") {
            guard name[..<colon].lowercased() == storage.prefixKey else { return nil }
            actionName = name[name.index(after: colon)...]
        }
        return storage.actionTable.index(of: actionName.lowercased()).map { storage.actions[$0] }
    }

    /// The index in `actions` of the action an entry names, as `action(named: name.action)` finds it, from the
    /// key the entry already holds.
    func actionIndex(_ name: ActionName) -> Int? {
        if name.actionHasColon {
            guard let found = action(named: String(name.action)) else { return nil }
            return storage.actionTable.index(of: found.name.lowercased())
        }
        return name.withActionKey { key, lowerASCII in
            storage.actionTable.index(of: key, hash: name.actionKeyHash, lowerASCII: lowerASCII)
        }
    }

    /// The action an entry names, as `action(named: name.action)` finds it.
    func action(_ name: ActionName) -> IAMAction? {
        actionIndex(name).map { storage.actions[$0] }
    }

    /// The action at `index` (from `actionIndex`).
    func action(at index: Int) -> IAMAction {
        storage.actions[index]
    }

    /// Whether the action at `index` (from `actionIndex`) can be scoped to resources, without copying it out.
    func actionHasResourceTypes(at index: Int) -> Bool {
        storage.actionHasResources[index]
    }

    /// The actions an IAM wildcard pattern matches (`Describe*`, `Batch?etImage`), ignoring case,
    /// in catalog order. A `prefix:` in front (itself may hold wildcards) must match this service.
    public func actions(matching pattern: String) -> [IAMAction] {
        var actionPattern = Substring(pattern)
        if let colon = pattern.firstIndex(of: ":") {
            guard IAMNamePattern(glob: pattern[..<colon]).matches(prefix) else { return [] }
            actionPattern = pattern[pattern.index(after: colon)...]
        }
        let compiled = IAMNamePattern(glob: actionPattern)
        if compiled.isLiteral {
            return action(named: String(actionPattern)).map { [$0] } ?? []
        }
        return storage.actions.filter { compiled.matches(folded: $0.foldedName) }
    }

    /// The resource type with this name, ignoring case.
    public func resourceType(named name: String) -> IAMResourceType? {
        storage.resourceIndex[name.lowercased()].map { storage.resourceTypes[$0] }
    }

    /// The condition key with this name, ignoring case; a concrete key such as
    /// `ecr:ResourceTag/Env` finds its template `ecr:ResourceTag/${TagKey}`.
    public func conditionKey(_ name: String) -> IAMConditionKey? {
        storage.conditionKeyIndex.lookup(name)
    }

    private static func index(_ names: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() where index[name.lowercased()] == nil {
            index[name.lowercased()] = offset
        }
        return index
    }
}

/// Case-insensitive lookup of condition keys, exact names first, then `${...}` templates.
struct IAMConditionKeyIndex: Sendable {
    private let keys: [IAMConditionKey]
    private let exact: [String: Int]
    private let templates: [(pattern: IAMNamePattern, offset: Int)]

    init(_ keys: [IAMConditionKey]) {
        self.keys = keys
        var exact: [String: Int] = [:]
        var templates: [(IAMNamePattern, Int)] = []
        for (offset, key) in keys.enumerated() {
            if exact[key.name.lowercased()] == nil { exact[key.name.lowercased()] = offset }
            if key.isTemplate { templates.append((IAMNamePattern(template: key.name), offset)) }
        }
        self.exact = exact
        self.templates = templates
    }

    func lookup(_ name: String) -> IAMConditionKey? {
        if let offset = exact[name.lowercased()] { return keys[offset] }
        let folded = IAMNamePattern.fold(name)
        return templates.first { $0.pattern.matches(folded: folded) }.map { keys[$0.offset] }
    }
}

/// A compiled name pattern: IAM wildcards (`*` any run, `?` one character) or `${...}`
/// placeholders (one or more characters). Matching ignores case and needs no regex.
struct IAMNamePattern: Sendable {
    enum Token: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case anyOne
        case anyRun
    }

    let tokens: [Token]

    /// `*` matches any run of characters (also none), `?` exactly one.
    init(glob: some StringProtocol) {
        var tokens: [Token] = []
        for scalar in Self.fold(glob) {
            switch scalar {
            case "*": if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?": tokens.append(.anyOne)
            default: tokens.append(.scalar(scalar))
            }
        }
        self.tokens = tokens
    }

    /// Each `${...}` matches one or more characters; everything else is literal.
    init(template: some StringProtocol) {
        let scalars = Self.fold(template)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = scalars[(index + 2)...].firstIndex(of: "}") {
                tokens.append(.anyOne)
                tokens.append(.anyRun)
                index = close + 1
            } else {
                tokens.append(.scalar(scalars[index]))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// Whether the pattern holds no wildcard at all.
    var isLiteral: Bool {
        tokens.allSatisfy { if case .scalar = $0 { true } else { false } }
    }

    func matches(_ candidate: some StringProtocol) -> Bool {
        matches(folded: Self.fold(candidate))
    }

    /// Matches an already folded candidate: iterative, backtracking only to the last `*`,
    /// so it runs in O(pattern × candidate) at worst.
    func matches(folded candidate: [Unicode.Scalar]) -> Bool {
        var p = 0
        var c = 0
        var starP = -1
        var starC = 0
        while c < candidate.count {
            if p < tokens.count {
                switch tokens[p] {
                case .anyRun:
                    starP = p
                    starC = c
                    p += 1
                    continue
                case .anyOne:
                    p += 1
                    c += 1
                    continue
                case .scalar(let scalar) where scalar == candidate[c]:
                    p += 1
                    c += 1
                    continue
                case .scalar:
                    break
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starC += 1
            c = starC
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }

    static func fold(_ text: some StringProtocol) -> [Unicode.Scalar] {
        Array(text.lowercased().unicodeScalars)
    }
}
