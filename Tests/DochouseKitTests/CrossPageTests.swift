import Foundation
import Testing
@testable import DochouseKit

@Suite("Checks across pages: renamed headings, drifted copies")
struct CrossPageTests {
    @Test("Renaming a heading reports every link that pointed to it, at its line and column, with the nearest anchor")
    func renamedHeading() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let copy = work + "/links"
        try FileManager.default.copyItem(atPath: TestSupport.fixture("links"), toPath: copy)
        let target = copy + "/pages/guide/next.md"
        let text = try String(contentsOfFile: target, encoding: .utf8).replacingOccurrences(of: "## Part", with: "## Parts")
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        let result = try await TestSupport.run(content: copy, render: false)
        let broken = result.diagnostics.filter { $0.ruleID == "link.broken-anchor" }
        #expect(TestSupport.lines(broken, relativeTo: copy) == [
            "pages/guide/start.md:8:3: error: link to #part on /en/guide/next.html: that page has no such anchor [link.broken-anchor]",
            "pages/guide/start.md:10:3: error: link to #part on /en/guide/next.html: that page has no such anchor [link.broken-anchor]",
        ])
        #expect(broken.allSatisfy { $0.suggestion == "did you mean #parts?" })
    }

    @Test("A near-copy of a policy on another page that drifted is reported with both places; unrelated ones are not")
    func drift() async throws {
        let root = TestSupport.fixture("drift")
        let result = try await TestSupport.run(content: root, render: false)
        let lines = TestSupport.lines(result.diagnostics.filter { $0.ruleID == "drift.near-copy" }, relativeTo: root)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("pages/two.md:8:1: warning: this identity policy is a near-copy of the one in ") == true)
        #expect(lines.first?.hasSuffix("pages/one.md:6 but lacks ec2:DescribeSubnets and adds ec2:DescribeVpcs [drift.near-copy]") == true)
        let note = try #require(result.diagnostics.first { $0.ruleID == "drift.near-copy" }?.notes.first?.location)
        #expect(note.line == 6)
    }
}

@Suite("Twin parity: links and heading outline")
struct TwinParityTests {
    static func facts(_ text: String, path: String) throws -> TwinParity.Facts {
        let (page, _) = TestSupport.parsePage(text, path: path)
        return TwinParity.Facts(page: try #require(page), samples: [])
    }

    @Test("Different link targets and heading outlines are reported at the translation, with what differs")
    func linksAndHeadings() throws {
        let english = try Self.facts("---\ntitle: A\npermalink: en/a.html\n---\n## One\n\n### Sub\n\nSee [x](/x.html) and [y](/y.html#part).\n", path: "a.md")
        let russian = try Self.facts("---\ntitle: А\npermalink: ru/a.html\n---\n## Один\n\n## Два\n\nСм. [x](/x.html) и [z](/z.html).\n", path: "a.ru.md")
        let diagnostics = TwinParity.check([english, russian], site: .default)
        #expect(TestSupport.lines(diagnostics, relativeTo: "") == [
            "a.ru.md:9:20: warning: compared with its en original, this page lacks links to /y.html#part and adds links to /z.html [twin.links]",
            "a.ru.md:7:1: warning: heading outline differs from the en original: h2 h2 here, h2 h3 there [twin.heading-outline]",
        ])
    }

    @Test("Translated samples that differ only in layout, comments or key order are silent; a changed value is not")
    func samplesCompareByContent() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let pages = work + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        let english = """
            ---
            title: A
            permalink: en/a.html
            ---
            ```json
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}
            ```

            ```yaml
            name: x
            list: [1, 2]
            ```

            ```yaml
            name: y
            ```

            """
        let russian = """
            ---
            title: А
            permalink: ru/a.html
            ---
            ```json
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}
              ]
            }
            ```

            ```yaml
            # комментарий
            list:
              - 1
              - 2
            name: x  # имя
            ```

            ```yaml
            name: z
            ```

            """
        try english.write(toFile: pages + "/a.md", atomically: true, encoding: .utf8)
        try russian.write(toFile: pages + "/a.ru.md", atomically: true, encoding: .utf8)
        let result = try await TestSupport.run(content: work, render: false)
        let twins = result.diagnostics.filter { $0.ruleID.hasPrefix("twin.") }
        #expect(TestSupport.lines(twins, relativeTo: work) == [
            "pages/a.ru.md:22:1: error: this sample differs from its counterpart in the en page (- en, + ru):\n- name = \"y\"\n+ name = \"z\" [twin.sample-content]",
        ])
    }

    @Test("A link's language root is dropped as splitting the path at its first segment dropped it")
    func languageRootOnRandomPaths() {
        let languages = ["en", "ru"]
        func bySplitting(_ path: String) -> String {
            let segments = path.split(separator: "/", maxSplits: 1)
            guard let first = segments.first, languages.contains(String(first)) else { return path }
            return "/" + (segments.count > 1 ? String(segments[1]) : "")
        }
        let paths = TestSupport.randomTexts(from: ["/", "e", "n", "r", "u", "x", ".", "é"], count: 20_000, maxLength: 9, seed: 11)
            + ["/en/x.html", "/ru/", "/ru", "en", "//en//x", "/enx/y", "/", "", "/e\u{301}n/x"]
        for path in paths { #expect(TwinParity.withoutLanguageRoot(path, languages: languages) == bySplitting(path), "\(path)") }
    }

    @Test("Equal outlines and the same targets in the other language's root are silent")
    func silentWhenEqual() throws {
        let english = try Self.facts("---\ntitle: A\npermalink: en/a.html\n---\n## One\n\n[x](/x.html)\n", path: "a.md")
        let russian = try Self.facts("---\ntitle: А\npermalink: ru/a.html\n---\n## Один\n\n[x](/ru/x.html)\n", path: "a.ru.md")
        #expect(TwinParity.check([english, russian], site: .default).isEmpty)
    }
}
