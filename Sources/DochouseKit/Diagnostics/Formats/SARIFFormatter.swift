import Foundation

/// `check --format sarif`: SARIF 2.1.0, the format code-scanning services read. Columns are Unicode code
/// points (`columnKind`), as dochouse counts them; baselined findings carry an external suppression.
public enum SARIFFormatter {
    public static func format(_ result: BuildResult, rules: [RuleDescriptor], version: String) -> String {
        var seen: Set<String> = []
        let uniqueRules = rules.filter { seen.insert($0.id).inserted }
        let ruleIndex = Dictionary(uniqueKeysWithValues: uniqueRules.enumerated().map { ($1.id, $0) })
        let descriptors: [[String: Any]] = uniqueRules.map { rule in
            ["id": rule.id,
             "shortDescription": ["text": rule.summary],
             "defaultConfiguration": ["level": level(rule.defaultSeverity)]]
        }
        let results: [[String: Any]] = result.diagnostics.map { diagnostic in
            var item: [String: Any] = [
                "ruleId": diagnostic.ruleID,
                "level": level(diagnostic.severity),
                "message": ["text": diagnostic.message + (diagnostic.suggestion.map { "\n" + $0 } ?? "")],
            ]
            if let index = ruleIndex[diagnostic.ruleID] { item["ruleIndex"] = index }
            if let range = diagnostic.range {
                item["locations"] = [["physicalLocation": physicalLocation(range)]]
            }
            if !diagnostic.notes.isEmpty {
                item["relatedLocations"] = diagnostic.notes.enumerated().compactMap { offset, note -> [String: Any]? in
                    guard let location = note.location else { return nil }
                    return ["id": offset, "message": ["text": note.message],
                            "physicalLocation": physicalLocation(SourceRange(start: location))]
                }
            }
            if !diagnostic.fixIts.isEmpty {
                item["fixes"] = [["description": ["text": diagnostic.suggestion ?? "apply the replacement"],
                                  "artifactChanges": diagnostic.fixIts.map { fix in
                                      ["artifactLocation": ["uri": uri(fix.range.start.file)],
                                       "replacements": [["deletedRegion": region(fix.range),
                                                         "insertedContent": ["text": fix.replacement]]]]
                                  }]]
            }
            if diagnostic.isBaselined {
                item["suppressions"] = [["kind": "external", "justification": "listed in \(Baseline.fileName)"]]
            }
            return item
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "dochouse", "version": version, "informationUri": "https://github.com/dochouse/dochouse",
                                    "rules": descriptors]],
                "columnKind": "unicodeCodePoints",
                "results": results,
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    private static func uri(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        return trimmed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? trimmed
    }

    private static func region(_ range: SourceRange) -> [String: Any] {
        var region: [String: Any] = ["startLine": range.start.line, "startColumn": range.start.column]
        if let end = range.end {
            region["endLine"] = end.line
            region["endColumn"] = end.column
        }
        return region
    }

    private static func physicalLocation(_ range: SourceRange) -> [String: Any] {
        ["artifactLocation": ["uri": uri(range.start.file)], "region": region(range)]
    }
}
