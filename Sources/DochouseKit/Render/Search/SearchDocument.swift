import CmarkBridge

/// What the search index knows about one page: its URL and title, and its text cut into sections, one per
/// heading (or reference parameter), each with the anchor a result links to.
struct SearchDocument: Sendable, Hashable {
    struct Section: Sendable, Hashable {
        /// The id a result links to; empty for the text above the first heading.
        var anchor: String
        /// The heading (or the parameter's path) as a reader sees it; empty for the top of the page.
        var heading: String
        /// Words that rank like the heading but are not shown (a parameter name cut at its capitals).
        var headingTerms: String = ""
        /// The prose under it, as plain text.
        var text: String
    }

    var url: String
    var language: String
    var title: String
    var sections: [Section] {
        didSet { terms = Self.terms(of: sections, title: title) }
    }
    /// Per section, each stem with the best field it stands in (title 3, heading 2, prose 1). Computed here, in the
    /// per-page stage that runs in parallel, so the site-wide index only merges.
    private(set) var terms: [[String: Int]] = []

    /// A Markdown page's sections: headings split it; paragraphs, lists, tables and quotes are its prose.
    /// Fenced code stays out (samples are for copying, and their names also stand in the prose).
    init(page: Page) {
        url = page.url
        language = page.language
        title = page.title
        var sections = [Section(anchor: "", heading: "", text: "")]
        var headingIndex = 0
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .heading:
                let heading = headingIndex < page.headings.count ? page.headings[headingIndex] : nil
                headingIndex += 1
                sections.append(Section(anchor: heading?.id ?? "", heading: heading?.text ?? node.plainText, text: ""))
            case .codeBlock, .htmlBlock, .thematicBreak:
                break
            case .paragraph, .tableCell:
                let text = node.plainText
                if !text.isEmpty { sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + text }
            default:
                for child in node.children { walk(child) }
            }
        }
        for child in page.document.children { walk(child) }
        self.sections = sections.filter { !$0.heading.isEmpty || !$0.text.isEmpty || $0.anchor.isEmpty }
        self.terms = Self.terms(of: self.sections, title: title)
    }

    init(url: String, language: String, title: String, sections: [Section]) {
        self.url = url
        self.language = language
        self.title = title
        self.sections = sections
        self.terms = Self.terms(of: sections, title: title)
    }

    private static func terms(of sections: [Section], title: String) -> [[String: Int]] {
        var stems: [String: String] = [:]
        func add(_ text: String, _ field: SearchIndexBuilder.Field, to best: inout [String: Int]) {
            for word in SearchTokenizer.words(text) {
                let stem: String
                if let known = stems[word] { stem = known } else { stem = SearchTokenizer.stem(word); stems[word] = stem }
                if (best[stem] ?? 0) < field.rawValue { best[stem] = field.rawValue }
            }
        }
        return sections.map { section in
            var best: [String: Int] = [:]
            add(section.text, .prose, to: &best)
            add(section.heading + " " + section.headingTerms, .heading, to: &best)
            if section.anchor.isEmpty { add(title, .title, to: &best) }
            return best
        }
    }

    /// A generated reference page: the page itself, then one section per parameter, found by its path and by
    /// the words of its name (`additionalRolePolicies` also as "additional role policies").
    init(reference content: ReferencePageContent, url: String, language: String) {
        var sections = [Section(anchor: "", heading: "", text: "")]
        for entry in content.searchEntries {
            let name = entry.path.split(separator: ".").last.map(String.init) ?? entry.path
            sections.append(Section(anchor: entry.anchor, heading: entry.path,
                                    headingTerms: Self.splitCamelCase(name), text: entry.text))
        }
        self.init(url: url, language: language, title: content.title, sections: sections)
    }

    /// `additionalRolePolicies` -> `additional Role Policies`; `AWSClusterConfiguration` -> `AWS Cluster Configuration`.
    static func splitCamelCase(_ name: String) -> String {
        var out = ""
        let characters = Array(name)
        for (i, c) in characters.enumerated() {
            if i > 0, c.isUppercase {
                let previous = characters[i - 1]
                let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out += " " }
            }
            out.append(c)
        }
        return out == name ? "" : out
    }
}
