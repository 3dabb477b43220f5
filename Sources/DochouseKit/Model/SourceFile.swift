import Foundation

/// The text of one input file and the path under which findings name it.
///
/// It converts the byte columns that cmark and the samples' readers produce into the character columns
/// a person sees, so no rule ever computes a position by hand.
public struct SourceFile: Sendable, Hashable {
    /// The path as printed in diagnostics (relative to the working directory when possible).
    public let displayPath: String
    public let text: String
    /// Byte offset (into `text.utf8`) of the start of each line; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    public init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
        var starts = [0]
        // memchr finds the line feeds a word at a time; a byte loop over String.UTF8View was ~5% of checking
        // a policy sample in bench-policies.
        var contiguous = text
        contiguous.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text from the start of a 1-based line to the end of the file.
    public func text(fromLine number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])...]
    }

    /// The text of a 1-based line without its line break (and without a trailing `\r`).
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// The byte offsets (into `text.utf8`) of a 1-based line without its line break (and without a trailing
    /// `\r`): the bytes of `line(number)`, for readers that work on bytes. Nil for a line the file does not have.
    func lineByteRange(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count
        if end > start, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// A location from a 1-based line and 1-based byte column (as cmark reports them).
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    /// A location from a 1-based line and 1-based character column.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }

    /// A location from a byte offset into the whole text.
    public func location(byteOffset: Int) -> SourceLocation {
        let clamped = max(0, min(byteOffset, text.utf8.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return location(line: low + 1, byteColumn: clamped - lineStarts[low] + 1)
    }

    /// Converts a byte column on a line into a character column, counting Unicode scalars.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1 else { return max(byteColumn, 1) }
        let bytes = Array(self.line(line).utf8.prefix(byteColumn - 1))
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        // Past the end of the line (a position on the line break): count the missing bytes as characters.
        return count + 1 + max(0, byteColumn - 1 - bytes.count)
    }
}

extension SourceFile {
    /// The file at `path` as text, for quoting lines in findings: nil when it is not a regular file, is larger
    /// than `maxBytes` (a page refused for its size is not read to quote its first line) or is not UTF-8.
    public static func read(atPath path: String, maxBytes: Int = ContentLimits.default.maxPageBytes) -> SourceFile? {
        guard case .success(let bytes) = ContentLoader.readFile(path, maxBytes: maxBytes),
              case .success(let text) = UTF8Decoder.decode(bytes) else { return nil }
        return SourceFile(displayPath: path, text: text)
    }
}
