/// A place in a source file: the path as the user should see it, and a 1-based line and column.
///
/// Columns count Unicode characters (scalars), not bytes, so a caret under a Cyrillic line lands where an
/// editor puts its cursor.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A span in one file: where a finding starts and (optionally) ends.
public struct SourceRange: Sendable, Hashable, Codable {
    public var start: SourceLocation
    public var end: SourceLocation?

    public init(start: SourceLocation, end: SourceLocation? = nil) {
        self.start = start
        self.end = end
    }
}
