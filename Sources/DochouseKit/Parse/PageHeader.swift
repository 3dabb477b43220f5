/// What the first parsing pass learns of a page (from its file name and front matter), before its Markdown
/// is parsed: enough to index every page, pair twins and resolve links in the second pass.
///
/// A class, and immutable: the headers are kept by path, ordered for the index and handed to the page stage,
/// and each copy of a value retained and released its ten references (10,000 pages: ~0.1 s of the one core
/// that runs between the front matter and the pages stage).
public final class PageHeader: Sendable {
    public let source: SourceFile
    public let relativePath: String
    public let twinKey: String
    public let language: String
    public let title: String
    public let outputPath: String
    public let url: String
    public let frontMatter: [String: FrontMatterValue]
    /// Lines taken by the front matter; the Markdown body starts after them.
    public let frontMatterLineCount: Int
    public let permalinkLocation: SourceLocation

    init(source: SourceFile, relativePath: String, twinKey: String, language: String, title: String, outputPath: String,
         url: String, frontMatter: [String: FrontMatterValue], frontMatterLineCount: Int, permalinkLocation: SourceLocation) {
        self.source = source
        self.relativePath = relativePath
        self.twinKey = twinKey
        self.language = language
        self.title = title
        self.outputPath = outputPath
        self.url = url
        self.frontMatter = frontMatter
        self.frontMatterLineCount = frontMatterLineCount
        self.permalinkLocation = permalinkLocation
    }

    /// The same header over other Markdown (a reference page's description rendered on its own).
    func withBody(_ source: SourceFile, frontMatterLineCount: Int) -> PageHeader {
        PageHeader(source: source, relativePath: relativePath, twinKey: twinKey, language: language, title: title,
                   outputPath: outputPath, url: url, frontMatter: frontMatter, frontMatterLineCount: frontMatterLineCount,
                   permalinkLocation: permalinkLocation)
    }
}

/// Reads a page's bytes, front matter and file name into a `PageHeader`, or the diagnostics that stop it.
enum PageHeaderParser {
    static func parse(_ raw: RawFile, site: SiteConfig) -> (PageHeader?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let text: String
        switch UTF8Decoder.decode(raw.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            return (nil, [Diagnostic(rule: BuildRules.invalidUTF8,
                                     message: "page is not valid UTF-8: byte 0x\(String(raw.bytes[invalid.offset], radix: 16, uppercase: true)) at byte offset \(invalid.offset)",
                                     at: SourceLocation(file: raw.displayPath, line: invalid.line, column: invalid.column),
                                     suggestion: "save the file as UTF-8")])
        }
        // A NUL is valid UTF-8 but never text: cmark would turn it into U+FFFD, libyaml refuses it. Say where it is.
        if let nul = raw.bytes.firstIndex(of: 0) {
            let (line, column) = UTF8Decoder.lineAndColumn(ofByte: nul, in: raw.bytes)
            return (nil, [Diagnostic(rule: BuildRules.nulByte,
                                     message: "page contains a NUL byte at byte offset \(nul); a text page never does (is it a binary file?)",
                                     at: SourceLocation(file: raw.displayPath, line: line, column: column),
                                     suggestion: "remove the NUL byte, or keep binary files under static/")])
        }
        let file = SourceFile(displayPath: raw.displayPath, text: text)
        let frontMatter: FrontMatter
        switch FrontMatterParser.parse(file) {
        case .absent:
            return (nil, [Diagnostic(rule: BuildRules.frontMatterMissing,
                                     message: "page has no front matter; start it with `---`, a `title:` and a `permalink:`, and `---`",
                                     at: file.location(line: 1, column: 1))])
        case .failed(let diagnostic):
            return (nil, [diagnostic])
        case .parsed(let parsed):
            frontMatter = parsed
        }
        let values = frontMatter.values
        func location(of key: String) -> SourceLocation { frontMatter.keyLocations[key] ?? frontMatter.location }

        var title: String?
        switch values["title"] {
        case nil, .null?:
            diagnostics.append(Diagnostic(rule: BuildRules.missingTitle, message: "page has no title",
                                          at: frontMatter.location, suggestion: "add `title: ...` to the front matter"))
        case .string(let text)? where !text.trimming(charactersIn: " \t").isEmpty:
            title = text
        default:
            diagnostics.append(Diagnostic(rule: BuildRules.invalidValue, message: "'title' must be a non-empty string",
                                          at: location(of: "title")))
        }

        var resolved: Permalink.Resolved?
        switch values["permalink"] {
        case nil, .null?:
            diagnostics.append(Diagnostic(rule: BuildRules.missingPermalink, message: "page has no permalink",
                                          at: frontMatter.location,
                                          suggestion: "add `permalink: LANG/path/name.html` to the front matter"))
        case .string(let permalink)?:
            switch Permalink.resolve(permalink) {
            case .success(let value): resolved = value
            case .failure(.escapes(let segment)):
                diagnostics.append(Diagnostic(rule: BuildRules.permalinkEscapes,
                                              message: "permalink '\(permalink)' would write outside the site directory (segment '\(segment)')",
                                              at: location(of: "permalink")))
            case .failure(.invalidCharacter(let what)):
                diagnostics.append(Diagnostic(rule: BuildRules.permalinkEscapes,
                                              message: "permalink '\(permalink)' contains \(what), which cannot be part of an output path",
                                              at: location(of: "permalink")))
            case .failure(.empty):
                diagnostics.append(Diagnostic(rule: BuildRules.missingPermalink, message: "permalink is empty",
                                              at: location(of: "permalink")))
            }
        default:
            diagnostics.append(Diagnostic(rule: BuildRules.invalidValue, message: "'permalink' must be a string",
                                          at: location(of: "permalink")))
        }

        let naming = PageNaming.split(raw.relativePath, languages: site.languages)
        var language = naming.language ?? site.defaultLanguage
        if let declared = values["lang"] {
            if let code = declared.stringValue, site.languages.contains(code) {
                if let fromName = naming.language, fromName != code {
                    diagnostics.append(Diagnostic(rule: BuildRules.languageMismatch,
                                                  message: "front matter says lang '\(code)' but the file name says '\(fromName)'; the file name wins for pairing twins",
                                                  at: location(of: "lang")))
                } else {
                    language = code
                }
            } else {
                diagnostics.append(Diagnostic(rule: BuildRules.unknownLanguage,
                                              message: "lang '\(declared.stringValue ?? "?")' is not one of this site's languages (\(site.languages.joined(separator: ", ")))",
                                              at: location(of: "lang")))
                return (nil, diagnostics)
            }
        }
        if let resolved, let first = resolved.outputPath.split(separator: "/").first,
           site.languages.contains(String(first)), String(first) != language {
            diagnostics.append(Diagnostic(rule: BuildRules.languageMismatch,
                                          message: "a \(language) page has a permalink under /\(first)/",
                                          at: location(of: "permalink")))
        }
        guard let title, let resolved else { return (nil, diagnostics) }
        let header = PageHeader(source: file, relativePath: raw.relativePath, twinKey: naming.twinKey, language: language,
                                title: title, outputPath: resolved.outputPath, url: resolved.url, frontMatter: values,
                                frontMatterLineCount: frontMatter.lineCount, permalinkLocation: location(of: "permalink"))
        return (header, diagnostics)
    }
}

/// The naming convention of pages: `NAME.md` is in the default language, `NAME.ru.md` (or the older
/// `NAME_RU.md`) in Russian; twins share the path without the suffix.
enum PageNaming {
    static func split(_ relativePath: String, languages: [String]) -> (twinKey: String, language: String?) {
        var stem = relativePath.hasSuffix(".md") ? String(relativePath.dropLast(3)) : relativePath
        for code in languages {
            if stem.hasSuffix("." + code) {
                stem.removeLast(code.count + 1)
                return (stem, code)
            }
            if stem.hasSuffix("_" + code.uppercased()) {
                stem.removeLast(code.count + 1)
                return (stem, code)
            }
        }
        return (stem, nil)
    }
}
