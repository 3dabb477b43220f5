/// Every URL the site will serve and the anchors (ids) on each: page headings, generated reference pages'
/// parameter anchors, stub pages of untranslated twins, assets and static files. Built in one pass, then patched page by page by the preview.
public struct AnchorIndex: Sendable {
    /// URL path (`/ru/x.html`, `/ru/x/`) -> ids on that page.
    private(set) var anchorsByURL: [String: Set<String>] = [:]
    /// URLs of files without anchors (assets, static files).
    private(set) var files: Set<String> = []

    mutating func addPage(url: String, anchors: Set<String>) {
        anchorsByURL[url, default: []].formUnion(anchors)
    }

    /// Replaces a page's anchors (after an edit); returns whether they changed.
    @discardableResult
    mutating func setPage(url: String, anchors: Set<String>) -> Bool {
        guard anchorsByURL[url] != anchors else { return false }
        anchorsByURL[url] = anchors
        return true
    }

    mutating func removePage(url: String) {
        anchorsByURL[url] = nil
    }

    mutating func addFile(url: String) {
        files.insert(url)
    }

    enum Lookup: Equatable {
        case found
        case missingPage
        case missingAnchor(known: Set<String>)
    }

    /// Whether `path#fragment` exists. `/x/` and `/x/index.html` name the same page.
    func lookup(path: String, fragment: String?) -> Lookup {
        guard let anchors = anchors(for: path) else {
            return files.contains(path) && (fragment ?? "").isEmpty ? .found : .missingPage
        }
        guard let fragment, !fragment.isEmpty else { return .found }
        return anchors.contains(fragment) ? .found : .missingAnchor(known: anchors)
    }

    func anchors(for path: String) -> Set<String>? {
        if let anchors = anchorsByURL[path] { return anchors }
        if path.hasSuffix("/index.html") { return anchorsByURL[String(path.dropLast("index.html".count))] }
        if path.hasSuffix("/") { return anchorsByURL[path + "index.html"] }
        return anchorsByURL[path + "/"]
    }

    var pageURLs: [String] { Array(anchorsByURL.keys) }
}
