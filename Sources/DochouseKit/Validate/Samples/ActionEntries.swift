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
        let folded: String
        var lowered = scan
        if scan.ascii {
            folded = scan.upper ? asciiLowercased(text) : text
        } else {
            folded = text.lowercased()
            // The scan hashed ASCII-lowered bytes; other text is hashed (and split) from its lowercased form, the
            // bytes the catalog's keys are compared with.
            var contiguousFolded = folded
            lowered = contiguousFolded.withUTF8(ByteScan.init)
        }
        let whitespace = scan.whitespace
            || (!scan.ascii && text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }))
        let problem = ActionShapeProblem(isStar: scan.isStar, whitespace: whitespace, colon: scan.colon, count: scan.count)
        guard let colon = scan.colon, colon > 0, colon < scan.count - 1, !whitespace else {
            return (folded, lowered.foldedHash, scan.wildcard, problem, nil)
        }
        let foldedColon = lowered.colon ?? colon
        let serviceKey = String(Substring(folded.utf8.prefix(foldedColon)))
        return (folded, lowered.foldedHash, scan.wildcard, problem,
                ActionSplit(textColon: colon, foldedColon: foldedColon, actionHasColon: scan.secondColon,
                            serviceKey: serviceKey, actionKeyHash: lowered.actionHash))
    }

    /// What one pass over an entry's UTF-8 finds. The hashes are of the ASCII-lowered bytes: `actionHash` is
    /// `IAMNameTable.hash` of what follows the first colon (the catalog's key), `foldedHash` a hash of the whole.
    private struct ByteScan {
        var count: Int
        /// The text is `*`.
        var isStar: Bool
        var ascii: Bool, upper: Bool, wildcard: Bool, whitespace: Bool, secondColon: Bool
        var colon: Int?
        var foldedHash: UInt64, actionHash: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            isStar = bytes.count == 1 && bytes[0] == UInt8(ascii: "*")
            // Flags are or-ed in without branches (letters switch between cases unpredictably); locals stay in
            // registers. One hash runs over the bytes and restarts after the first colon.
            var high: UInt8 = 0, upperBits: UInt8 = 0, wildcardBits: UInt8 = 0, spaceBits: UInt8 = 0
            var colonAt = -1
            var second = false
            var hash = IAMNameTable.offsetBasis, serviceHash = IAMNameTable.offsetBasis
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: ":") {
                    if colonAt < 0 {
                        colonAt = offset
                        serviceHash = hash
                        hash = IAMNameTable.offsetBasis
                        continue
                    }
                    second = true
                }
                let upperBit: UInt8 = byte &- UInt8(ascii: "A") < 26 ? 0x20 : 0
                upperBits |= upperBit
                high |= byte & 0x80
                wildcardBits |= (byte == UInt8(ascii: "*") ? 1 : 0) | (byte == UInt8(ascii: "?") ? 1 : 0)
                spaceBits |= (byte == 0x20 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0)
                hash = (hash ^ UInt64(byte | upperBit)) &* IAMNameTable.prime
            }
            ascii = high == 0
            upper = upperBits != 0
            wildcard = wildcardBits != 0
            whitespace = spaceBits != 0
            secondColon = second
            if colonAt >= 0 {
                colon = colonAt
                actionHash = hash
                foldedHash = (serviceHash &* IAMNameTable.prime) ^ hash
            } else {
                colon = nil
                actionHash = hash
                foldedHash = hash
            }
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
