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

    static func build(language: String, documents: [SearchDocument]) -> OutputFile {
        let sorted = documents.filter { $0.language == language }.sorted { $0.url < $1.url }
        var pages = "["
        var docs = "["
        // Postings per stem, found by the stem's number (text only for stems the table could not number).
        var slots: [(stem: String, postings: [Int])] = []
        var slotByNumber: [Int: Int] = [:]
        var slotByText: [String: Int] = [:]
        var docCount = 0
        for (pageNumber, document) in sorted.enumerated() {
            if pageNumber > 0 { pages += "," }
            pages += "[" + JSONText.string(document.url) + "," + JSONText.string(document.title) + "]"
            for (section, best) in zip(document.sections, document.terms) {
                if docCount > 0 { docs += "," }
                docs += "[\(pageNumber)," + JSONText.string(section.anchor) + "," + JSONText.string(section.heading) + "]"
                for term in best {
                    let slot: Int
                    if let number = term.number {
                        if let known = slotByNumber[number] { slot = known } else { slot = slots.count; slotByNumber[number] = slot; slots.append((term.stem, [])) }
                    } else {
                        if let known = slotByText[term.stem] { slot = known } else { slot = slots.count; slotByText[term.stem] = slot; slots.append((term.stem, [])) }
                    }
                    slots[slot].postings.append(docCount * 4 + term.field)
                }
                docCount += 1
            }
        }
        // A stem numbered on some pages and not on others (the table filled up meanwhile) has two slots: merge them.
        if !slotByText.isEmpty {
            var merged: [String: [Int]] = [:]
            for slot in slots { merged[slot.stem, default: []] += slot.postings }
            slots = merged.map { ($0.key, $0.value.sorted()) }
        }
        slots.sort { $0.stem < $1.stem }
        var terms = "{"
        for (offset, slot) in slots.enumerated() {
            if offset > 0 { terms += "," }
            terms += JSONText.string(slot.stem) + ":["
            var previous = 0
            for (index, posting) in slot.postings.enumerated() {
                let doc = posting / 4
                if index > 0 { terms += "," }
                terms += String((doc - previous) * 4 + posting % 4)
                previous = doc
            }
            terms += "]"
        }
        let json = "{\"lang\":" + JSONText.string(language) + ",\"pages\":" + pages + "],\"docs\":" + docs + "],\"terms\":" + terms + "}}\n"
        return OutputFile(path: "\(language)/search-index.json", text: json)
    }
}

/// JSON string literals, escaped by RFC 8259 (and `<`, so the text is safe inside HTML too).
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
