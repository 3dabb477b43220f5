import Yams

/// The front matter of a page: its values, where each key stands, and where the Markdown body begins.
struct FrontMatter: Sendable {
    var values: [String: FrontMatterValue]
    var keyLocations: [String: SourceLocation]
    /// Location of the opening `---`, for findings about the front matter as a whole.
    var location: SourceLocation
    /// Number of lines the front matter block takes, closing delimiter included.
    var lineCount: Int
}

/// Splits a page into its YAML front matter and its Markdown body.
enum FrontMatterParser {
    enum Outcome {
        /// A page with no front matter at all.
        case absent
        case parsed(FrontMatter)
        case failed(Diagnostic)
    }

    /// `allowPlainReader: false` always composes with Yams (the tests compare the two readings).
    static func parse(_ file: SourceFile, allowPlainReader: Bool = true) -> Outcome {
        guard isDelimiter(file.line(1), allowDots: false) else { return .absent }
        var closing: Int?
        var line = 2
        while line <= file.lineCount {
            if isDelimiter(file.line(line), allowDots: true) { closing = line; break }
            line += 1
        }
        guard let closing else {
            return .failed(Diagnostic(rule: BuildRules.frontMatterUnterminated,
                                      message: "front matter starts here but no `---` line closes it",
                                      at: file.location(line: 1, column: 1),
                                      suggestion: "add a line `---` after the last front matter key"))
        }
        if allowPlainReader, let plain = FrontMatterLines.read(file, lines: 2..<closing) {
            return .parsed(plain)
        }
        let yaml = (2..<closing).map { String(file.line($0)) }.joined(separator: "\n")
        let node: Node?
        switch YAMLComposer.compose(yaml, lineOffset: 1) {
        case .success(let composed): node = composed
        case .failure(let error):
            return .failed(Diagnostic(rule: BuildRules.frontMatterSyntax,
                                      message: "front matter is not valid YAML: \(error.message)",
                                      at: file.location(line: error.line, column: error.column)))
        }
        let start = file.location(line: 1, column: 1)
        guard let node else {
            return .parsed(FrontMatter(values: [:], keyLocations: [:], location: start, lineCount: closing))
        }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark.map { file.location(line: $0.line + 1, column: $0.column) } ?? start
            return .failed(Diagnostic(rule: BuildRules.frontMatterNotMapping,
                                      message: "front matter must be a mapping of keys to values, like `title: ...`",
                                      at: mark))
        }
        var values: [String: FrontMatterValue] = [:]
        var locations: [String: SourceLocation] = [:]
        var budget = 10_000
        for (key, value) in mapping {
            guard let name = key.scalarText else { continue }
            values[name] = convert(value, budget: &budget)
            if let mark = key.mark { locations[name] = file.location(line: mark.line + 1, column: mark.column) }
        }
        return .parsed(FrontMatter(values: values, keyLocations: locations, location: start, lineCount: closing))
    }

    /// What a plain (unquoted) scalar means in front matter: null, a boolean, a number, or the text.
    static func plainValue(_ text: String) -> FrontMatterValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let number = Double(text), text.first.map({ $0.isNumber || $0 == "-" }) == true {
            return .number(number)
        }
        return .string(text)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace
        return trimmed == "---" || (allowDots && trimmed == "...")
    }

    /// Converts a node into a value, visiting at most `budget` nodes so aliases cannot blow it up.
    private static func convert(_ node: Node, budget: inout Int) -> FrontMatterValue {
        budget -= 1
        guard budget > 0 else { return .null }
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            return plainValue(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map { convert($0, budget: &budget) })
        case .mapping(let mapping):
            var map: [String: FrontMatterValue] = [:]
            for (k, v) in mapping { if let key = k.scalarText { map[key] = convert(v, budget: &budget) } }
            return .map(map)
        case .alias:
            return .null
        }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
