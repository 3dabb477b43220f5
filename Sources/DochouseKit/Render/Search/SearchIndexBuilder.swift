/// Writes a language's search index, `site/LANG/search-index.json`, read by `templates/assets/search.js`.
///
/// Shape (kept small: no prose is stored, only stems and numbers):
/// ```
/// {"lang":"ru","pages":[[url,title],...],"docs":[[page,anchor,heading],...],"terms":{"stem":[posting,...],...}}
/// ```
/// A doc is a section of a page (the top of the page has anchor ""). A posting is `gap * 4 + field`: the gap is the
/// doc's number minus the previous posting's doc (the first counts from 0), so common words cost one or two digits a
/// posting instead of five; the field is where the stem was found at its best: 3 the page title, 2 the section's
/// heading, 1 its prose. Pure and deterministic: the same documents give the same bytes.
enum SearchIndexBuilder {
    enum Field: Int {
        case prose = 1
        case heading = 2
        case title = 3
    }

    /// `stemTable` must be the table the documents' terms were numbered by.
    static func build(language: String, documents: [SearchDocument], stemTable: SearchStemTable = .shared) -> OutputFile {
        let sorted = documents.filter { $0.language == language }.sorted { $0.url < $1.url }
        // Written as bytes: the index is a few MB of short pieces, and appending each to a String cost more than
        // gathering the postings.
        var pages: [UInt8] = [UInt8(ascii: "[")]
        var docs: [UInt8] = [UInt8(ascii: "[")]
        // Each stem gets a slot, found by the stem's number (by text only for stems the table could not number).
        // Postings are gathered as (slot, posting) pairs and grouped by slot after: appending to one array per
        // stem checked each array's uniqueness and retained the term's stem on every posting.
        var stems: [String] = []
        var slotOfNumber: [Int32] = []  // slot + 1 per stem number; 0: none yet
        var slotByText: [String: Int] = [:]
        var pairSlots: [Int32] = []
        var pairPostings: [Int] = []
        var docCount = 0
        for (pageNumber, document) in sorted.enumerated() {
            if pageNumber > 0 { pages.append(UInt8(ascii: ",")) }
            pages.append(UInt8(ascii: "["))
            JSONText.append(document.url, to: &pages)
            pages.append(UInt8(ascii: ","))
            JSONText.append(document.title, to: &pages)
            pages.append(UInt8(ascii: "]"))
            for (section, best) in zip(document.sections, document.terms) {
                if docCount > 0 { docs.append(UInt8(ascii: ",")) }
                docs.append(UInt8(ascii: "["))
                JSONText.appendDecimal(pageNumber, to: &docs)
                docs.append(UInt8(ascii: ","))
                JSONText.append(section.anchor, to: &docs)
                docs.append(UInt8(ascii: ","))
                JSONText.append(section.heading, to: &docs)
                docs.append(UInt8(ascii: "]"))
                best.withUnsafeBufferPointer { terms in
                    for index in terms.indices {
                        let slot: Int
                        switch terms[index].stem {
                        case .numbered(let stemNumber):
                            let number = Int(stemNumber)
                            if number >= slotOfNumber.count { slotOfNumber.append(contentsOf: repeatElement(0, count: number + 1 - slotOfNumber.count)) }
                            if slotOfNumber[number] != 0 {
                                slot = Int(slotOfNumber[number]) - 1
                            } else {
                                slot = stems.count
                                slotOfNumber[number] = Int32(slot + 1)
                                stems.append(stemTable.stem(stemNumber))
                            }
                        case .unnumbered(let text):
                            if let known = slotByText[text] {
                                slot = known
                            } else {
                                slot = stems.count
                                slotByText[text] = slot
                                stems.append(text)
                            }
                        }
                        pairSlots.append(Int32(slot))
                        pairPostings.append(docCount * 4 + terms[index].field)
                    }
                }
                docCount += 1
            }
        }
        // Group the postings by slot, keeping their order (a counting sort).
        var starts = [Int](repeating: 0, count: stems.count + 1)
        for slot in pairSlots { starts[Int(slot) + 1] += 1 }
        for slot in 0..<stems.count { starts[slot + 1] += starts[slot] }
        var grouped = [Int](repeating: 0, count: pairPostings.count)
        var fill = starts
        for (slot, posting) in zip(pairSlots, pairPostings) {
            grouped[fill[Int(slot)]] = posting
            fill[Int(slot)] += 1
        }
        var slots: [(stem: String, postings: ArraySlice<Int>)] = stems.indices.map { slot in
            (stems[slot], grouped[starts[slot]..<starts[slot + 1]])
        }
        // A stem numbered on some pages and not on others (the table filled up meanwhile) has two slots: merge them.
        if !slotByText.isEmpty {
            var merged: [String: [Int]] = [:]
            for slot in slots { merged[slot.stem, default: []] += slot.postings }
            slots = merged.map { ($0.key, ArraySlice($0.value.sorted())) }
        }
        slots.sort { $0.stem < $1.stem }
        var out: [UInt8] = []
        out.reserveCapacity(pages.count + docs.count + slots.count * 24 + docCount * 8)
        out.append(contentsOf: Array("{\"lang\":".utf8))
        JSONText.append(language, to: &out)
        out.append(contentsOf: Array(",\"pages\":".utf8))
        out.append(contentsOf: pages)
        out.append(contentsOf: Array("],\"docs\":".utf8))
        out.append(contentsOf: docs)
        out.append(contentsOf: Array("],\"terms\":{".utf8))
        for (offset, slot) in slots.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(slot.stem, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "["))
            var previous = 0
            for (index, posting) in slot.postings.enumerated() {
                let doc = posting / 4
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendDecimal((doc - previous) * 4 + posting % 4, to: &out)
                previous = doc
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: Array("}}\n".utf8))
        return OutputFile(path: "\(language)/search-index.json", bytes: out)
    }
}

/// JSON string literals, escaped by RFC 8259 (and `<`, so the text is safe inside HTML too).
enum JSONText {
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal. Works on UTF-8 bytes: every byte that needs escaping is ASCII,
    /// and the bytes of other scalars (all 0x80 and above) are copied as they are.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case UInt8(ascii: "<"): out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, 0x33, 0x63])  // \u003c
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a non-negative integer in decimal.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(contentsOf: Array(String(value).utf8)); return }
        if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
