import Foundation

/// `check --format json`: every finding with its exact region, the summary, and the external links (listed,
/// never fetched). Keys are sorted so the output diffs cleanly.
public enum JSONReportFormatter {
    struct Report: Codable {
        struct Finding: Codable {
            var rule: String
            var severity: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var endLine: Int?
            var endColumn: Int?
            var suggestion: String?
            var notes: [DiagnosticNote]
            var fixIts: [FixIt]
            var baselined: Bool
        }
        var tool: [String: String]
        var summary: CheckSummary
        var findings: [Finding]
        var externalLinks: [String]
    }

    public static func format(_ result: BuildResult, version: String) -> String {
        let findings = result.diagnostics.map { d in
            Report.Finding(rule: d.ruleID, severity: d.severity.rawValue, message: d.message, file: d.location?.file,
                           line: d.location?.line, column: d.location?.column, endLine: d.range?.end?.line,
                           endColumn: d.range?.end?.column, suggestion: d.suggestion, notes: d.notes, fixIts: d.fixIts,
                           baselined: d.isBaselined)
        }
        let report = Report(tool: ["name": "dochouse", "version": version], summary: CheckSummary(result),
                            findings: findings, externalLinks: result.externalLinks)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }
}
