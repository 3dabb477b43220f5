import Foundation

/// Finds the tags of a template that name a variable dochouse never provides, or a partial that does not exist.
///
/// Mustache renders an unknown name as nothing, which hides typos such as `{{page.tilte}}`: this check reads
/// the template's tags and compares each name with `TemplateVocabulary`.
enum TemplateVariableChecker {
    static func check(_ source: SourceFile, partials: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for lineNumber in 1...max(source.lineCount, 1) {
            let line = source.line(lineNumber)
            var searchStart = line.startIndex
            while let open = line[searchStart...].range(of: "{{") {
                guard let close = line[open.upperBound...].range(of: "}}") else { break }
                var tag = line[open.upperBound..<close.lowerBound]
                searchStart = close.upperBound
                if tag.hasPrefix("{") { tag = tag.dropFirst(); if line[close.upperBound...].hasPrefix("}") { searchStart = line.index(after: close.upperBound) } }
                guard let sigil = tag.first else { continue }
                if sigil == "=" { return diagnostics }  // custom delimiters: stop rather than guess
                if sigil == "!" { continue }
                let column = line[..<open.lowerBound].unicodeScalars.count + 1
                let body = ("#^/&><$".contains(sigil) ? tag.dropFirst() : tag).trimmingCharacters(in: .whitespaces)
                if sigil == ">" {
                    if !partials.contains(body) {
                        diagnostics.append(Diagnostic(rule: BuildRules.templateUnknownPartial,
                                                      message: "partial '\(body)' does not exist; known partials: \(partials.sorted().joined(separator: ", "))",
                                                      at: source.location(line: lineNumber, column: column)))
                    }
                    continue
                }
                if sigil == "<" || sigil == "$" { continue }
                for name in names(in: body) where !TemplateVocabulary.isKnown(name) {
                    let suggestion = NearMiss.closest(to: name, among: TemplateVocabulary.allNames).map { "did you mean '\($0)'?" }
                    diagnostics.append(Diagnostic(rule: BuildRules.templateUnknownVariable,
                                                  message: "template variable '\(name)' is not provided by dochouse",
                                                  at: source.location(line: lineNumber, column: column), suggestion: suggestion))
                }
            }
        }
        return diagnostics
    }

    /// The dotted segments named by a tag body such as `page.title` or `lowercased(page.title)`.
    private static func names(in body: String) -> [String] {
        var inner = Substring(body)
        if let open = inner.firstIndex(of: "("), inner.hasSuffix(")") {
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        if inner.isEmpty || inner == "." { return [] }
        return inner.split(separator: ".").map(String.init)
    }
}
