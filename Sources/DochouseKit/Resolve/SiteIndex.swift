/// What every page needs to know about the others: pages by twin key and language, URLs by source path.
/// Built once from the page headers, in one pass (no step compares pages pairwise).
public struct SiteIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var twinKey: String
        public var language: String
        public var title: String
        public var url: String
        public var relativePath: String
        public var location: SourceLocation
    }

    public let site: SiteConfig
    /// twin key -> language -> page.
    public private(set) var twins: [String: [String: Entry]] = [:]
    public private(set) var urlsBySourcePath: [String: String] = [:]

    /// Indexes the headers and reports pages that write the same output path or twins of the same language.
    static func build(_ headers: [PageHeader], site: SiteConfig) -> (SiteIndex, [Diagnostic]) {
        var index = SiteIndex(site: site)
        var diagnostics: [Diagnostic] = []
        var byOutputPath: [String: PageHeader] = [:]
        for header in headers {
            if let first = byOutputPath[header.outputPath] {
                diagnostics.append(Diagnostic(rule: BuildRules.duplicatePermalink,
                                              message: "permalink writes \(header.outputPath), which pages/\(first.relativePath) writes too",
                                              at: header.permalinkLocation,
                                              notes: [DiagnosticNote(location: first.permalinkLocation, message: "first written by this page")]))
                continue
            }
            byOutputPath[header.outputPath] = header
            let entry = Entry(twinKey: header.twinKey, language: header.language, title: header.title, url: header.url,
                              relativePath: header.relativePath, location: header.permalinkLocation)
            if let existing = index.twins[header.twinKey]?[header.language] {
                diagnostics.append(Diagnostic(rule: BuildRules.duplicatePermalink,
                                              message: "two \(header.language) pages share the name '\(header.twinKey)' (\(existing.relativePath) and \(header.relativePath))",
                                              at: header.source.location(line: 1, column: 1)))
                continue
            }
            index.twins[header.twinKey, default: [:]][header.language] = entry
            index.urlsBySourcePath[header.relativePath] = header.url
        }
        return (index, diagnostics)
    }

    /// The page of `twinKey` in `language`, if it exists.
    public func page(_ twinKey: String, in language: String) -> Entry? {
        twins[twinKey]?[language]
    }

    var linkResolver: LinkResolver {
        LinkResolver(languages: site.languages, urlsBySourcePath: urlsBySourcePath)
    }

    /// The `href` a resolved link gets in the output: site paths gain the base path; unsafe links become empty.
    func href(for target: LinkTarget) -> String {
        switch target {
        case .external(let url): return url
        case .unsafe: return ""
        case .site(let path, let fragment):
            let fragmentPart = fragment.map { "#" + $0 } ?? ""
            if path.isEmpty { return fragmentPart.isEmpty ? "#" : fragmentPart }
            return site.basePath + path.dropFirst() + fragmentPart
        }
    }

    /// A site URL (`/ru/x.html`) with the base path.
    func absolute(_ url: String) -> String {
        site.basePath + url.dropFirst()
    }
}
