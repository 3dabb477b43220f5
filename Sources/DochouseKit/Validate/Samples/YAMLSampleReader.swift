import Yams

/// A YAML problem in a sample, at a position of the sample's text.
struct YAMLSampleError: Error, Sendable, Equatable {
    var position: SamplePosition
    var message: String
    /// True when the document is too large once aliases are expanded (an alias bomb).
    var isExpansionLimit = false
}

/// Reads a YAML sample into a `SampleValue` tree with Yams' marks as positions.
///
/// Uses `compose` (aliases share storage) and expands into values under a node budget, so a billion-laughs
/// sample is refused instead of exhausting memory. Plain scalars keep their text and their YAML 1.1 reading
/// (`NO` is a boolean to YAML 1.1), so schema rules can say when YAML means something other than it looks.
enum YAMLSampleReader {
    static let defaultNodeBudget = 100_000

    static func read(_ text: String, nodeBudget: Int = defaultNodeBudget, maxDepth: Int = 512) -> Result<SampleValue?, YAMLSampleError> {
        let node: Node?
        switch YAMLComposer.compose(text) {
        case .failure(let error):
            return .failure(YAMLSampleError(position: SamplePosition(line: error.line, column: error.column), message: error.message,
                                            isExpansionLimit: error.isResourceLimit))
        case .success(let composed):
            node = composed
        }
        guard let node else { return .success(nil) }
        if let beyond = YAMLLimits.nodeBeyondBudget(node, maxNodes: nodeBudget) {
            return .failure(YAMLSampleError(position: position(beyond),
                                            message: "the YAML expands to more than \(nodeBudget) values through its aliases; refusing to expand it (an alias bomb?)",
                                            isExpansionLimit: true))
        }
        var budget = nodeBudget
        do {
            return .success(try convert(node, budget: &budget, depth: 0, maxDepth: maxDepth))
        } catch let error as YAMLSampleError {
            return .failure(error)
        } catch {
            return .failure(YAMLSampleError(position: SamplePosition(line: 1, column: 1), message: "\(error)"))
        }
    }

    private static func position(_ node: Node) -> SamplePosition {
        node.mark.map { SamplePosition(line: $0.line, column: $0.column) } ?? SamplePosition(line: 1, column: 1)
    }

    private static func convert(_ node: Node, budget: inout Int, depth: Int, maxDepth: Int) throws -> SampleValue {
        budget -= 1
        if budget < 0 {
            throw YAMLSampleError(position: position(node),
                                  message: "the YAML expands to more than \(defaultNodeBudget) values through its aliases; refusing to expand it (an alias bomb?)",
                                  isExpansionLimit: true)
        }
        if depth > maxDepth {
            throw YAMLSampleError(position: position(node), message: "the YAML nests deeper than \(maxDepth) levels", isExpansionLimit: true)
        }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, at: position(node))
        case .sequence(let sequence):
            var items: [SampleValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, budget: &budget, depth: depth + 1, maxDepth: maxDepth)) }
            return SampleValue(kind: .array(items), position: position(node))
        case .mapping(let mapping):
            var members: [SampleMember] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                members.append(SampleMember(key: keyText, keyPosition: position(key),
                                            value: try convert(value, budget: &budget, depth: depth + 1, maxDepth: maxDepth)))
            }
            return SampleValue(kind: .object(members), position: position(node))
        case .alias(let alias):
            return SampleValue(kind: .string("*\(alias.anchor.rawValue)"), position: position(node))
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, at position: SamplePosition) -> SampleValue {
        let style: ScalarStyle = switch scalar.style {
        case .singleQuoted: .yamlSingleQuoted
        case .doubleQuoted: .yamlDoubleQuoted
        case .literal: .yamlLiteral
        case .folded: .yamlFolded
        default: .yamlPlain
        }
        guard style == .yamlPlain else {
            return SampleValue(kind: .string(scalar.string), position: position, style: style)
        }
        let text = scalar.string
        let kind: SampleValue.Kind
        switch YAMLPlainScalar.meaning(of: text) {
        case .null: kind = .null
        case .bool: kind = .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
        case .number: kind = .number(text)
        case .string: kind = .string(text)
        }
        return SampleValue(kind: kind, position: position, style: .yamlPlain, plainText: text)
    }
}
