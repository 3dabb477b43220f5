import Foundation
import Testing
@testable import DochouseKit

@Suite("Sample rules that do not need the IAM catalog or a schema")
struct SampleRuleTests {
    @Test("A fixture page with one flaw per block reports each at its exact place, and silence elsewhere")
    func generalRules() async throws {
        let root = TestSupport.fixture("samples")
        let result = try await TestSupport.run(content: root, render: false, useBaseline: false)
        let lines = TestSupport.lines(result.diagnostics.filter { !$0.ruleID.hasPrefix("iam.") }, relativeTo: root)
        #expect(lines == [
            "pages/general.md:10:9: error: invalid JSON: trailing comma before '}'; JSON does not allow it, remove the ',' [sample.json-syntax]",
            "pages/general.md:18:2: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4) [sample.yaml-syntax]",
            "pages/general.md:24:1: error: YAML reads these 2 lines as one string, 'ec2:DescribeTags ec2:DescribeInstances', not as a list of 2 actions [yaml.one-string-list]",
            "pages/general.md:31:10: error: `=` does not assign in YAML (and 1 more line); this is not the mapping it looks like [yaml.equals-lines]",
            "pages/general.md:40:7: error: this sample restates model 'node-role-default-actions' but lacks ec2:DescribeInstances and adds ec2:DescribeVolumes [model.mismatch]",
            "pages/general.md:44:9: error: unknown sample annotation 'modle=x'; known annotations: policy=, schema=, fragment, model=, check=off [sample.annotation]",
            "pages/general.md:44:23: error: 'check=maybe' must be check=off or check=on [sample.annotation]",
            "pages/general.md:52:15: error: no model named 'no-such-model' under policies/ (known: ecr-repository-read, node-role-default-actions) [model.unknown]",
            "pages/general.md:59:3: warning: this list looks like model 'node-role-default-actions' but adds ec2:DescribeRegions [model.drift]",
            "pages/general.ru.md:1:1: error: ru page has 0 sample(s) [] but its en original has 9 [data, data, action list, data, action list, data, action list, action list, action list] [twin.sample-count]",
        ])
        #expect(result.samplesOptedOut == 1)
        #expect(result.diagnostics.first { $0.ruleID == "sample.annotation" }?.suggestion == "did you mean 'model'?")
        let oneString = try #require(result.diagnostics.first { $0.ruleID == "yaml.one-string-list" })
        #expect(oneString.fixIts.first?.replacement == "- ec2:DescribeTags\n- ec2:DescribeInstances")
    }

    @Test("Positions inside a list item in a block quote map to the Markdown file")
    func sourceMapInContainers() {
        let text = "> - item\n>\n>   ```yaml\n>   a: 1\n>   b: [x\n>   ```\n"
        let file = SourceFile(displayPath: "q.md", text: text)
        let block = CodeBlock(info: "yaml", literal: "a: 1\nb: [x\n", isFenced: true, firstContentLine: 4, fenceIndent: 0,
                              location: file.location(line: 3, column: 5), markdownStart: .init(line: 3, column: 5))
        let map = SampleSourceMap(file: file, block: block)
        #expect(map.location(SamplePosition(line: 2, column: 4)) == SourceLocation(file: "q.md", line: 5, column: 8))
        #expect(map.infoLocation() == SourceLocation(file: "q.md", line: 3, column: 8))
    }

    @Test("Annotations: kinds, fragments, models, and unknown values with suggestions")
    func annotations() {
        let (a, problems) = SampleAnnotations.parse("json policy=resource:ecr-repository")
        #expect(a.language == "json")
        #expect(a.policy == .resource("ecr-repository"))
        #expect(problems.isEmpty)
        let (b, _) = SampleAnnotations.parse("yaml schema=AWSClusterConfiguration fragment")
        #expect(b.schemaKind == "AWSClusterConfiguration")
        #expect(b.isFragment)
        let (_, bad) = SampleAnnotations.parse("json policy=identiy")
        #expect(bad == [SampleAnnotations.Problem(offset: 12, message: "'policy=identiy' is not a policy kind; use policy=identity, policy=resource or policy=resource:TYPE",
                                                  suggestion: "did you mean 'policy=identity'?")])
        let (_, unknownType) = SampleAnnotations.parse("json policy=resource:ecr-repo")
        #expect(unknownType.first?.suggestion == "did you mean 'resource:ecr-repository'?")
    }

    @Test("The YAML reader keeps positions and the YAML 1.1 reading of plain scalars, and refuses alias bombs", .timeLimit(.minutes(1)))
    func yamlReader() throws {
        let value = try #require(try YAMLSampleReader.read("a: NO\nb: \"NO\"\nc: 012\n").get())
        #expect(value["a"]?.kind == .bool(false))
        #expect(value["a"]?.plainText == "NO")
        #expect(value["a"]?.position == SamplePosition(line: 1, column: 4))
        #expect(value["b"]?.kind == .string("NO"))
        #expect(value["b"]?.style == .yamlDoubleQuoted)
        #expect(value["c"]?.kind == .number("012"))
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { bomb += "\(Character(UnicodeScalar(UInt8(97 + level)))): &\(Character(UnicodeScalar(UInt8(97 + level)))) [" + Array(repeating: "*\(Character(UnicodeScalar(UInt8(96 + level))))", count: 9).joined(separator: ", ") + "]\n" }
        let refused = YAMLSampleReader.read(bomb)
        guard case .failure(let error) = refused else { Issue.record("the alias bomb was expanded"); return }
        #expect(error.isExpansionLimit)
    }

    @Test("Equal action sets are silent for models, in any order and letter case")
    func modelSetsIgnoreOrderAndCase() {
        #expect(ActionSetDifference(stated: ["EC2:describetags", "ec2:DescribeInstances"], model: ["ec2:DescribeInstances", "ec2:DescribeTags"]).isEmpty)
        #expect(ActionSetDifference(stated: ["ec2:A"], model: ["ec2:B"]).description == "lacks ec2:B and adds ec2:A")
    }
}
