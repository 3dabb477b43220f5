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
    ///
    /// A baseline of a large tree is megabytes of JSON (24,000 findings make 7.6 MB), read before any page is
    /// compiled. `JSONDecoder` took 0.2 s of it through `Codable`'s containers, so the plain shape is read with
    /// the strict reader first; anything it does not take as plainly (another type, a fractional version,
    /// duplicate keys, a byte-order mark) goes to `JSONDecoder`, which gives the answer and the error message.
    public static func parse(_ data: Data) -> Result<Baseline, ParseError> {
        if let plain = readPlain(data) { return .success(plain) }
        do {
            return .success(try JSONDecoder().decode(Baseline.self, from: data))
        } catch {
            return .failure(ParseError(description: "\(fileName) is not a valid baseline: \(error)"))
        }
    }

    /// The baseline when `data` has exactly the shape `Codable` would decode, or nil to let `JSONDecoder` decide.
    static func readPlain(_ data: Data) -> Baseline? {
        // Bytes that are not UTF-8 (decoding would repair them) and a byte-order mark are JSONDecoder's to judge.
        guard data.first != 0xEF, let text = String(validating: data, as: UTF8.self) else { return nil }
        guard case .success(let root) = StrictJSONReader.read(text),
              let members = root.members else { return nil }
        var version: Int?
        var findings: [Entry]?
        for member in members {
            switch member.key {
            case "version":
                guard case .number(let text) = member.value.kind, let number = Int(text) else { return nil }
                version = number
            case "findings":
                guard let items = member.value.arrayValue else { return nil }
                var entries: [Entry] = []
                entries.reserveCapacity(items.count)
                for item in items {
                    guard let entry = plainEntry(item) else { return nil }
                    entries.append(entry)
                }
                findings = entries
            default:
                continue
            }
        }
        guard let version, let findings else { return nil }
        var baseline = Baseline(findings: findings)
        baseline.version = version
        return baseline
    }

    private static func plainEntry(_ value: SampleValue) -> Entry? {
        guard let members = value.members else { return nil }
        var rule: String?, file: String?, message: String?, reason: String?
        for member in members {
            switch member.key {
            case "rule", "file", "message":
                guard case .string(let text) = member.value.kind else { return nil }
                if member.key == "rule" { rule = text } else if member.key == "file" { file = text } else { message = text }
            case "reason":
                switch member.value.kind {
                case .string(let text): reason = text
                case .null: reason = nil
                default: return nil
                }
            default:
                continue
            }
        }
        guard let rule, let file, let message else { return nil }
        return Entry(rule: rule, file: file, message: message, reason: reason)
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
