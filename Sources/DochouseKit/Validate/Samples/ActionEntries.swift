/// The IAM action names a sample states, wherever it states them, each with its position: the `Action` and
/// `NotAction` entries of a policy, the items of an action list, the `additionalRolePolicies` items of a
/// configuration. Catalog rules (unknown service, unknown action, wildcards, duplicates) read this one list,
/// so they behave the same for every kind of sample.
///
/// Each entry is read once, when the sample is read: split at its colon, lowercased, checked for wildcards. The
/// catalog rules then look its names up without splitting or lowercasing them again.
public struct ActionEntry: Sendable, Hashable {
    public var text: String
    public var position: SamplePosition
    /// The statement it belongs to (policies only).
    public var statementIndex: Int?
    /// True for `NotAction` entries.
    public var isNotAction: Bool
    /// `text` split at its first colon, as `IAMRuleSupport.splitAction` splits it; nil when it is not shaped
    /// `service:Action` (and for `*`).
    let name: ActionName?
    /// Whether `text` holds an IAM wildcard (`*` or `?`).
    let hasWildcard: Bool
    /// `text` lowercased: action names ignore case, so duplicates and cached expansions compare this.
    let folded: String

    init(text: String, position: SamplePosition, statementIndex: Int?, isNotAction: Bool) {
        self.text = text
        self.position = position
        self.statementIndex = statementIndex
        self.isNotAction = isNotAction
        self.name = ActionName(text)
        self.hasWildcard = IAMRuleSupport.hasWildcard(text)
        self.folded = IAMNameFolding.fold(text)
    }
}

/// The two sides of `service:Action`, as written and lowercased (the catalog's keys).
struct ActionName: Sendable, Hashable {
    var service: String
    var action: String
    var serviceKey: String
    var actionKey: String
    /// True when the action side holds a colon too (`ecr:ecr:BatchGetImage`), which `IAMService.action(named:)`
    /// reads as a prefix of its own: lookups then go through that reading.
    var actionHasColon: Bool

    init?(_ text: String) {
        guard let (service, action) = IAMRuleSupport.splitAction(text) else { return nil }
        self.service = service
        self.action = action
        self.serviceKey = IAMNameFolding.fold(service)
        self.actionKey = IAMNameFolding.fold(action)
        self.actionHasColon = action.utf8.contains(UInt8(ascii: ":"))
    }
}

/// Lowercasing for names, as `String.lowercased()` does it, without a new string when there is nothing to lower
/// (most service prefixes) and without Unicode tables for ASCII.
enum IAMNameFolding {
    static func fold(_ text: String) -> String {
        var ascii = true
        var upper = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper = true }
        }
        guard ascii else { return text.lowercased() }
        guard upper else { return text }
        let utf8 = text.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var index = 0
            for byte in utf8 {
                buffer[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
    }
}

extension Sample {
    /// Configuration keys whose items are IAM actions.
    static let actionListKeys: Set<String> = ["additionalRolePolicies"]

    public var actionEntries: [ActionEntry] {
        cachedActionEntries ?? computeActionEntries()
    }

    /// A policy's entries statement by statement: one slice for each statement that states any (its `Action`,
    /// or else its `NotAction`), in the order of the statements. The same lists as `IAMStatement.actionEntries`.
    func forEachStatementsEntries(_ body: (ArraySlice<ActionEntry>) -> Void) {
        guard case .iamPolicy = kind, policy != nil else { return }
        let entries = actionEntries
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].statementIndex == entries[start].statementIndex { end += 1 }
            body(entries[start..<end])
            start = end
        }
    }

    func computeActionEntries() -> [ActionEntry] {
        switch kind {
        case .iamPolicy:
            guard let policy else { return [] }
            var entries: [ActionEntry] = []
            for (index, statement) in policy.statements.enumerated() {
                let isNot = statement.action == nil && statement.notAction != nil
                for entry in statement.actionEntries {
                    entries.append(ActionEntry(text: entry.text, position: entry.position, statementIndex: index, isNotAction: isNot))
                }
            }
            return entries
        case .actionList:
            if let items = value?.arrayValue {
                return items.compactMap { item in
                    item.stringValue.map { ActionEntry(text: $0, position: item.position, statementIndex: nil, isNotAction: false) }
                }
            }
            // Lines of text (one YAML string, or a non-YAML fence): one entry per line, at its first character.
            var entries: [ActionEntry] = []
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let leading = line.prefix(while: { $0 == " " || $0 == "\t" || $0 == "-" })
                let action = line.dropFirst(leading.count).trimming(charactersIn: " \t\r\"'")
                guard !action.isEmpty, !action.hasPrefix("#") else { continue }
                entries.append(ActionEntry(text: action, position: SamplePosition(line: offset + 1, column: leading.count + 1),
                                           statementIndex: nil, isNotAction: false))
            }
            return entries
        case .configuration:
            var entries: [ActionEntry] = []
            collect(in: value, into: &entries)
            return entries
        case .data:
            return []
        }
    }

    private func collect(in value: SampleValue?, into entries: inout [ActionEntry]) {
        guard let value else { return }
        switch value.kind {
        case .object(let members):
            for member in members {
                if Self.actionListKeys.contains(member.key), let items = member.value.arrayValue {
                    for item in items {
                        if let text = item.stringValue {
                            entries.append(ActionEntry(text: text, position: item.position, statementIndex: nil, isNotAction: false))
                        }
                    }
                } else {
                    collect(in: member.value, into: &entries)
                }
            }
        case .array(let items):
            for item in items { collect(in: item, into: &entries) }
        default:
            break
        }
    }
}
