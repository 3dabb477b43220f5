import Yams

/// Bounds on YAML input before a walk over it: aliases expand (`compose` shares their storage, a walk does not),
/// and nesting depth drives recursion in Yams and in our own builders.
enum YAMLLimits {
    /// The result of measuring a composed tree with aliases expanded.
    enum Measure: Equatable {
        case fits
        /// More than the allowed number of nodes (an alias bomb, or just a huge file).
        case tooManyNodes(limit: Int)
        /// Nested deeper than the allowed depth.
        case tooDeep(limit: Int, line: Int, column: Int)
    }

    /// Counts nodes as a naive walk would visit them (aliases expanded), without recursion, stopping at the
    /// first limit crossed. A 9-level, 9-wide alias bomb stops after `maxNodes` steps instead of 9^9.
    static func measure(_ root: Node, maxNodes: Int, maxDepth: Int) -> Measure {
        var stack: [(Node, Int)] = [(root, 1)]
        var visited = 0
        while let (node, depth) = stack.popLast() {
            visited += 1
            if visited > maxNodes { return .tooManyNodes(limit: maxNodes) }
            if depth > maxDepth {
                return .tooDeep(limit: maxDepth, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence):
                for child in sequence { stack.append((child, depth + 1)) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            }
        }
        return .fits
    }

    /// The node at which a walk with aliases expanded visits its `maxNodes + 1`-th value, or nil when the tree is
    /// smaller. Counting costs a few nanoseconds a node; building values for 100,000 nodes costs far more, so an
    /// alias bomb is refused by counting first.
    static func nodeBeyondBudget(_ root: Node, maxNodes: Int) -> Node? {
        var stack: [Node] = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            if visited > maxNodes { return node }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                // Values only, as `YAMLSampleReader` counts them (keys are scalars it reads as text).
                for (_, value) in mapping { stack.append(value) }
            }
        }
        return nil
    }

    /// A cheap upper estimate of the nesting depth of YAML text, read before composing it (Yams composes
    /// recursively, so 100,000 nested brackets would exhaust the stack). Counts indentation, `- ` and `? `
    /// chains at the start of a line, and open flow brackets; brackets inside scalars only make it larger.
    static func estimatedDepth(of text: String) -> Int {
        var deepest = 0
        var flow = 0
        var atLineStart = true
        var lineDepth = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                atLineStart = true
                lineDepth = 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if atLineStart { lineDepth += 1 }
            case UInt8(ascii: "-"), UInt8(ascii: "?"):
                if atLineStart { lineDepth += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                atLineStart = false
                flow += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                atLineStart = false
                flow = max(0, flow - 1)
            default:
                if atLineStart, previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") { lineDepth -= 1 }
                atLineStart = false
            }
            previous = byte
            deepest = max(deepest, lineDepth + flow)
        }
        return deepest
    }

    /// Where an alias is used as a mapping key (`*a : v`, `{*a: v}`), a flow collection is a key (`{[*a]: v}`,
    /// `[*a]: v`) or an explicit `? ` key appears, in a file that defines anchors; nil when there is none.
    ///
    /// Yams checks keys for duplicates while composing by hashing them, and hashing an aliased node walks it
    /// expanded: a bomb used as a key takes exponential time inside `compose` itself (7 levels: ~30 s), before
    /// any budget can apply. Real schemas never need such keys, so they are refused from the text. The content
    /// of block scalars (`description: |`, where Markdown such as `[ref]: url` lives) is skipped.
    static func aliasKey(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":")
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        // Without an anchor there is no alias.
        var hasAnchor = false
        for index in bytes.indices where bytes[index] == UInt8(ascii: "&") {
            if index + 1 < bytes.count, isNameByte(bytes[index + 1]) { hasAnchor = true; break }
        }
        guard hasAnchor else { return nil }

        /// Character column of a byte offset (computed only for the place reported).
        func column(_ offset: Int, lineStart: Int) -> Int {
            var count = 1
            for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        /// True when `offset` is followed (after blanks) by `:` and a blank, a line end or a flow indicator.
        func isFollowedByKeyColon(_ offset: Int) -> Bool {
            var next = offset
            while next < bytes.count, bytes[next] == space || bytes[next] == tab { next += 1 }
            guard next < bytes.count, bytes[next] == colon else { return false }
            let after = next + 1 < bytes.count ? bytes[next + 1] : newline
            return [space, tab, newline, UInt8(ascii: "\r"), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(after)
        }

        var openers: [(line: Int, lineStart: Int, offset: Int, startsLine: Bool)] = []
        var blockScalarIndent: Int?
        var line = 0
        var lineStart = 0
        while lineStart < bytes.count {
            line += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var index = lineStart
            while index < lineEnd, bytes[index] == space { index += 1 }
            let indent = index - lineStart
            let blank = index == lineEnd || bytes[index] == UInt8(ascii: "\r")
            if let parent = blockScalarIndent {
                if blank || indent > parent { continue }
                blockScalarIndent = nil
            }
            if blank || bytes[index] == UInt8(ascii: "#") { continue }

            // Sequence entries and explicit keys at the start of the line.
            while index + 1 < lineEnd, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == space {
                index += 2
                while index < lineEnd, bytes[index] == space { index += 1 }
            }
            if index < lineEnd, bytes[index] == UInt8(ascii: "?"),
               index + 1 == lineEnd || bytes[index + 1] == space || bytes[index + 1] == tab {
                return (line, column(index, lineStart: lineStart))
            }
            let tokenStart = index
            var lastToken = tokenStart
            while index < lineEnd {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#"), index > lineStart, bytes[index - 1] == space || bytes[index - 1] == tab { break }
                if byte != space && byte != tab && (index == lineStart || bytes[index - 1] == space || bytes[index - 1] == tab) {
                    lastToken = index
                }
                if byte == UInt8(ascii: "*"), index + 1 < lineEnd, isNameByte(bytes[index + 1]) {
                    // An alias starts a key at the line's first token or after `{`, `[`, `,` or `?`.
                    var previous = index - 1
                    while previous >= lineStart, bytes[previous] == space || bytes[previous] == tab { previous -= 1 }
                    let startsKey = index == tokenStart || (previous >= lineStart
                        && [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?")].contains(bytes[previous]))
                    var end = index + 1
                    while end < lineEnd, isNameByte(bytes[end]) { end += 1 }
                    // After an explicit `?` the alias is a key even without a `:` (`[? *a]` is `[{*a: null}]`).
                    let afterExplicitKey = previous >= lineStart && bytes[previous] == UInt8(ascii: "?")
                    if startsKey, afterExplicitKey || isFollowedByKeyColon(end) { return (line, column(index, lineStart: lineStart)) }
                    index = end
                    continue
                }
                // An explicit key inside a flow collection (`[? [*a]]`, `{? {b: *a}}`): its key may be any node.
                if byte == UInt8(ascii: "?"), !openers.isEmpty,
                   index + 1 >= lineEnd || bytes[index + 1] == space || bytes[index + 1] == tab {
                    return (line, column(index, lineStart: lineStart))
                }
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    openers.append((line, lineStart, index, index == tokenStart))
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"), let opener = openers.popLast() {
                    // A flow collection used as a key: nested (`{[*a]: 1}`) or opening a block line (`[*a]: 1`).
                    if (!openers.isEmpty || opener.startsLine), isFollowedByKeyColon(index + 1) {
                        return (opener.line, column(opener.offset, lineStart: opener.lineStart))
                    }
                }
                index += 1
            }
            // A block scalar header (`key: |`, `- >-`) outside flow collections: skip its content lines.
            if openers.isEmpty, lastToken < lineEnd, bytes[lastToken] == UInt8(ascii: "|") || bytes[lastToken] == UInt8(ascii: ">") {
                var end = lastToken + 1
                while end < lineEnd, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[end]) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) {
                    end += 1
                }
                var rest = end
                while rest < lineEnd, bytes[rest] == space || bytes[rest] == tab || bytes[rest] == UInt8(ascii: "\r") { rest += 1 }
                let commentOrEnd = rest == lineEnd || bytes[rest] == UInt8(ascii: "#")
                let afterIndicator = lastToken == tokenStart || (lastToken >= 2 && bytes[lastToken - 2] == colon)
                    || (lastToken >= 2 && bytes[lastToken - 2] == UInt8(ascii: "-"))
                if commentOrEnd, afterIndicator { blockScalarIndent = indent }
            }
        }
        return nil
    }
}
