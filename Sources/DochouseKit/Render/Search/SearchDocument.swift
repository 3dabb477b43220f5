import CmarkBridge

/// A stem of a section and the best field it stands in there.
struct SearchTerm: Sendable, Hashable {
    /// The stem's number in `SearchStemTable` (equal numbers, equal stems), so the site-wide index merges postings
    /// without hashing stems as text; its text when the table was too full to number it.
    var stem: SearchStemTable.Entry
    var field: Int
}

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
    let sections: [Section]
    /// Per section, each stem once with the best field it stands in (title 3, heading 2, prose 1). Computed here,
    /// in the per-page stage that runs in parallel, so the site-wide index only merges.
    let terms: [[SearchTerm]]

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
                for index in node.children.indices { walk(node.children[index]) }
            }
        }
        for child in page.document.children { walk(child) }
        self.sections = sections.filter { !$0.heading.isEmpty || !$0.text.isEmpty || $0.anchor.isEmpty }
        self.terms = Self.terms(of: self.sections, title: title, stemTable: .shared)
    }

    /// `stemTable` numbers the stems; the index must be built with the same table (tests use small ones).
    init(url: String, language: String, title: String, sections: [Section], stemTable: SearchStemTable = .shared) {
        self.url = url
        self.language = language
        self.title = title
        self.sections = sections
        self.terms = Self.terms(of: sections, title: title, stemTable: stemTable)
    }

    private static func terms(of sections: [Section], title: String, stemTable: SearchStemTable) -> [[SearchTerm]] {
        var words = SearchWordTable()
        // Per section, the best field of each word (by the word's number in `words`).
        var sectionWords: [[(word: Int, field: Int)]] = []
        var bestField: [UInt8] = []
        var scratch = SearchTokenizer.Scratch()
        var touched: [Int] = []
        for section in sections {
            touched.removeAll(keepingCapacity: true)
            // A loop over the texts rather than a nested function: the variables a nested function captures are
            // boxed, and every access to a boxed variable is checked for exclusivity at run time (~1.5% of a build).
            for (text, field) in [(section.text, SearchIndexBuilder.Field.prose), (section.heading, .heading),
                                  (section.headingTerms, .heading), (section.anchor.isEmpty ? title : "", .title)] {
                let rank = UInt8(field.rawValue)
                SearchTokenizer.forEachWord(in: text, scratch: &scratch) { bytes in
                    let word = words.number(of: bytes)
                    if word == bestField.count { bestField.append(0) }
                    if bestField[word] == 0 { touched.append(word) }
                    if bestField[word] < rank { bestField[word] = rank }
                }
            }
            sectionWords.append(touched.map { ($0, Int(bestField[$0])) })
            for word in touched { bestField[word] = 0 }
        }
        // Each distinct word is looked up once; words with one stem merge, keeping the best field. Stems merge by
        // number, or by text when the table was too full to number one of them.
        let entries = (0..<words.count).map { word in words.withBytes(of: word) { stemTable.entry(for: $0) } }
        // A page whose words are all numbered merges stems by number. Once the table is full, a page merges all its
        // stems by text, so that one stem never stands in a section twice (numbered through one word, by text
        // through another) and the index builder can merge the two kinds of slots without duplicate postings.
        let allNumbered = entries.allSatisfy { if case .numbered = $0 { true } else { false } }
        var byNumber: [Int32: Int] = [:]
        byNumber.reserveCapacity(words.count)
        var byText: [String: Int] = [:]
        var stems: [SearchStemTable.Entry] = []
        let stemOfWord: [Int] = entries.map { entry in
            if allNumbered, case .numbered(let number) = entry {
                if let known = byNumber[number] { return known }
                byNumber[number] = stems.count
                stems.append(entry)
            } else {
                let text: String
                switch entry {
                case .numbered(let number): text = stemTable.stem(number)
                case .unnumbered(let unnumbered): text = unnumbered
                }
                if let known = byText[text] { return known }
                byText[text] = stems.count
                stems.append(.unnumbered(text))
            }
            return stems.count - 1
        }
        var bestStemField = [Int](repeating: 0, count: stems.count)
        return sectionWords.map { entries in
            var order: [Int] = []
            for (word, field) in entries {
                let stem = stemOfWord[word]
                if bestStemField[stem] == 0 { order.append(stem) }
                bestStemField[stem] = max(bestStemField[stem], field)
            }
            defer { for stem in order { bestStemField[stem] = 0 } }
            return order.map { SearchTerm(stem: stems[$0], field: bestStemField[$0]) }
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
