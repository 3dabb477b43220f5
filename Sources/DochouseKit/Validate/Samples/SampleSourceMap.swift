/// Projects positions inside a code block's text onto its Markdown file.
///
/// A block's literal line k is file line `firstLine + k - 1` (cmark normalises CRLF, and containers such as
/// list items and block quotes only add a prefix). Each literal line is a suffix of its source line once that
/// prefix (quote markers, list indentation, fence indentation) is removed, so the prefix length is measured per
/// line rather than assumed. Every rule reports sample positions; only this type turns them into file positions.
public struct SampleSourceMap: Sendable, Hashable {
    public let file: SourceFile
    public let firstLine: Int
    /// Characters before the sample's text on each of its lines.
    private let prefixes: [Int]
    /// Character column of the fence's info string on the opening fence line (for annotation findings).
    public let infoColumn: Int
    public let fenceLine: Int

    public init(file: SourceFile, block: CodeBlock) {
        self.file = file
        self.firstLine = block.firstContentLine
        self.fenceLine = block.isFenced ? block.firstContentLine - 1 : block.firstContentLine
        var prefixes: [Int] = []
        let lines = block.literal.split(separator: "\n", omittingEmptySubsequences: false)
        let fallback = max(0, block.location.column - 1)
        for (offset, literalLine) in lines.enumerated() {
            let source = file.line(block.firstContentLine + offset)
            if !literalLine.isEmpty, source.hasSuffix(literalLine) {
                let prefixBytes = source.utf8.count - literalLine.utf8.count
                let prefix = source.utf8.prefix(prefixBytes)
                prefixes.append(prefix.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) })
            } else {
                prefixes.append(fallback + block.fenceIndent)
            }
        }
        self.prefixes = prefixes
        let fence = file.line(fenceLine)
        if block.isFenced, !block.info.isEmpty, let range = fence.range(of: block.info) {
            self.infoColumn = fence[..<range.lowerBound].unicodeScalars.count + 1
        } else {
            self.infoColumn = block.location.column
        }
    }

    /// The file location of a 1-based line and character column of the sample.
    public func location(_ position: SamplePosition) -> SourceLocation {
        let index = max(0, min(position.line - 1, prefixes.count - 1))
        let prefix = prefixes.isEmpty ? 0 : prefixes[index]
        return file.location(line: firstLine + max(0, position.line - 1), column: prefix + max(1, position.column))
    }

    /// The location of a character offset into the fence's info string (0 = its first character).
    public func infoLocation(offset: Int = 0) -> SourceLocation {
        file.location(line: fenceLine, column: infoColumn + offset)
    }
}
