import Foundation
import Testing
@testable import DochouseKit

/// `Baseline.parse` reads the plain shape with the strict JSON reader and leaves everything else to `JSONDecoder`.
/// These tests hold the two to the same answers: whatever the fast path takes must equal what `Codable` decodes.
@Suite("Baseline files: the fast reader agrees with JSONDecoder")
struct BaselineParseTests {
    private func decoded(_ text: String) -> Baseline? {
        try? JSONDecoder().decode(Baseline.self, from: Data(text.utf8))
    }

    private func parsed(_ text: String) -> Baseline? {
        if case .success(let baseline) = Baseline.parse(Data(text.utf8)) { return baseline }
        return nil
    }

    @Test("A baseline written by `dochouse baseline` is read by the fast path, equal to JSONDecoder's reading")
    func writtenBaselineRoundTrips() throws {
        let original = Baseline(findings: [
            .init(rule: "iam.unknown-action", file: "pages/a.md", message: "s3:GetObjekt is not an action of s3"),
            .init(rule: "links.broken-anchor", file: "pages/b.ru.md", message: "ссылка на «#нет» не находит якоря",
                  reason: "fixed in the next release"),
            .init(rule: "yaml.one-string-list", file: "pages/c.md", message: "tab\there, quote \" and backslash \\ and \u{1F600}"),
        ])
        let text = String(decoding: original.encoded(), as: UTF8.self)
        let fast = try #require(Baseline.readPlain(Data(text.utf8)))
        #expect(fast == original)
        #expect(fast == decoded(text))
    }

    @Test("Unknown keys are ignored and a null reason is no reason, as Codable has it",
          arguments: [
              #"{"version": 1, "findings": [{"rule": "r", "file": "f", "message": "m", "reason": null, "extra": [1, {}]}], "tool": "x"}"#,
              #"{"findings": [], "version": 2}"#,
              #"{"version": -0, "findings": [{"message": "m\u00e9", "file": "f", "rule": "r"}]}"#,
          ])
    func plainShapes(text: String) throws {
        let fast = try #require(Baseline.readPlain(Data(text.utf8)))
        #expect(fast == decoded(text))
        #expect(parsed(text) == decoded(text))
    }

    @Test("Bytes that are not UTF-8 are not repaired into a baseline: JSONDecoder refuses them")
    func invalidUTF8() {
        let bytes = Data(#"{"version": 1, "findings": [{"rule": "r", "file": "f", "message": "m"#.utf8) + Data([0xFF]) + Data(#""}]}"#.utf8)
        #expect(Baseline.readPlain(bytes) == nil)
        if case .success = Baseline.parse(bytes) {
            #expect((try? JSONDecoder().decode(Baseline.self, from: bytes)) != nil, "the fast path must not accept what JSONDecoder refuses")
        }
    }

    @Test("Anything else goes to JSONDecoder, which gives the answer or the error",
          arguments: [
              #"{"version": 1.0, "findings": []}"#,
              #"{"version": "1", "findings": []}"#,
              #"{"version": 1}"#,
              #"{"findings": []}"#,
              #"{"version": 1, "findings": [{"rule": "r", "file": "f"}]}"#,
              #"{"version": 1, "findings": [{"rule": 5, "file": "f", "message": "m"}]}"#,
              #"{"version": 1, "findings": [{"rule": "r", "file": "f", "message": "m", "reason": 3}]}"#,
              #"{"version": 1, "version": 2, "findings": []}"#,
              #"{"version": 1, "findings": {}}"#,
              #"[1, 2]"#,
              #"{"version": 1, "findings": [],}"#,
              "\u{FEFF}{\"version\": 1, \"findings\": []}",
              "",
          ])
    func otherShapes(text: String) {
        #expect(Baseline.readPlain(Data(text.utf8)) == nil)
        #expect(parsed(text) == decoded(text))
        if decoded(text) == nil, case .failure(let error) = Baseline.parse(Data(text.utf8)) {
            #expect(error.description.hasPrefix("dochouse-baseline.json is not a valid baseline:"))
        }
    }
}

@Suite("Baseline marks: matching runs of files on every core gives the marks of one pass")
struct BaselineConcurrentMarkingTests {
    @Test("Same order, same marks, with repeated findings in a file and entries that cover only some of them")
    func sameMarks() async {
        let rule = RuleDescriptor(id: "test.rule", defaultSeverity: .error, summary: "A test finding.")
        let other = RuleDescriptor(id: "test.other", defaultSeverity: .warning, summary: "Another.")
        var findings: [Diagnostic] = []
        var entries: [Baseline.Entry] = []
        // 300 files, 40 findings each, messages repeating within a file; findings without a place too.
        for file in 0..<300 {
            for index in 0..<40 {
                let message = "message \(index % 7)"
                findings.append(Diagnostic(rule: index % 3 == 0 ? other : rule, message: message,
                                           at: SourceLocation(file: "root/pages/f\(file).md", line: 20 - index / 4, column: 1 + (index / 2) % 2)))
                // Accept some of the repeats only (two of the five or six equal findings), in some files.
                if file % 4 != 0, index < 14 {
                    entries.append(Baseline.Entry(rule: index % 3 == 0 ? "test.other" : "test.rule", file: "pages/f\(file).md", message: message))
                }
            }
        }
        for index in 0..<50 { findings.append(Diagnostic(rule: rule, message: "nowhere \(index)", at: nil)) }
        findings.reverse()
        let policy = DiagnosticPolicy(baseline: Baseline(findings: entries), contentRoot: "root")
        let once = policy.finish(findings)
        let concurrently = await policy.finishConcurrently(findings)
        #expect(once.count == concurrently.count)
        #expect(once.map(\.isBaselined).filter { $0 }.count > 1000)
        #expect(zip(once, concurrently).allSatisfy { $0.location == $1.location && $0.message == $1.message
            && $0.ruleID == $1.ruleID && $0.isBaselined == $1.isBaselined })
    }
}
