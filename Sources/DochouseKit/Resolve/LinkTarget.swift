/// What a link in a page points to, once resolved against the page's URL and language.
public enum LinkTarget: Sendable, Hashable {
    /// A URL with a scheme (`https:`, `mailto:`) or a protocol-relative `//host` link: listed, never fetched.
    case external(String)
    /// A scheme that is never rendered (`javascript:`, `vbscript:`, `file:`, `data:` except images).
    case unsafe(String)
    /// A place in this site: a URL path from the site root (`/ru/modules/x.html`; empty for the page itself)
    /// and an optional fragment, percent-decoded.
    case site(path: String, fragment: String?)
}

/// Resolves link destinations the way the site is served.
///
/// - `#frag` stays on the page.
/// - `/path` with no language prefix is relative to the page's language root: `/modules/x.html` on a Russian
///   page is `/ru/modules/x.html`. A path that starts with a site language is left as it is.
/// - relative paths resolve against the page's URL; a relative link to another page's `.md` source resolves to
///   that page's URL.
struct LinkResolver: Sendable {
    var languages: [String]
    /// Source path under `pages/` (`admin/x.ru.md`) to page URL, for links written to `.md` files.
    var urlsBySourcePath: [String: String]

    func resolve(_ destination: String, pageURL: String, pageLanguage: String, pageSourcePath: String,
                 isImage: Bool = false) -> LinkTarget {
        let trimmed = destination.trimming(charactersIn: " \t\n")
        if let scheme = Self.scheme(of: trimmed) {
            let lower = scheme.lowercased()
            if ["javascript", "vbscript", "file"].contains(lower) { return .unsafe(trimmed) }
            if lower == "data" {
                let allowed = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                return isImage && allowed.contains(where: { trimmed.lowercased().hasPrefix($0) }) ? .external(trimmed) : .unsafe(trimmed)
            }
            return .external(trimmed)
        }
        if trimmed.hasPrefix("//") { return .external(trimmed) }

        var pathPart = Substring(trimmed)
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = Self.percentDecoded(String(pathPart[pathPart.index(after: hash)...]))
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let path = Self.percentDecoded(String(pathPart))
        if path.isEmpty { return .site(path: "", fragment: fragment) }

        if path.hasPrefix("/") {
            let first = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if languages.contains(first) { return .site(path: Self.normalize(path), fragment: fragment) }
            return .site(path: Self.normalize("/" + pageLanguage + path), fragment: fragment)
        }
        if path.hasSuffix(".md") {
            let sourceDirectory = pageSourcePath.split(separator: "/").dropLast().joined(separator: "/")
            let joined = Self.normalize("/" + (sourceDirectory.isEmpty ? "" : sourceDirectory + "/") + path)
            if let url = urlsBySourcePath[String(joined.dropFirst())] { return .site(path: url, fragment: fragment) }
        }
        let directory = pageURL.hasSuffix("/") ? pageURL : String(pageURL[...(pageURL.lastIndex(of: "/") ?? pageURL.startIndex)])
        return .site(path: Self.normalize(directory + path), fragment: fragment)
    }

    /// The scheme of an absolute URL (`https` of `https://...`), or nil for a path.
    static func scheme(of text: String) -> String? {
        // Looked for in the bytes: searching Characters breaks graphemes along a Cyrillic anchor.
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return String(scheme)
    }

    /// Removes `.` and `..` segments (never above the root) and doubled slashes; keeps a trailing slash.
    static func normalize(_ path: String) -> String {
        isNormalized(path) ? path : normalizedBySegments(path)
    }

    static func normalizedBySegments(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        let trailing = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        let joined = "/" + segments.joined(separator: "/")
        return trailing && !segments.isEmpty ? joined + "/" : joined
    }

    /// True when `normalize` would return the path unchanged: it starts with `/` and has no empty, `.` or `..`
    /// segment (most links), checked on bytes without splitting.
    static func isNormalized(_ path: String) -> Bool {
        var bytes = path.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        // Length of the current segment, and whether it is all dots so far.
        var length = 0, dots = true
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dots && length <= 2) { return false }
                length = 0
                dots = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { dots = false }
            }
        }
        return !(dots && length > 0 && length <= 2)
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
