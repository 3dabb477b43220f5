/// Parses Mustache text into the compiled renderer's nodes, once, when the templates are loaded.
///
/// The rules are those swift-mustache's parser applies (its `Template+Parser.swift`), including where they differ
/// from the Mustache spec, because both renderers must give the same bytes: a line is blank-and-standalone only if
/// the tag is preceded on its line by spaces and tabs alone, and followed by spaces and tabs and a line break (or
/// is the very end of the text); after a section, the next line starts "standalone-capable" exactly when the
/// section's opening tag was standalone; a `{{` directly followed by a line break is dropped; spaces and tabs that
/// end the text without a line break are dropped; text breaks at `\n` and `\r\n`.
struct TemplateParser {
    private struct State {
        var sectionName: String?
        var newLine = true
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
    }

    private var scanner: TemplateScanner

    private init(_ text: String) {
        scanner = TemplateScanner(text)
    }

    /// The template's nodes, or why it cannot be compiled.
    static func parse(_ text: String) throws(TemplateParseError) -> CompiledTemplate {
        var parser = TemplateParser(text)
        return CompiledTemplate(nodes: try parser.parseNodes(State()))
    }

    /// Line and column of a syntax error's offset in `text`, as swift-mustache reports them.
    static func lineAndColumn(of offset: Int, in text: String) -> (line: Int, column: Int) {
        TemplateScanner(text).lineAndColumn(of: offset)
    }

    private mutating func parseNodes(_ initial: State) throws(TemplateParseError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<Character> = []

        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(Self.bytes(whitespaceBefore)))
                whitespaceBefore = []
            }
        }

        while !scanner.reachedEnd {
            if state.newLine {
                whitespaceBefore = scanner.read(while: { $0 == " " || $0 == "\t" })
            }
            let text = try readText(state)
            if scanner.current.isNewline {
                nodes.append(.text(Self.bytes(whitespaceBefore) + Self.bytes(text) + Array(String(scanner.current).utf8)))
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Self.bytes(whitespaceBefore) + Self.bytes(text)))
                whitespaceBefore = []
                state.newLine = false
            }
            if scanner.reachedEnd { break }

            var setNewLine = false
            switch scanner.current {
            case "#", "^":
                let inverted = scanner.current == "^"
                scanner.advance()
                let name = try readName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                var inner = state
                inner.sectionName = name
                if !setNewLine { inner.newLine = false }
                let body = try parseNodes(inner)
                nodes.append(inverted ? .invertedSection(TemplateName(name), body) : .section(TemplateName(name), body))

            case "/":
                scanner.advance()
                let position = scanner.position
                let name = try readName(state)
                guard name == state.sectionName else {
                    scanner.move(to: position)
                    throw .syntax(.sectionCloseNameIncorrect, at: position)
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes

            case "!":
                scanner.advance()
                try scanner.skip(through: state.endDelimiter)
                setNewLine = isStandalone(state)

            case "{":
                flushWhitespace()
                scanner.advance()
                let name = try readName(state)
                guard try scanner.read("}") else { throw .syntax(.unfinishedName, at: scanner.position) }
                nodes.append(.unescapedVariable(TemplateName(name)))

            case "&":
                flushWhitespace()
                scanner.advance()
                nodes.append(.unescapedVariable(TemplateName(try readName(state))))

            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                if scanner.current == "*" { throw .unsupported("dynamic partial {{>*name}}") }
                let name = try readPartialName(state)
                let indentation = Self.bytes(whitespaceBefore)
                if !whitespaceBefore.isEmpty { nodes.append(.text(indentation)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: indentation))
                } else {
                    nodes.append(.partial(name: name, indentation: nil))
                }
                whitespaceBefore = []

            case "<": throw .unsupported("template inheritance {{<parent}}")
            case "$": throw .unsupported("block {{$name}}")
            case "%": throw .unsupported("pragma {{%...}}")

            case "=":
                scanner.advance()
                try readDelimiters(&state)
                setNewLine = isStandalone(state)

            default:
                flushWhitespace()
                nodes.append(.variable(TemplateName(try readName(state))))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .syntax(.expectedSectionEnd, at: scanner.position) }
        return nodes
    }

    /// Text up to the next line break (left unread) or start delimiter (read), whichever comes first.
    private mutating func readText(_ state: State) throws(TemplateParseError) -> [Character] {
        let delimiterStart = state.startDelimiter[0]
        var text: [Character] = []
        while !scanner.reachedEnd {
            text += try scanner.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == delimiterStart }, throwOnOverflow: false)
            if scanner.current.isNewline {
                break
            } else if scanner.current == delimiterStart {
                if try scanner.read(string: state.startDelimiter) { break }
                text.append(delimiterStart)
                scanner.advance()
            }
        }
        return text
    }

    /// A tag's name and its end delimiter. A name with parentheses applies transforms, which only swift-mustache does.
    private mutating func readName(_ state: State) throws(TemplateParseError) -> String {
        scanner.read(while: \.isWhitespace)
        let name = scanner.read(while: { Self.nameCharacters.contains($0) })
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw .syntax(.unfinishedName, at: scanner.position) }
        if name.contains("(") || name.contains(")") { throw .unsupported("transform \(String(name))") }
        return String(name)
    }

    private mutating func readPartialName(_ state: State) throws(TemplateParseError) -> String {
        scanner.read(while: \.isWhitespace)
        let name = scanner.read(while: { Self.partialNameCharacters.contains($0) })
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw .syntax(.unfinishedName, at: scanner.position) }
        return String(name)
    }

    /// `{{=<% %>=}}`: the new start and end delimiters.
    private mutating func readDelimiters(_ state: inout State) throws(TemplateParseError) {
        let start: ArraySlice<Character>, end: ArraySlice<Character>
        do {
            scanner.read(while: \.isWhitespace)
            start = try scanner.read(until: \.isWhitespace, throwOnOverflow: true)
            scanner.read(while: \.isWhitespace)
            end = try scanner.read(until: { $0 == "=" || $0.isWhitespace }, throwOnOverflow: true)
            scanner.read(while: \.isWhitespace)
        } catch {
            throw .syntax(.invalidSetDelimiter, at: scanner.position)
        }
        guard try scanner.read("="), try scanner.read(string: state.endDelimiter) else {
            throw .syntax(.invalidSetDelimiter, at: scanner.position)
        }
        guard !start.isEmpty, !end.isEmpty else { throw .syntax(.invalidSetDelimiter, at: scanner.position) }
        state.startDelimiter = Array(start)
        state.endDelimiter = Array(end)
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && scanner.restOfLineIsBlank()
    }

    private static func bytes(_ characters: some Sequence<Character>) -> [UInt8] {
        Array(String(characters).utf8)
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
