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
