/// A cursor over a template's characters (grapheme clusters, compared as Swift compares `Character`s, which is what
/// swift-mustache's parser reads), with the reads the template parser needs. Where a read fails it behaves as
/// swift-mustache's does, because the place a parse stops is where a syntax error is reported.
struct TemplateScanner {
    let characters: [Character]
    private(set) var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var reachedEnd: Bool { position == characters.count }

    /// The character at the cursor, or NUL at the end.
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    mutating func move(to position: Int) { self.position = position }

    /// Consumes `character` if it is next; at the end of the text this is an overflow.
    mutating func read(_ character: Character) throws(TemplateParseError) -> Bool {
        guard !reachedEnd else { throw .syntax(.overflow, at: position) }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    /// Consumes `string` if it comes next; an overflow when fewer characters are left than it has.
    mutating func read(string: [Character]) throws(TemplateParseError) -> Bool {
        guard !string.isEmpty else { return true }
        guard characters.count - position >= string.count else { throw .syntax(.overflow, at: position) }
        for offset in 0..<string.count where characters[position + offset] != string[offset] { return false }
        position += string.count
        return true
    }

    /// Consumes characters while `predicate` holds.
    @discardableResult
    mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Consumes characters up to the first for which `predicate` holds. Without one: the rest of the text, or, when
    /// `throwOnOverflow`, nothing (the cursor stays) and an overflow error.
    mutating func read(until predicate: (Character) -> Bool, throwOnOverflow: Bool) throws(TemplateParseError) -> ArraySlice<Character> {
        let start = position
        while position < characters.count {
            if predicate(characters[position]) { return characters[start..<position] }
            position += 1
        }
        if throwOnOverflow {
            position = start
            throw .syntax(.overflow, at: position)
        }
        return characters[start..<position]
    }

    /// Consumes text up to and including `terminator` (a comment's end), matching as swift-mustache does: a
    /// character that breaks a partial match restarts the match at the next character, not at itself.
    mutating func skip(through terminator: [Character]) throws(TemplateParseError) {
        guard !terminator.isEmpty else { return }
        let start = position
        var matched = 0
        while position < characters.count {
            if characters[position] == terminator[matched] {
                matched += 1
                if matched == terminator.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .syntax(.overflow, at: position)
    }

    /// Whether the rest of the line is blank: true at the end of the text, or when only spaces and tabs come before
    /// a line break, which is then consumed. (Blank to the end of the text without a line break does not count.)
    mutating func restOfLineIsBlank() -> Bool {
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    /// Line and column of `offset` as swift-mustache reports them: lines counted by line breaks of any kind before
    /// it, the column as the characters back to the previous `\n` plus one.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var column = 0
        var probe = offset
        while probe > 0 {
            probe -= 1
            if characters[probe] == "\n" { break }
            column += 1
        }
        let line = characters[..<offset].lazy.filter(\.isNewline).count + 1
        return (line, column + 1)
    }
}
