import Foundation

/// Refuses output directories whose replacement would lose someone's files: the file system root, the home
/// directory, the content or templates directory, or any directory that contains them or lies inside them.
enum OutputDirectoryGuard {
    static func problem(output: String, protected: [String]) -> String? {
        let out = canonical(output)
        if out == "/" { return "refusing to write the site to '/'" }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, canonical(home) == out {
            return "refusing to replace the home directory with the site"
        }
        for directory in protected {
            let source = canonical(directory)
            if source == out { return "the output directory '\(output)' is the source directory '\(directory)'" }
            if isInside(source, out) { return "the output directory '\(output)' contains the source directory '\(directory)'" }
            if isInside(out, source) { return "the output directory '\(output)' lies inside the source directory '\(directory)'" }
        }
        return nil
    }

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var url = URL(fileURLWithPath: absolute).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { url = url.resolvingSymlinksInPath() }
        let result = url.path
        return result.count > 1 && result.hasSuffix("/") ? String(result.dropLast()) : result
    }

    /// True when `inner` is strictly below `outer`.
    private static func isInside(_ inner: String, _ outer: String) -> Bool {
        inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}
