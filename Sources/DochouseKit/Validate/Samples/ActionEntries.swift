/// The IAM action names a sample states, wherever it states them, each with its position: the `Action` and
/// `NotAction` entries of a policy, the items of an action list, the `additionalRolePolicies` items of a
/// configuration. Catalog rules (unknown service, unknown action, wildcards, duplicates) read this one list,
/// so they behave the same for every kind of sample.
public struct ActionEntry: Sendable, Hashable {
    public var text: String
    public var position: SamplePosition
    /// The statement it belongs to (policies only).
    public var statementIndex: Int?
    /// True for `NotAction` entries.
    public var isNotAction: Bool
}

extension Sample {
    /// Configuration keys whose items are IAM actions.
    static let actionListKeys: Set<String> = ["additionalRolePolicies"]

    public var actionEntries: [ActionEntry] {
        cachedActionEntries ?? computeActionEntries()
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
