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
        if trimmed.contains("\\") { return .failure(.invalidCharacter("a backslash")) }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(.invalidCharacter("a control character"))
        }
        if trimmed.contains("?") || trimmed.contains("#") { return .failure(.invalidCharacter("'?' or '#'")) }
        let directoryStyle = trimmed.hasSuffix("/")
        var segments: [Substring] = []
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." || segment.lowercased().contains("%2e%2e") || segment.lowercased().contains("%2f") {
                return .failure(.escapes(String(segment)))
            }
            segments.append(segment)
        }
        if segments.isEmpty {
            return .success(Resolved(outputPath: "index.html", url: "/"))
        }
        let last = segments[segments.count - 1]
        if directoryStyle || !last.contains(".") {
            let path = segments.joined(separator: "/")
            return .success(Resolved(outputPath: path + "/index.html", url: "/" + path + "/"))
        }
        let path = segments.joined(separator: "/")
        return .success(Resolved(outputPath: path, url: "/" + path))
    }
}

