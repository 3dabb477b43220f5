import Foundation

/// Bounds on what one input may cost, set under `limits:` in `site.yaml`. Each is checked before the work it
/// bounds and, when crossed, reported with a rule of its own instead of being attempted.
///
/// Limits fixed in code, not per site (they protect the process, not the site's taste): JSON and YAML nesting
/// (512 levels), YAML values after alias expansion (100,000 per sample, 1,000,000 per schema), Markdown nesting
/// (`MarkdownParser.maxDepth`).
public struct ContentLimits: Sendable, Hashable {
    /// Largest page file read, in bytes (`pageSize`, default 10 MB). A larger page is not read at all.
    public var maxPageBytes: Int
    /// Most samples checked on one page (`samplesPerPage`, default 1,000).
    public var maxSamplesPerPage: Int
    /// Longest line of a sample, in bytes (`sampleLineLength`, default 10,000); a sample with a longer line is
    /// not parsed.
    public var maxSampleLineBytes: Int

    public init(maxPageBytes: Int = 10 * 1024 * 1024, maxSamplesPerPage: Int = 1_000, maxSampleLineBytes: Int = 10_000) {
        self.maxPageBytes = maxPageBytes
        self.maxSamplesPerPage = maxSamplesPerPage
        self.maxSampleLineBytes = maxSampleLineBytes
    }

    public static let `default` = ContentLimits()

    /// The `site.yaml` keys under `limits:`.
    static let keys = ["pageSize", "samplesPerPage", "sampleLineLength"]

    /// A size written as a whole number of bytes or with a unit: `10MB`, `512 KB`, `2 MiB` (units are powers of 1024).
    static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 12, let number = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let factor: Int
        switch unit {
        case "", "b": factor = 1
        case "k", "kb", "kib": factor = 1024
        case "m", "mb", "mib": factor = 1024 * 1024
        case "g", "gb", "gib": factor = 1024 * 1024 * 1024
        default: return nil
        }
        return number > 0 ? number * factor : nil
    }
}
