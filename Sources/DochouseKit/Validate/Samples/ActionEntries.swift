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
    /// `text` lowercased: action names ignore case, so duplicates and cached expansions compare this.
    let folded: String
    /// `IAMNameTable.hash` of `folded`: entries are compared by it first.
    let foldedHash: UInt64
    /// Whether `text` holds an IAM wildcard (`*` or `?`).
    let hasWildcard: Bool
    /// What is wrong with the entry's shape (`IAMActionFormatRule.problem`), or nil.
    let shapeProblem: ActionShapeProblem?
    /// Where `text` splits into `service:Action`; nil when it is not shaped so (see `name`).
    private let split: ActionSplit?

    init(text: String, position: SamplePosition, statementIndex: Int?, isNotAction: Bool) {
        self.text = text
        self.position = position
        self.statementIndex = statementIndex
        self.isNotAction = isNotAction
        (folded, foldedHash, hasWildcard, shapeProblem, split) = ActionSplit.read(text)
    }

    /// `text` split at its first colon, as `IAMRuleSupport.splitAction` splits it; nil when it is not shaped
    /// `service:Action` (and for `*`).
    var name: ActionName? {
        split.map { ActionName(text: text, folded: folded, split: $0) }
    }
}

/// Where an entry's text splits, and its lowercased keys: what the catalog rules need, computed once.
struct ActionSplit: Sendable, Hashable {
    /// The first colon's UTF-8 offset in the text and in its lowercased form (lowercasing maps no other character
    /// to a colon, and maps the text scalar by scalar, so the sides fold on their own: `folded` is
    /// `service.lowercased() + ":" + action.lowercased()`).
    var textColon: Int
    var foldedColon: Int
    /// True when the action side holds a colon too (`ecr:ecr:BatchGetImage`), which `IAMService.action(named:)`
    /// reads as a prefix of its own: lookups then go through that reading.
    var actionHasColon: Bool
    /// The service side lowercased: the catalog's key.
    var serviceKey: String
    /// `IAMNameTable.hash` of the action side lowercased.
    var actionKeyHash: UInt64

    /// An entry's text lowercased (and its hash), whether it holds a wildcard, and where it splits: one pass over
    /// the bytes, with Unicode tables only for text that is not ASCII. It splits as `IAMRuleSupport.splitAction`.
    static func read(_ text: String)
        -> (folded: String, foldedHash: UInt64, hasWildcard: Bool, shapeProblem: ActionShapeProblem?, split: ActionSplit?) {
        var contiguous = text
        let scan = contiguous.withUTF8(ByteScan.init)
        let folded = scan.ascii ? (scan.upper ? asciiLowercased(text) : text) : text.lowercased()
        var foldedHash = scan.foldedHash, actionHash = scan.actionHash
        let whitespace = scan.whitespace
            || (!scan.ascii && text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }))
        let problem = ActionShapeProblem(isStar: scan.isStar, whitespace: whitespace, colon: scan.colon, count: scan.count)
        guard let colon = scan.colon, colon > 0, colon < scan.count - 1, !whitespace else {
            return (folded, scan.ascii ? foldedHash : IAMNameTable.hash(folded.utf8), scan.wildcard, problem, nil)
        }
        var foldedColon = colon
        if !scan.ascii {
            // The hashes above are of the ASCII-lowered bytes; other text is hashed from its lowercased form.
            foldedColon = folded.utf8.firstIndex(of: UInt8(ascii: ":")).map {
                folded.utf8.distance(from: folded.utf8.startIndex, to: $0)
            } ?? colon
            foldedHash = IAMNameTable.hash(folded.utf8)
            actionHash = IAMNameTable.hash(folded.utf8.dropFirst(foldedColon + 1))
        }
        let serviceKey = String(Substring(folded.utf8.prefix(foldedColon)))
        return (folded, foldedHash, scan.wildcard, problem, ActionSplit(textColon: colon, foldedColon: foldedColon,
                                                               actionHasColon: scan.secondColon, serviceKey: serviceKey,
                                                               actionKeyHash: actionHash))
    }

    /// What one pass over an entry's UTF-8 finds.
    private struct ByteScan {
        var count: Int
        /// The text is `*`.
        var isStar: Bool
        var ascii = true, upper = false, wildcard = false, whitespace = false, secondColon = false
        var colon: Int?
        /// Hashes of the ASCII-lowered bytes (of the whole text, and of what follows the first colon).
        var foldedHash = IAMNameTable.offsetBasis, actionHash = IAMNameTable.offsetBasis

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            isStar = bytes.count == 1 && bytes[0] == UInt8(ascii: "*")
            // Locals, not stored properties, in the loop: they stay in registers.
            var ascii = true, upper = false, wildcard = false, whitespace = false, secondColon = false
            var colonAt = -1
            var foldedHash = IAMNameTable.offsetBasis, actionHash = IAMNameTable.offsetBasis
            for offset in 0..<bytes.count {
                var byte = bytes[offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    upper = true
                    byte |= 0x20
                } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
                    wildcard = true
                } else if byte == UInt8(ascii: ":") {
                    if colonAt < 0 { colonAt = offset } else { secondColon = true }
                } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    whitespace = true
                } else if byte >= 0x80 {
                    ascii = false
                }
                foldedHash = (foldedHash ^ UInt64(byte)) &* IAMNameTable.prime
                if colonAt >= 0 && offset > colonAt { actionHash = (actionHash ^ UInt64(byte)) &* IAMNameTable.prime }
            }
            self.ascii = ascii
            self.upper = upper
            self.wildcard = wildcard
            self.whitespace = whitespace
            self.secondColon = secondColon
            self.colon = colonAt >= 0 ? colonAt : nil
            self.foldedHash = foldedHash
            self.actionHash = actionHash
        }
    }

    /// ASCII text with its capitals lowered.
    private static func asciiLowercased(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }
}

/// What is wrong with the shape of an `Action` entry, in the order `IAMActionFormatRule` checks.
enum ActionShapeProblem: UInt8, Sendable, Hashable {
    case whitespace, noServicePrefix, emptyServicePrefix, noActionName

    /// `colon`: the first colon's UTF-8 offset; `count`: the text's UTF-8 length.
    init?(isStar: Bool, whitespace: Bool, colon: Int?, count: Int) {
        if isStar { return nil }
        if whitespace { self = .whitespace; return }
        guard let colon else { self = .noServicePrefix; return }
        if colon == 0 { self = .emptyServicePrefix; return }
        if colon == count - 1 { self = .noActionName; return }
        return nil
    }

    var message: String {
        switch self {
        case .whitespace: "contains whitespace"
        case .noServicePrefix: "has no service prefix"
        case .emptyServicePrefix: "has an empty service prefix"
        case .noActionName: "has no action name after the colon"
        }
    }
}

/// The two sides of an entry's `service:Action`, as written and lowercased (the catalog's keys).
struct ActionName {
    let text: String
    let folded: String
    let split: ActionSplit

    var service: Substring { Substring(text.utf8.prefix(split.textColon)) }
    var action: Substring { Substring(text.utf8.dropFirst(split.textColon + 1)) }
    var serviceKey: String { split.serviceKey }
    var actionKeyHash: UInt64 { split.actionKeyHash }
    var actionHasColon: Bool { split.actionHasColon }

    /// Calls `body` with the lowercased action side's UTF-8.
    func withActionKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var folded = self.folded
        let start = split.foldedColon + 1
        return folded.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[min(start, $0.count)...])) }
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
                let action = statement.action, notAction = action == nil ? statement.notAction : nil
                // The same list as `statement.actionEntries`, without building it.
                IAMStatement.forEachString(in: action ?? notAction) { text, position in
                    entries.append(ActionEntry(text: text, position: position, statementIndex: index, isNotAction: notAction != nil))
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
