import Foundation

/// Known findings a docs tree has accepted for now (`content/dochouse-baseline.json`). A finding the baseline
/// lists is still reported, marked as baselined, but fails neither `build` nor `check`; any other finding does.
/// This is how a team adopts dochouse on a tree with existing flaws without hiding them or turning rules off.
///
/// A finding is matched by rule id, file (relative to the content directory) and message, never by line, so
/// edits elsewhere in a page do not break the match; the same message twice in a file needs two entries.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var rule: String
        public var file: String
        public var message: String
        /// Why the finding is accepted, for the next reader.
        public var reason: String?

        public init(rule: String, file: String, message: String, reason: String? = nil) {
            self.rule = rule
            self.file = file
            self.message = message
            self.reason = reason
        }
    }

    public var version: Int
    public var findings: [Entry]

    public init(findings: [Entry] = []) {
        self.version = 1
        self.findings = findings
    }

    public static let fileName = "dochouse-baseline.json"

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses a baseline file; a malformed one is reported instead of silently ignored.
    public static func parse(_ data: Data) -> Result<Baseline, ParseError> {
        do {
            return .success(try JSONDecoder().decode(Baseline.self, from: data))
        } catch {
            return .failure(ParseError(description: "\(fileName) is not a valid baseline: \(error)"))
        }
    }

    /// A baseline that accepts every error and warning of `diagnostics`.
    public static func accepting(_ diagnostics: [Diagnostic], contentRoot: String) -> Baseline {
        Baseline(findings: diagnostics.compactMap { diagnostic in
            guard diagnostic.severity != .note, let location = diagnostic.location else { return nil }
            return Entry(rule: diagnostic.ruleID, file: relativePath(location.file, to: contentRoot), message: diagnostic.message)
        })
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    static func relativePath(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        if path.hasPrefix("./" + prefix) { return String(path.dropFirst(prefix.count + 2)) }
        return path
    }
}
