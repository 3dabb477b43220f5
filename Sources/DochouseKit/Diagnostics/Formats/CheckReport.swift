/// What `check` prints besides the findings: the numbers of the run.
public struct CheckSummary: Sendable, Codable, Equatable {
    public var pages: Int
    public var pagesPerLanguage: [String: Int]
    public var samplesByKind: [String: Int]
    public var samplesOptedOut: Int
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var baselined: Int

    public init(_ result: BuildResult) {
        pages = result.pageCount
        pagesPerLanguage = result.pagesPerLanguage
        samplesByKind = result.samplesByKind
        samplesOptedOut = result.samplesOptedOut
        // Counted in place: a `filter` per count copied every matching finding into a new array.
        var errors = 0, warnings = 0, notes = 0, baselined = 0
        let findings = result.diagnostics
        for index in findings.indices {
            switch findings[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
            if findings[index].isBaselined { baselined += 1 }
        }
        (self.errors, self.warnings, self.notes, self.baselined) = (errors, warnings, notes, baselined)
    }

    static func plural(_ noun: String, _ count: Int) -> String {
        guard count != 1 else { return noun }
        if noun.hasSuffix("y") { return String(noun.dropLast()) + "ies" }
        return noun == "data" ? noun : noun + "s"
    }

    /// `Checked 2 pages (en 1, ru 1), 6 samples (2 resource policies, ...), 1 opted out: 2 errors, 2 warnings`.
    public func text(languages: [String]) -> String {
        let perLanguage = languages.compactMap { code in pagesPerLanguage[code].map { "\(code) \($0)" } }.joined(separator: ", ")
        let sampleCount = samplesByKind.values.reduce(0, +)
        let kinds = samplesByKind.sorted { $0.key < $1.key }.map { "\($0.value) \(Self.plural($0.key, $0.value))" }.joined(separator: ", ")
        var text = "\(pages) page\(pages == 1 ? "" : "s")"
        if !perLanguage.isEmpty { text += " (\(perLanguage))" }
        text += ", \(sampleCount) sample\(sampleCount == 1 ? "" : "s")"
        if !kinds.isEmpty { text += " (\(kinds))" }
        if samplesOptedOut > 0 { text += ", \(samplesOptedOut) opted out with check=off" }
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if notes > 0 { counts.append("\(notes) note\(notes == 1 ? "" : "s")") }
        text += counts.isEmpty ? ": no findings" : ": " + counts.joined(separator: ", ")
        if baselined > 0 { text += " (\(baselined) accepted by the baseline)" }
        return text
    }
}
