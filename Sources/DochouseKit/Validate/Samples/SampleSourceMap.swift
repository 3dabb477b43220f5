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
    /// Byte offset into `literal.utf8` where each of its lines starts (`[0]` is 0; after a final line feed, the
    /// empty line there starts at the end): finding a line is an index, not a walk from the top per finding.
    private let literalLineStarts: [Int]
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
        self.literalLineStarts = Self.lineStarts(of: block.literal)
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

    /// Where each line of `text` starts, in UTF-8 bytes (line feeds found by memchr, a word at a time).
    private static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let feed = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        if found == nil {
            for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        return starts
    }

    /// Characters before the sample's text on its 1-based line `number`, measured only when asked for:
    /// most samples have no finding, so most lines are never measured.
    private func prefix(ofLine number: Int) -> Int {
        // On contiguous bytes (native strings always are): the line is found in the line table, the source line
        // by the file's. The answer is the same as `measuredPrefix`'s (a test holds them equal).
        guard number >= 1, number <= literalLineStarts.count else { return fallbackPrefix }
        let lineStart = literalLineStarts[number - 1]
        let lineEnd = number < literalLineStarts.count ? literalLineStarts[number] - 1 : literal.utf8.count
        guard lineEnd > lineStart, let sourceRange = file.lineByteRange(firstLine + number - 1) else { return fallbackPrefix }
        // .none: the bytes could not be read in place; .some(nil): the line does not end its source line.
        var measured: Int?? = nil
        _ = literal.utf8.withContiguousStorageIfAvailable { literal in
            _ = file.text.utf8.withContiguousStorageIfAvailable { text in
                measured = .some(Self.prefix(line: UnsafeBufferPointer(rebasing: literal[lineStart..<lineEnd]),
                                             source: UnsafeBufferPointer(rebasing: text[sourceRange])))
            }
        }
        guard let measured else { return measuredPrefix(ofLine: number) }
        return measured ?? fallbackPrefix
    }

    /// The characters of `source` before `line`, when `line` ends it; nil when it does not.
    private static func prefix(line: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = line.count
        guard length > 0, source.count >= length else { return nil }
        if let a = line.baseAddress, let b = source.baseAddress {
            guard memcmp(a, b + (source.count - length), length) == 0 else { return nil }
        }
        var characters = 0
        for byte in source[..<(source.count - length)] where byte & 0xC0 != 0x80 { characters += 1 }
        return characters
    }

    /// The prefix measured on `String.UTF8View` (for text that is not contiguous, and as the tests' reference).
    func measuredPrefix(ofLine number: Int) -> Int {
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
