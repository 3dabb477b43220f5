import CmarkBridge
import Foundation

/// Checks of a schema's own sources that reference pages depend on: untranslated descriptions, overlay texts left
/// in English, and examples that break their own schema. Pure; walks the parameters a reference page shows.
enum SchemaSourceChecks {
    static let overlayMissingDescription = RuleDescriptor(
        id: "schema.overlay-missing-description", defaultSeverity: .warning,
        summary: "A schema node has a description, but the translation overlay gives none: the page shows it untranslated.")
    static let overlayNotTranslated = RuleDescriptor(
        id: "schema.overlay-not-translated", defaultSeverity: .warning,
        summary: "A text of a Russian overlay has no Cyrillic letter: it was copied and not translated.")
    static let exampleInvalid = RuleDescriptor(
        id: "schema.example-invalid", defaultSeverity: .error,
        summary: "An example of a schema (x-doc-example, x-doc-examples, example, x-examples) does not validate against its own node.")

    static let all: [RuleDescriptor] = [overlayMissingDescription, overlayNotTranslated, exampleInvalid]

    /// Languages written in Cyrillic, whose overlay texts must contain a Cyrillic letter.
    static let cyrillicLanguages: Set<String> = ["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"]

    static func check(_ schema: SchemaDocument, overlays: [SchemaOverlay]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, version) in schema.versions.enumerated() {
            diagnostics += examples(of: version, schema: schema)
            for overlay in overlays {
                diagnostics += missingDescriptions(of: version, index: index, schema: schema, overlay: overlay)
            }
        }
        for overlay in overlays where cyrillicLanguages.contains(overlay.language) {
            diagnostics += untranslatedTexts(of: overlay)
        }
        return SchemaLoader.deduplicated(diagnostics)
    }

    // MARK: - Untranslated descriptions

    private static func missingDescriptions(of version: SchemaVersion, index: Int, schema: SchemaDocument,
                                            overlay: SchemaOverlay) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported = Set<SourceLocation>()
        let versionNote = schema.versions.count > 1 ? " (API version \(version.apiVersion))" : ""
        func report(_ node: SchemaNode, _ what: String, _ texts: LocalizedTexts?) {
            guard let english = node.description, !english.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                  texts?.description == nil, reported.insert(node.location).inserted else { return }
            out.append(Diagnostic(rule: overlayMissingDescription,
                                  message: "\(what)\(versionNote) has a description, but the \(overlay.language) overlay gives none: the \(overlay.language) page shows it in English",
                                  at: node.location,
                                  suggestion: "add a description to \(overlay.source.displayPath)"))
        }
        report(version.root, "the resource", overlay.texts(version: index, path: []))
        for parameter in ReferenceParameterTree.flattened(ReferenceParameterTree.parameters(of: version.root)) {
            let texts = parameter.usesElementTexts ? overlay.elementTexts(version: index, path: parameter.textPath)
                : overlay.texts(version: index, path: parameter.textPath)
            report(parameter.node, "'\(parameter.displayPath)'", texts)
            // The items of an array of objects: their description joins the array's on the page.
            if parameter.name != nil, ReferenceParameterTree.isArrayLike(parameter.node), let items = parameter.node.items,
               ReferenceParameterTree.isObjectLike(items) {
                report(items, "the items of '\(parameter.displayPath)'", overlay.elementTexts(version: index, path: parameter.textPath))
            }
        }
        return out
    }

    // MARK: - Overlay texts left in English

    private static func untranslatedTexts(of overlay: SchemaOverlay) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen = Set<SourceLocation>()
        for version in overlay.versions {
            let all = Array(version.texts.values) + Array(version.elementTexts.values)
            for texts in all.sorted(by: { $0.location < $1.location }) where seen.insert(texts.location).inserted {
                // `x-doc-search` is not checked: search keywords are often the English terms users type.
                var candidates: [(String, String)] = []
                if let description = texts.description { candidates.append(("the description", description)) }
                for (value, text) in (texts.xEnumDescriptions ?? [:]).sorted(by: { $0.key < $1.key }) {
                    candidates.append(("the description of enum value '\(value)'", text))
                }
                for (what, text) in candidates where isUntranslated(text) {
                    out.append(Diagnostic(rule: overlayNotTranslated,
                                          message: "\(what) in the \(overlay.language) overlay has no Cyrillic letter: it looks untranslated",
                                          at: texts.location, suggestion: "translate it, or drop it to fall back to English"))
                }
            }
        }
        return out
    }

    /// True for a text with no Cyrillic letter, unless it is code or identifiers only: fewer than 3 letters outside
    /// backticks (inline code, fenced blocks) and link targets.
    static func isUntranslated(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: isCyrillicLetter) { return false }
        return proseLetterCount(text) >= 3
    }

    static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && ((0x0400...0x052F).contains(scalar.value) || (0x1C80...0x1C8F).contains(scalar.value)
            || (0x2DE0...0x2DFF).contains(scalar.value) || (0xA640...0xA69F).contains(scalar.value))
    }

    /// Letters outside backtick spans and outside the `(...)` target of a Markdown link.
    static func proseLetterCount(_ text: String) -> Int {
        var count = 0
        var inCode = false
        var inTarget = false
        var previous: Character?
        for character in text {
            defer { previous = character }
            if character == "`" { inCode.toggle(); continue }
            if inCode { continue }
            if inTarget {
                if character == ")" || character.isWhitespace { inTarget = false }
                continue
            }
            if character == "(", previous == "]" { inTarget = true; continue }
            if character.isLetter { count += 1 }
        }
        return count
    }

    // MARK: - Examples

    private static func examples(of version: SchemaVersion, schema: SchemaDocument) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let locator = SchemaExampleLocator(source: schema.source)
        // The resource's own examples are whole resources.
        out += check(version.root, name: nil, subject: nil, mode: .resource, locator: locator)
        for parameter in ReferenceParameterTree.flattened(ReferenceParameterTree.parameters(of: version.root)) {
            let name: String?
            switch parameter.role {
            case .property(let text): name = text
            case .element, .mapValue: name = nil
            }
            out += check(parameter.node, name: name, subject: parameter.displayPath, mode: .fragment, locator: locator)
            if parameter.name != nil, ReferenceParameterTree.isArrayLike(parameter.node), let items = parameter.node.items,
               ReferenceParameterTree.isObjectLike(items) {
                out += check(items, name: nil, subject: parameter.displayPath + "[]", mode: .fragment, locator: locator)
            }
        }
        return out
    }

    static let exampleKeywords = ["x-doc-examples", "x-doc-example", "example", "x-examples"]

    private static func check(_ node: SchemaNode, name: String?, subject: String?, mode: SchemaValidationMode,
                              locator: SchemaExampleLocator) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for keyword in exampleKeywords {
            let raw = keyword == "example" ? node.example : node.extensionValue(keyword)
            guard let raw else { continue }
            // The plural keywords hold a list of examples; the others one example.
            let listed = keyword == "x-doc-examples" || keyword == "x-examples"
            let values = listed ? (raw.arrayValue ?? [raw]) : [raw]
            let keyLocation = locator.keyLocation(of: keyword, in: node)
            for (offset, value) in values.enumerated() {
                let location = listed ? locator.itemLocation(offset, after: keyLocation) : keyLocation
                let what = (listed && values.count > 1 ? "item \(offset + 1) of \(keyword)" : keyword)
                    + (subject.map { " of '\($0)'" } ?? "")
                out += validate(value, node: node, name: name, mode: mode, keyword: what, location: location,
                                locator: locator)
            }
        }
        return out
    }

    private static func validate(_ value: SchemaValue, node: SchemaNode, name: String?, mode: SchemaValidationMode,
                                 keyword: String, location: SourceLocation, locator: SchemaExampleLocator) -> [Diagnostic] {
        // A string with a code fence is Markdown (as pages render it): check the YAML of its fences instead.
        if ReferenceParameterRenderer.isMarkdownExample(value), let text = value.stringValue, !node.types.contains(.string) {
            return fencedExamples(text, node: node, name: name, mode: mode, keyword: keyword, location: location,
                                  locator: locator)
        }
        let sample = sampleValue(value, at: SamplePosition(line: location.line, column: location.column), depth: 0)
        return SchemaValidator.validate(sample, against: node, mode: mode)
            .filter { $0.severity == .error }
            .map { violation in
                Diagnostic(rule: exampleInvalid, message: message(keyword, violation), at: location,
                           suggestion: violation.suggestion)
            }
    }

    private static func fencedExamples(_ text: String, node: SchemaNode, name: String?, mode: SchemaValidationMode,
                                       keyword: String, location: SourceLocation, locator: SchemaExampleLocator) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let block = locator.literalBlock(at: location)
        for fence in yamlFences(in: text) {
            // Where a line of the fence stands in the schema file, when the example is a literal block scalar.
            func place(_ position: SamplePosition) -> SourceLocation {
                guard let block else { return location }
                return SourceLocation(file: location.file, line: block.firstLine + fence.firstLine - 1 + position.line - 1,
                                      column: block.indent + position.column)
            }
            switch YAMLSampleReader.read(fence.text) {
            case .failure(let error):
                out.append(Diagnostic(rule: exampleInvalid, message: "the YAML of \(keyword) does not parse: \(error.message)",
                                      at: place(error.position)))
            case .success(nil):
                continue
            case .success(let parsed?):
                // `name: value` under the parameter's own name is the usual form; else the fence is the value.
                var sample = parsed
                if let name, let members = parsed.members, members.count == 1, members[0].key == name {
                    sample = members[0].value
                }
                for violation in SchemaValidator.validate(sample, against: node, mode: mode) where violation.severity == .error {
                    out.append(Diagnostic(rule: exampleInvalid, message: message(keyword, violation),
                                          at: place(violation.position), suggestion: violation.suggestion))
                }
            }
        }
        return out
    }

    private static func message(_ keyword: String, _ violation: SchemaViolation) -> String {
        let place = violation.path.isEmpty ? "" : " at \(violation.path)"
        return "\(keyword) does not match the schema\(place): \(violation.message)"
    }

    /// The ```yaml (or unlabelled) fences of a Markdown text, with the line of their first content line.
    static func yamlFences(in text: String) -> [(text: String, firstLine: Int)] {
        var out: [(text: String, firstLine: Int)] = []
        func visit(_ node: MarkdownNode) {
            if case .codeBlock(let info, let literal, let fenced, _) = node.kind, fenced {
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                if ["yaml", "yml", ""].contains(language) { out.append((literal, node.start.line + 1)) }
            }
            for child in node.children { visit(child) }
        }
        visit(MarkdownParser.parse(text))
        return out
    }

    /// A schema value as a sample at one position: strings as quoted (their YAML form is not known), numbers,
    /// booleans and null as plain scalars.
    static func sampleValue(_ value: SchemaValue, at position: SamplePosition, depth: Int) -> SampleValue {
        guard depth < SchemaValidator.maxDepth else { return SampleValue(kind: .null, position: position, style: .yamlPlain) }
        switch value {
        case .null: return SampleValue(kind: .null, position: position, style: .yamlPlain, plainText: "null")
        case .bool(let flag): return SampleValue(kind: .bool(flag), position: position, style: .yamlPlain)
        case .number(let text): return SampleValue(kind: .number(text), position: position, style: .yamlPlain, plainText: text)
        case .string(let text): return SampleValue(kind: .string(text), position: position, style: .yamlDoubleQuoted)
        case .array(let items):
            return SampleValue(kind: .array(items.map { sampleValue($0, at: position, depth: depth + 1) }), position: position)
        case .object(let members):
            return SampleValue(kind: .object(members.map {
                SampleMember(key: $0.key, keyPosition: position, value: sampleValue($0.value, at: position, depth: depth + 1))
            }), position: position)
        }
    }
}

/// Finds where an example stands in a schema file: the line of its keyword under a node, the items of a block
/// list below it, and the body of a literal block scalar. Falls back to the node's own location (a key brought
/// in by a merge key, flow style).
struct SchemaExampleLocator {
    let source: SourceFile

    /// The location of `keyword:` among the keys of `node`'s block mapping.
    func keyLocation(of keyword: String, in node: SchemaNode) -> SourceLocation {
        let start = node.location
        let indent = start.column - 1
        var line = start.line
        while line <= source.lineCount {
            let text = Array(source.line(line))
            if line == start.line {
                if keyMatches(text, at: indent, keyword) { return source.location(line: line, column: start.column) }
            } else if let first = text.firstIndex(where: { $0 != " " }), text[first] != "#" {
                if first < indent { break }
                if first == indent, keyMatches(text, at: indent, keyword) {
                    return source.location(line: line, column: start.column)
                }
            }
            line += 1
        }
        return start
    }

    private func keyMatches(_ text: [Character], at column: Int, _ keyword: String) -> Bool {
        guard column < text.count else { return false }
        let rest = String(text[column...])
        for key in [keyword, "\"\(keyword)\"", "'\(keyword)'"] where rest.hasPrefix(key) {
            let after = rest.dropFirst(key.count).drop(while: { $0 == " " })
            if after.hasPrefix(":") { return true }
        }
        return false
    }

    /// The `offset`-th item of the block list under the key at `key`; the key's location when the value is not a
    /// block list.
    func itemLocation(_ offset: Int, after key: SourceLocation) -> SourceLocation {
        guard key.file == source.displayPath else { return key }
        let keyLine = Array(source.line(key.line))
        if let colon = keyLine[min(key.column - 1, keyLine.count)...].firstIndex(of: ":") {
            let rest = String(keyLine[(colon + 1)...]).trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty, !rest.hasPrefix("#") { return key }
        }
        var itemIndent: Int?
        var index = 0
        var line = key.line + 1
        while line <= source.lineCount {
            let text = Array(source.line(line))
            line += 1
            guard let first = text.firstIndex(where: { $0 != " " }), text[first] != "#" else { continue }
            let isItem = text[first] == "-" && (first + 1 == text.count || text[first + 1] == " ")
            if itemIndent == nil {
                guard isItem, first >= key.column - 1 else { return key }
                itemIndent = first
            }
            guard let indent = itemIndent, first >= indent else { break }
            if first == indent {
                guard isItem else { break }
                if index == offset { return source.location(line: line - 1, column: first + 1) }
                index += 1
            }
        }
        return key
    }

    /// For a literal block scalar (`key: |` or `- |`) at `location`: the line its text starts on and its indentation.
    func literalBlock(at location: SourceLocation) -> (firstLine: Int, indent: Int)? {
        guard location.file == source.displayPath, location.line < source.lineCount else { return nil }
        let text = Array(source.line(location.line))
        guard location.column - 1 <= text.count else { return nil }
        var rest = String(text[(location.column - 1)...])
        if rest.hasPrefix("- ") {
            rest.removeFirst(2)
        } else if let colon = rest.firstIndex(of: ":") {
            rest = String(rest[rest.index(after: colon)...])
        } else {
            return nil
        }
        let header = rest.trimmingCharacters(in: .whitespaces)
        guard header.hasPrefix("|"),
              header.dropFirst().allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber }) || header.contains(" #") else {
            return nil
        }
        var line = location.line + 1
        while line <= source.lineCount {
            let body = source.line(line)
            if let first = body.firstIndex(where: { $0 != " " }) {
                return (location.line + 1, body.distance(from: body.startIndex, to: first))
            }
            line += 1
        }
        return nil
    }
}
