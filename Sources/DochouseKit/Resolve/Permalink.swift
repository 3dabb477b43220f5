/// Turns a front matter `permalink` into the file written under `site/` and the URL that serves it.
///
/// `ru/x/services.html` and `/ru/x/services.html` both write `ru/x/services.html`; a directory-style
/// `/ru/x/` (or a path without an extension) writes `ru/x/index.html` and is served as `/ru/x/`.
enum Permalink {
    struct Resolved: Equatable {
        var outputPath: String
        var url: String
    }

    enum Problem: Error, Equatable {
        case empty
        case escapes(String)
        case invalidCharacter(String)
    }

    static func resolve(_ permalink: String) -> Result<Resolved, Problem> {
        let trimmed = permalink.trimming(charactersIn: " \t")
        guard !trimmed.isEmpty else { return .failure(.empty) }
        // Checked on the UTF-8 bytes: `String.contains(String)` goes through Foundation's locale-aware search,
        // which was a sixth of reading 10,000 pages' front matter. None of these bytes occurs inside a multi-byte
        // scalar, so the answers are the same.
        let bytes = trimmed.utf8
        if bytes.contains(UInt8(ascii: "\\")) { return .failure(.invalidCharacter("a backslash")) }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(.invalidCharacter("a control character"))
        }
        if bytes.contains(UInt8(ascii: "?")) || bytes.contains(UInt8(ascii: "#")) {
            return .failure(.invalidCharacter("'?' or '#'"))
        }
        let directoryStyle = trimmed.hasSuffix("/")
        var segments: [Substring] = []
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." || (segment.utf8.contains(UInt8(ascii: "%")) && Self.hasEncodedEscape(segment)) {
                return .failure(.escapes(String(segment)))
            }
            segments.append(segment)
        }
        if segments.isEmpty {
            return .success(Resolved(outputPath: "index.html", url: "/"))
        }
        let last = segments[segments.count - 1]
        if directoryStyle || !last.utf8.contains(UInt8(ascii: ".")) {
            let path = segments.joined(separator: "/")
            return .success(Resolved(outputPath: path + "/index.html", url: "/" + path + "/"))
        }
        let path = segments.joined(separator: "/")
        return .success(Resolved(outputPath: path, url: "/" + path))
    }

    /// Whether a segment holds an encoded `..` or `/`, in any case.
    private static func hasEncodedEscape(_ segment: Substring) -> Bool {
        let lowered = segment.lowercased()
        return lowered.contains("%2e%2e") || lowered.contains("%2f")
    }
}

