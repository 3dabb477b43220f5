import Foundation

/// A page and its translation must say the same machine-readable things: the same samples (after
/// normalising whitespace, comments and key order), the same link targets, the same heading outline.
/// Each translation is compared with the page in the site's default language (or the first language it has).
enum TwinParity {
    static let sampleCount = RuleDescriptor(id: "twin.sample-count", defaultSeverity: .error,
                                            summary: "A page and its translation have different numbers or kinds of samples.")
    static let sampleContent = RuleDescriptor(id: "twin.sample-content", defaultSeverity: .error,
                                              summary: "A sample differs between a page and its translation.")
    static let links = RuleDescriptor(id: "twin.links", defaultSeverity: .warning,
                                      summary: "A page and its translation link to different targets.")
    static let headings = RuleDescriptor(id: "twin.heading-outline", defaultSeverity: .warning,
                                         summary: "A page and its translation have different heading outlines.")

    /// What parity needs of a compiled page.
    struct Facts: Sendable {
        var page: Page
        var samples: [Sample]
    }

    static func check(_ facts: [Facts], site: SiteConfig) -> [Diagnostic] {
        var byTwin: [String: [String: Facts]] = [:]
        for fact in facts { byTwin[fact.page.twinKey, default: [:]][fact.page.language] = fact }
        var diagnostics: [Diagnostic] = []
        for (_, languages) in byTwin.sorted(by: { $0.key < $1.key }) where languages.count > 1 {
            let order = [site.defaultLanguage] + site.languages.filter { $0 != site.defaultLanguage }
            guard let originalLanguage = order.first(where: { languages[$0] != nil }), let original = languages[originalLanguage] else { continue }
            for language in order where language != originalLanguage {
                guard let translation = languages[language] else { continue }
                diagnostics += compareSamples(original, translation)
                diagnostics += compareLinks(original, translation, languages: site.languages)
                diagnostics += compareHeadings(original, translation)
            }
        }
        return diagnostics
    }

    private static func compareSamples(_ original: Facts, _ translation: Facts) -> [Diagnostic] {
        let a = original.samples, b = translation.samples
        let kindsA = a.map { $0.kind.summaryName }, kindsB = b.map { $0.kind.summaryName }
        if kindsA != kindsB {
            let at = b.first?.block.location ?? translation.page.source.location(line: 1, column: 1)
            return [Diagnostic(rule: sampleCount,
                               message: "\(translation.page.language) page has \(b.count) sample(s) [\(kindsB.joined(separator: ", "))] but its \(original.page.language) original has \(a.count) [\(kindsA.joined(separator: ", "))]",
                               at: at, notes: [DiagnosticNote(location: original.page.source.location(line: 1, column: 1), message: "the original")])]
        }
        var diagnostics: [Diagnostic] = []
        // By index: samples are large values, and a zip copied (retained and released) every one of them.
        // Read through buffer pointers: passing `a[index]` to the comparisons copied the sample (~15 references).
        let alike = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in a.indices.map { readAlike(a[$0], b[$0]) || holdAlike(a[$0], b[$0]) } }
        }
        for index in a.indices where !alike[index] {
            let sa = a[index], sb = b[index]
            let la = normalized(sa), lb = normalized(sb)
            guard la != lb else { continue }
            diagnostics.append(Diagnostic(rule: sampleContent,
                                          message: "this sample differs from its counterpart in the \(original.page.language) page (- \(original.page.language), + \(translation.page.language)):\n\(LineDiff.unified(from: la, to: lb))",
                                          at: sb.block.location,
                                          notes: [DiagnosticNote(location: sa.block.location, message: "the \(original.page.language) sample")]))
        }
        return diagnostics
    }

    /// True when both samples were read from the same bytes the same way, so their normalized lines are equal
    /// without computing them (twins mostly share their samples verbatim; canonicalizing both was most of
    /// comparing them).
    static func readAlike(_ a: Sample, _ b: Sample) -> Bool {
        guard a.syntax == b.syntax, a.isJSONInYAMLFence == b.isJSONInYAMLFence, (a.value == nil) == (b.value == nil) else { return false }
        // memcmp over contiguous UTF-8 (a generic elementsEqual over the two views went byte by byte).
        let same = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    /// True when both samples parsed to values with the same content (a translation that changed only comments
    /// or layout), so their normalized lines are equal without computing them.
    static func holdAlike(_ a: Sample, _ b: Sample) -> Bool {
        guard let va = a.value, let vb = b.value else { return false }
        return va.hasSameContent(as: vb)
    }

    /// A sample's content with formatting, comments and key order normalised away.
    static func normalized(_ sample: Sample) -> [String] {
        if let value = sample.value { return CanonicalValue.lines(of: value) }
        return sample.text.split(separator: "\n").compactMap { line in
            var text = String(line)
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            return collapsed.isEmpty ? nil : collapsed
        }
    }

    private static func compareLinks(_ original: Facts, _ translation: Facts, languages: [String]) -> [Diagnostic] {
        let a = linkTargets(original.page, languages: languages), b = linkTargets(translation.page, languages: languages)
        // Translations mostly keep their links in order: equal in order is equal as sets, without sorting.
        if a.count == b.count, a.indices.allSatisfy({ a[$0].key == b[$0].key }) { return [] }
        guard a.map(\.key) .sorted() != b.map(\.key).sorted() else { return [] }
        let keysA = Set(a.map(\.key)), keysB = Set(b.map(\.key))
        let missing = keysA.subtracting(keysB).sorted(), extra = keysB.subtracting(keysA).sorted()
        guard !missing.isEmpty || !extra.isEmpty else { return [] }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks links to \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("adds links to \(extra.joined(separator: ", "))") }
        let at = extra.first.flatMap { key in b.first { $0.key == key }?.location } ?? translation.page.source.location(line: 1, column: 1)
        return [Diagnostic(rule: links, message: "compared with its \(original.page.language) original, this page \(parts.joined(separator: " and "))", at: at)]
    }

    /// Link targets with the language root removed, so `/en/x.html` and `/ru/x.html` compare equal.
    private static func linkTargets(_ page: Page, languages: [String]) -> [(key: String, location: SourceLocation)] {
        page.links.compactMap { link in
            switch link.target {
            case .external(let url): return (url, link.location)
            case .unsafe: return nil
            case .site(let path, let fragment):
                var key = withoutLanguageRoot(path, languages: languages)
                if key.isEmpty { key = "(this page)" }
                if let fragment { key += "#" + fragment }
                return (key, link.location)
            }
        }
    }

    /// `/en/x.html` -> `/x.html` when `en` is one of the languages: the first non-empty segment is dropped with
    /// the slash after it, and what follows is kept as written. Found by scanning the bytes: splitting the path
    /// into an array per link was most of comparing two pages' links.
    static func withoutLanguageRoot(_ path: String, languages: [String]) -> String {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        var start = utf8.startIndex
        while start != utf8.endIndex, utf8[start] == slash { start = utf8.index(after: start) }
        guard start != utf8.endIndex else { return path }
        var end = start
        while end != utf8.endIndex, utf8[end] != slash { end = utf8.index(after: end) }
        let first = path[start..<end]
        guard languages.contains(where: { $0 == first }) else { return path }
        guard end != utf8.endIndex else { return "/" }
        return "/" + path[utf8.index(after: end)...]
    }

    private static func compareHeadings(_ original: Facts, _ translation: Facts) -> [Diagnostic] {
        let a = original.page.headings.map(\.level), b = translation.page.headings.map(\.level)
        guard a != b else { return [] }
        let firstDifference = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let at = firstDifference < translation.page.headings.count
            ? translation.page.headings[firstDifference].location : translation.page.source.location(line: 1, column: 1)
        func outline(_ levels: [Int]) -> String { levels.map { "h\($0)" }.joined(separator: " ") }
        return [Diagnostic(rule: headings,
                           message: "heading outline differs from the \(original.page.language) original: \(outline(b)) here, \(outline(a)) there",
                           at: at)]
    }
}
