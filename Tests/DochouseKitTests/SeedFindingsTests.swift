import Foundation
import Testing
@testable import DochouseKit

@Suite("check on the bundled content reports exactly the seed's real findings")
struct SeedFindingsTests {
    static let content = TestSupport.repositoryRoot.appendingPathComponent("content").path

    static func expected(_ file: String) -> [String] {
        [
            "\(file):15:8: warning: this sample is JSON but its fence says 'yaml'; mark it ```json [sample.fence-language]",
            "\(file):23:34: warning: account ID 'xxx' is a placeholder; readers must replace it before using the policy; the resource part 'role/xxx-node' holds a placeholder too ('xxx') [iam.placeholder-account]",
            "\(file):30:13: error: ecr:GetAuthorizationToken has no resource type, so a repository policy cannot grant it; grant it to the node role instead, through additionalRolePolicies in AWSClusterConfiguration [iam.resource-policy-cannot-grant]",
            "\(file):60:1: error: YAML reads these 2 lines as one string, 'ec2:DescribeTags ec2:DescribeInstances', not as a list of 2 actions [yaml.one-string-list]",
        ]
    }

    @Test("Both languages: the placeholder, the ungrantable action, the one-string list, and the mislabelled fence")
    func seedFindings() async throws {
        let result = try await TestSupport.run(content: Self.content, render: false, useBaseline: false)
        #expect(TestSupport.lines(result.diagnostics, relativeTo: Self.content)
                == Self.expected("pages/admin/integrations/public/amazon/services.md")
                + Self.expected("pages/admin/integrations/public/amazon/services.ru.md"))
        #expect(result.hasErrors)
        #expect(result.samplesByKind == ["resource policy": 2, "configuration": 2, "action list": 2])
    }

    @Test("The baseline accepts exactly those findings: reported, marked, and no longer failing")
    func baselineAcceptsThem() async throws {
        let result = try await TestSupport.run(content: Self.content, render: false)
        #expect(result.diagnostics.count == 8)
        #expect(result.diagnostics.allSatisfy { $0.isBaselined })
        #expect(!result.hasErrors)
    }

    @Test("A new finding is not covered by the baseline")
    func newFindingFails() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let copy = work + "/content"
        try FileManager.default.copyItem(atPath: Self.content, toPath: copy)
        let page = copy + "/pages/admin/integrations/public/amazon/services.md"
        var text = try String(contentsOfFile: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"ecr:BatchGetImage\",", with: "\"ecr:BatchGetImages\",")
            .replacingOccurrences(of: "\"Version\": \"2012-10-17\"", with: "\"Version\": \"2012-10-18\"")
            .replacingOccurrences(of: "\"Effect\": \"Allow\"", with: "\"Effect\": \"allow\"")
        try text.write(toFile: page, atomically: true, encoding: .utf8)
        let result = try await TestSupport.run(content: copy, render: false)
        let fresh = TestSupport.lines(result.diagnostics.filter { !$0.isBaselined }, relativeTo: copy)
        #expect(fresh == [
            "pages/admin/integrations/public/amazon/services.md:17:18: error: Version '2012-10-18' is not a version of the IAM policy language; IAM knows only \"2012-10-17\" (current) and \"2008-10-17\" (old) [iam.version-invalid]",
            "pages/admin/integrations/public/amazon/services.md:21:21: error: Effect is case-sensitive: write \"Allow\", not \"allow\"; IAM rejects the policy otherwise [iam.effect-invalid]",
            "pages/admin/integrations/public/amazon/services.md:27:13: error: 'ecr:BatchGetImages' is not an action of Amazon Elastic Container Registry (ecr); IAM ignores it, so it grants nothing [iam.unknown-action]",
            "pages/admin/integrations/public/amazon/services.ru.md:15:5: error: this sample differs from its counterpart in the en page (- en, + ru):\n- Statement[0].Action[] = \"ecr:batchgetimages\"\n+ Statement[0].Action[] = \"ecr:batchgetimage\"\n- Statement[0].Effect = \"allow\"\n+ Statement[0].Effect = \"Allow\"\n- Version = \"2012-10-18\"\n+ Version = \"2012-10-17\" [twin.sample-content]",
        ])
        #expect(result.diagnostics.first { $0.ruleID == "iam.unknown-action" }?.suggestion == "did you mean 'ecr:BatchGetImage'?")
        #expect(result.hasErrors)
    }
}

@Suite("check's output formats")
struct CheckFormatTests {
    func result() async throws -> BuildResult {
        try await TestSupport.run(content: SeedFindingsTests.content, render: false, useBaseline: false)
    }

    @Test("JSON carries rule ids, severities, exact regions and the summary")
    func json() async throws {
        let text = JSONReportFormatter.format(try await result(), version: "test")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 8)
        let first = try #require(findings.first { ($0["rule"] as? String) == "iam.resource-policy-cannot-grant" })
        #expect(first["line"] as? Int == 30)
        #expect(first["column"] as? Int == 13)
        #expect(first["severity"] as? String == "error")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 4)
        #expect(summary["warnings"] as? Int == 4)
    }

    @Test("SARIF 2.1.0: version, driver rules, results with rule index, level, message and region")
    func sarif() async throws {
        let text = SARIFFormatter.format(try await result(), rules: SampleRules.descriptors, version: "test")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "rule ids are unique")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 8)
        for item in results {
            let ruleID = try #require(item["ruleId"] as? String)
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(ids.indices.contains(index) && ids[index] == ruleID)
            #expect(["error", "warning", "note"].contains(item["level"] as? String))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") || uri.contains("content/pages"))
        }
    }

    @Test("GitHub workflow commands with file, line, col and title, newlines escaped")
    func github() async throws {
        let lines = GitHubAnnotationFormatter.format(try await result().diagnostics).split(separator: "\n")
        #expect(lines.count == 8)
        let cannotGrant = try #require(lines.first { $0.contains("iam.resource-policy-cannot-grant") })
        #expect(cannotGrant.hasPrefix("::error file="))
        #expect(cannotGrant.contains("services.md,line=30,col=13,title=iam.resource-policy-cannot-grant::ecr%3A") == false)
        #expect(cannotGrant.contains(",line=30,col=13,title=iam.resource-policy-cannot-grant::ecr:GetAuthorizationToken has no resource type"))
        #expect(GitHubAnnotationFormatter.escapeData("a%b\nc") == "a%25b%0Ac")
        #expect(GitHubAnnotationFormatter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}
