/// Turns the path of a request into the key of a site file, refusing anything that could name a file
/// outside the site. The preview serves from memory, so no key can reach the disk; this is the second wall:
/// a traversal attempt gets a 400 instead of a lookup.
///
/// Refused (400): a path that does not start with `/`, bad percent-escapes, NUL or other control bytes,
/// backslashes, `.` or `..` segments (also as `%2e%2e`), encoded slashes (`%2f`), and invalid UTF-8.
public enum SitePathResolver {
    public enum Resolution: Equatable, Sendable {
        /// A site file key, relative to the site root (`en/x.html`; `en/` becomes `en/index.html`).
        case file(String)
        /// The path is outside the site's base path.
        case outsideSite
        /// The path is not acceptable; the reason is for the log.
        case badRequest(String)
    }

    /// Resolves the raw (still percent-encoded) request path, without the query, under `basePath` (`/` or `/docs/`).
    public static func resolve(_ rawPath: String, basePath: String = "/") -> Resolution {
        guard rawPath.hasPrefix("/") else { return .badRequest("the path does not start with /") }
        let raw = Array(rawPath.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < raw.count, let high = hexValue(raw[i + 1]), let low = hexValue(raw[i + 2]) else {
                    return .badRequest("malformed percent-escape")
                }
                let decoded = high << 4 | low
                if decoded == UInt8(ascii: "/") { return .badRequest("an encoded slash") }
                bytes.append(decoded)
                i += 3
            } else {
                bytes.append(byte)
                i += 1
            }
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .badRequest("a control character") }
        if bytes.contains(UInt8(ascii: "\\")) { return .badRequest("a backslash") }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return .badRequest("invalid UTF-8") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments where segment == "." || segment == ".." {
            return .badRequest("a dot segment")
        }
        if segments.dropLast().contains(where: \.isEmpty) { return .badRequest("an empty segment") }
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        guard decoded.hasPrefix(base) || decoded + "/" == base else { return .outsideSite }
        var key = String(decoded.dropFirst(min(base.count, decoded.count)))
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        return .file(key)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
