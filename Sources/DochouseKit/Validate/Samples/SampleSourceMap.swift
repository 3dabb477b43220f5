import Foundation

/// Projects positions inside a code block's text onto its Markdown file.
///
/// A block's literal line k is file line `firstLine + k - 1` (cmark normalises CRLF, and containers such as
/// list items and block quotes only add a prefix). Each literal line is a suffix of its source line once that
/// prefix (quote markers, list indentation, fence indentation) is removed, so the prefix length is measured per
/// line rather than assumed. Every rule reports sample positions; only this type turns them into file positions.
public struct SampleSourceMap: Sendable, Hashable {
    public let file: SourceFile
    public let firstLine: Int
    /// The sample's text, to measure each line's prefix when a position on it is asked for.
    private let literal: String
    /// Used when a line's prefix cannot be measured (a tab that cmark expanded, say).
    private let fallbackPrefix: Int
    public let fenceLine: Int
    private let info: String
    private let blockColumn: Int
    private let isFenced: Bool

    public init(file: SourceFile, block: CodeBlock) {
        self.file = file
        self.firstLine = block.firstContentLine
        self.fenceLine = block.isFenced ? block.firstContentLine - 1 : block.firstContentLine
        self.literal = block.literal
        self.fallbackPrefix = max(0, block.location.column - 1) + block.fenceIndent
        self.info = block.info
        self.blockColumn = block.location.column
        self.isFenced = block.isFenced
    }

    /// Character column of the fence's info string on the opening fence line (for annotation findings).
    public var infoColumn: Int {
        let fence = file.line(fenceLine)
        guard isFenced, !info.isEmpty, let range = fence.range(of: info) else { return blockColumn }
        return fence[..<range.lowerBound].unicodeScalars.count + 1
    }

    /// Characters before the sample's text on its 1-based line `number`, measured only when asked for:
    /// most samples have no finding, so most lines are never measured.
    private func prefix(ofLine number: Int) -> Int {
        // On contiguous bytes (native strings always are): walking String.UTF8View index by index was most of
        // the cost of reporting a finding. The walk and the answer are the same as `measuredPrefix`'s.
        let source = file.line(firstLine + number - 1)
        let measured: Int?? = literal.utf8.withContiguousStorageIfAvailable { literal -> Int? in
            let onBytes: Int?? = source.utf8.withContiguousStorageIfAvailable { source in
                Self.prefix(ofLine: number, literal: literal, source: source)
            }
            return onBytes ?? nil
        }
        return (measured ?? nil) ?? measuredPrefix(ofLine: number)
    }

    private static func prefix(ofLine number: Int, literal: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = literal.baseAddress else { return nil }
        /// The offset of the next line feed at or after `start` (memchr: the lines are found a word at a time).
        func lineFeed(from start: Int) -> Int? {
            guard start < literal.count, let found = memchr(base + start, 0x0A, literal.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        var lineStart = 0
        for _ in 1..<max(1, number) {
            guard let feed = lineFeed(from: lineStart) else { return nil }
            lineStart = feed + 1
        }
        let lineEnd = lineFeed(from: lineStart) ?? literal.count
        let length = lineEnd - lineStart
        guard length > 0, source.count >= length,
              literal[lineStart..<lineEnd].elementsEqual(source[(source.count - length)...]) else { return nil }
        var characters = 0
        for byte in source[..<(source.count - length)] where byte & 0xC0 != 0x80 { characters += 1 }
        return characters
    }

    private func measuredPrefix(ofLine number: Int) -> Int {
        var lineStart = literal.utf8.startIndex
        var remaining = number - 1
        if remaining > 0 {
            for index in literal.utf8.indices where literal.utf8[index] == UInt8(ascii: "\n") {
                remaining -= 1
                if remaining == 0 { lineStart = literal.utf8.index(after: index); break }
            }
            if remaining > 0 { return fallbackPrefix }
        }
        let lineEnd = literal.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? literal.utf8.endIndex
        let literalLine = literal.utf8[lineStart..<lineEnd]
        let source = file.line(firstLine + number - 1).utf8
        guard !literalLine.isEmpty, source.count >= literalLine.count,
              source.suffix(literalLine.count).elementsEqual(literalLine) else { return fallbackPrefix }
        return source.prefix(source.count - literalLine.count).reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The file location of a 1-based line and character column of the sample.
    public func location(_ position: SamplePosition) -> SourceLocation {
        let line = max(1, position.line)
        return file.location(line: firstLine + line - 1, column: prefix(ofLine: line) + max(1, position.column))
    }

    /// The location of a character offset into the fence's info string (0 = its first character).
    public func infoLocation(offset: Int = 0) -> SourceLocation {
        file.location(line: fenceLine, column: infoColumn + offset)
    }
}
