import Testing
import Yams
@testable import DochouseKit

@Suite("YAML composing with the basic resolver")
struct YAMLComposerTests {
    /// What Yams' default resolver says about the text: the composed tree's shape or the error it throws.
    private func outcome(_ compose: () throws -> Node?) -> String {
        do {
            guard let node = try compose() else { return "empty" }
            return shape(node)
        } catch let error as YamlError {
            if case let .duplicatedKeysInMapping(duplicates, context) = error {
                return "duplicates \(duplicates.sorted()) at \(context.mark.line):\(context.mark.column)"
            }
            return "error \(error)"
        } catch {
            return "other \(error)"
        }
    }

    private func shape(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "\(scalar.string)@\(scalar.mark?.line ?? 0):\(scalar.mark?.column ?? 0)/\(scalar.style.rawValue)"
        case .sequence(let sequence): return "[" + sequence.map(shape).joined(separator: ",") + "]"
        case .mapping(let mapping): return "{" + mapping.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        case .alias: return "*"
        }
    }

    private func expectAgreement(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let cheap = outcome { try YAMLComposer.composeResolvingCheaply(text) }
        let reference = outcome { try Yams.compose(yaml: text, .default, .default, .utf8) }
        #expect(cheap == reference, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("Keys that are duplicates only as text, typed keys, explicit tags and merges agree with the default resolver")
    func chosen() {
        let samples = [
            "a: 1\nb: 2\n", "a: 1\na: 2\n", "1: a\n\"1\": b\n", "true: a\n'true': b\n", "yes: a\ntrue: b\n",
            "~: a\nnull: b\n", "1: a\n1: b\n", "0x1: a\n1: b\n", "!!int 1: a\n1: b\n", "!!str 1: a\n\"1\": b\n",
            "!!str a: 1\na: 2\n", "<<: {a: 1}\n<<: {b: 2}\n", "- {k: 1, k: 2}\n", "{\"a\": 1, 'a': 2}", "a: [1, 2, {b: 1, b: 1}]",
            "x: &a {k: 1}\ny: *a\n", "Version: 2012-10-17\nStatement: []\n", "key: !custom value\n", "a:\n  b: 1\n  c: 2\n  b: 3\n",
            "ec2:DescribeTags\nec2:DescribeInstances\n", "", "# only a comment\n", "a: b: c\n",
        ]
        for text in samples { expectAgreement(text) }
    }

    @Test("Random small mappings agree with the default resolver")
    func random() {
        let keys = ["a", "1", "\"1\"", "'a'", "true", "yes", "on", "~", "null", "1.0", "0x1", "01", "<<", "b"]
        var state: UInt64 = 29
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<2_000 {
            let count = 1 + next(4)
            var text = ""
            for _ in 0..<count { text += "\(keys[next(keys.count)]): \(next(3) == 0 ? "{x: 1}" : "v")\n" }
            expectAgreement(text)
        }
    }
}
