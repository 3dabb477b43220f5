/// The IAM action names a sample states, wherever it states them, each with its position: the `Action` and
/// `NotAction` entries of a policy, the items of an action list, the `additionalRolePolicies` items of a
/// configuration. Catalog rules (unknown service, unknown action, wildcards, duplicates) read this one list,
/// so they behave the same for every kind of sample.
///
/// Each entry is read once, when the sample is read, in one pass over its bytes: where it splits, the hashes of
/// its lowercased sides, wildcards, shape problems. The catalog rules then look its names up by those hashes
/// and its own bytes (compared ignoring ASCII case), without making lowercased strings.
public struct ActionEntry: Sendable, Hashable {
    public var text: String
    public var position: SamplePosition
    /// The statement it belongs to (policies only).
    public var statementIndex: Int?
    /// True for `NotAction` entries.
    public var isNotAction: Bool
    /// A hash of `folded`: entries are compared by it first.
    let foldedHash: UInt64
    /// Whether `text` holds an IAM wildcard (`*` or `?`).
    let hasWildcard: Bool
    /// What is wrong with the entry's shape (`IAMActionFormatRule.problem`), or nil.
    let shapeProblem: ActionShapeProblem?
    /// Where `text` splits into `service:Action`; nil when it is not shaped so (see `name`).
    private let split: ActionSplit?
    /// `text.lowercased()` when `text` is not ASCII (ASCII is lowered byte by byte where it is compared).
    private let nonASCIIFolded: String?

    init(text: String, position: SamplePosition, statementIndex: Int?, isNotAction: Bool) {
        self.text = text
        self.position = position
        self.statementIndex = statementIndex
        self.isNotAction = isNotAction
        (nonASCIIFolded, foldedHash, hasWildcard, shapeProblem, split) = ActionSplit.read(text)
    }

    /// `text` lowercased: action names ignore case, so duplicates and cached expansions compare this. Made when
    /// asked (duplicates ask only when the hashes match).
    var folded: String {
        nonASCIIFolded ?? ActionSplit.asciiLowercased(text)
    }

    /// `text` split at its first colon, as `IAMRuleSupport.splitAction` splits it; nil when it is not shaped
    /// `service:Action` (and for `*`).
    var name: ActionName? {
        split.map { ActionName(text: text, nonASCIIFolded: nonASCIIFolded, split: $0) }
    }
}

/// Where an entry's text splits, and the hashes of its lowercased sides: what the catalog rules need.
struct ActionSplit: Sendable, Hashable {
    /// The first colon's UTF-8 offset in the text and in its lowercased form (lowercasing maps no other character
    /// to a colon, and maps the text scalar by scalar, so the sides fold on their own: the lowercased text is
    /// `service.lowercased() + ":" + action.lowercased()`). The same offset for ASCII text.
    var textColon: Int
    var foldedColon: Int
    /// True when the action side holds a colon too (`ecr:ecr:BatchGetImage`), which `IAMService.action(named:)`
    /// reads as a prefix of its own: lookups then go through that reading.
    var actionHasColon: Bool
    /// `IAMNameTable.hash` of the service side and of the action side, lowercased.
    var serviceKeyHash: UInt64
    var actionKeyHash: UInt64

    /// An entry's lowercased text if it is not ASCII, a hash of the lowercased text, whether it holds a wildcard,
    /// its shape problem and where it splits: one pass over the bytes, with Unicode tables only for text that is
    /// not ASCII. It splits as `IAMRuleSupport.splitAction`.
    static func read(_ text: String)
        -> (nonASCIIFolded: String?, foldedHash: UInt64, hasWildcard: Bool, shapeProblem: ActionShapeProblem?, split: ActionSplit?) {
        var contiguous = text
        let scan = contiguous.withUTF8(ByteScan.init)
        var nonASCIIFolded: String?
        var lowered = scan
        if !scan.ascii {
            let folded = text.lowercased()
            nonASCIIFolded = folded
            // The scan hashed ASCII-lowered bytes; other text is hashed (and split) from its lowercased form, the
            // bytes the catalog's keys are compared with.
            var contiguousFolded = folded
            lowered = contiguousFolded.withUTF8(ByteScan.init)
        }
        let whitespace = scan.whitespace
            || (!scan.ascii && text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }))
        let problem = ActionShapeProblem(isStar: scan.isStar, whitespace: whitespace, colon: scan.colon, count: scan.count)
        guard let colon = scan.colon, colon > 0, colon < scan.count - 1, !whitespace else {
            return (nonASCIIFolded, lowered.foldedHash, scan.wildcard, problem, nil)
        }
        return (nonASCIIFolded, lowered.foldedHash, scan.wildcard, problem,
                ActionSplit(textColon: colon, foldedColon: lowered.colon ?? colon, actionHasColon: scan.secondColon,
                            serviceKeyHash: lowered.serviceHash, actionKeyHash: lowered.actionHash))
    }

    /// What one pass over an entry's UTF-8 finds. The hashes are `IAMNameTable.hash` of the ASCII-lowered bytes
    /// before the first colon and after it (the catalog's keys); `foldedHash` combines them.
    private struct ByteScan {
        var count: Int
        /// The text is `*`.
        var isStar: Bool
        var ascii: Bool, upper: Bool, wildcard: Bool, whitespace: Bool, secondColon: Bool
        var colon: Int?
        var foldedHash: UInt64, serviceHash: UInt64, actionHash: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            isStar = bytes.count == 1 && bytes[0] == UInt8(ascii: "*")
            // A table gives each byte's class bits: one load and one `or` a byte, no branches on letters (which
            // switch case unpredictably). One hash runs over the lowered bytes and restarts after the first colon.
            var flags: UInt8 = 0
            var colonAt = -1
            var second = false
            var hash = IAMNameTable.offsetBasis, before = IAMNameTable.offsetBasis
            Self.classes.withUnsafeBufferPointer { classes in
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    if byte == UInt8(ascii: ":") {
                        if colonAt < 0 {
                            colonAt = offset
                            before = hash
                            hash = IAMNameTable.offsetBasis
                            continue
                        }
                        second = true
                    }
                    let bits = classes[Int(byte)]
                    flags |= bits
                    hash = (hash ^ UInt64(byte | (bits & Self.capital))) &* IAMNameTable.prime
                }
            }
            ascii = flags & Self.high == 0
            upper = flags & Self.capital != 0
            wildcard = flags & Self.wildcardBit != 0
            whitespace = flags & Self.space != 0
            secondColon = second
            if colonAt >= 0 {
                colon = colonAt
                serviceHash = before
                actionHash = hash
                foldedHash = (before &* IAMNameTable.prime) ^ hash
            } else {
                colon = nil
                serviceHash = hash
                actionHash = hash
                foldedHash = hash
            }
        }

        /// Class bits of a byte: `capital` (0x20, so or-ing it lowers the letter), a wildcard, ASCII whitespace, and
        /// `high` for bytes of non-ASCII characters.
        static let capital: UInt8 = 0x20, wildcardBit: UInt8 = 0x01, space: UInt8 = 0x02, high: UInt8 = 0x80
        static let classes: [UInt8] = (0...255).map { (byte: UInt8) -> UInt8 in
            var bits: UInt8 = 0
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { bits |= capital }
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") { bits |= wildcardBit }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { bits |= space }
            if byte >= 0x80 { bits |= high }
            return bits
        }
    }

    /// ASCII text with its capitals lowered (the text itself when it has none).
    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    buffer[offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }
}

/// The two sides of an entry's `service:Action`, as written, and their lowercased keys for the catalog.
struct ActionName {
    let text: String
    let nonASCIIFolded: String?
    let split: ActionSplit

    var service: Substring { Substring(text.utf8.prefix(split.textColon)) }
    var action: Substring { Substring(text.utf8.dropFirst(split.textColon + 1)) }
    var serviceKeyHash: UInt64 { split.serviceKeyHash }
    var actionKeyHash: UInt64 { split.actionKeyHash }
    var actionHasColon: Bool { split.actionHasColon }

    /// Calls `body` with the service side's key bytes, and whether they must be lowered (ASCII) to compare.
    func withServiceKey<Result>(_ body: (UnsafeBufferPointer<UInt8>, _ lowerASCII: Bool) -> Result) -> Result {
        withKeyBytes { bytes, colon, lower in body(UnsafeBufferPointer(rebasing: bytes[..<min(colon, bytes.count)]), lower) }
    }

    /// Calls `body` with the action side's key bytes, and whether they must be lowered (ASCII) to compare.
    func withActionKey<Result>(_ body: (UnsafeBufferPointer<UInt8>, _ lowerASCII: Bool) -> Result) -> Result {
        withKeyBytes { bytes, colon, lower in body(UnsafeBufferPointer(rebasing: bytes[min(colon + 1, bytes.count)...]), lower) }
    }

    private func withKeyBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) -> Result) -> Result {
        if var folded = nonASCIIFolded {
            return folded.withUTF8 { body($0, split.foldedColon, false) }
        }
        var text = self.text
        return text.withUTF8 { body($0, split.textColon, true) }
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
            // Counted first, so the list is allocated once at its size (entries are large; growing copies them).
            var count = 0
            for statement in policy.statements {
                IAMStatement.forEachString(in: statement.action ?? statement.notAction) { _, _ in count += 1 }
            }
            entries.reserveCapacity(count)
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
