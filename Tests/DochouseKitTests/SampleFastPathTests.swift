import Foundation
import PropertyBased
import Testing
@testable import DochouseKit

/// The second round of policy fast paths (issue #3) against the straightforward readings: a sample's line table
/// against measuring each line from the top, a statement's element indices against `SampleValue`'s subscript.
@Suite("Sample fast paths answer as the straightforward readings")
struct SampleFastPathTests {
    // MARK: Source map

    /// Pages whose samples sit where prefixes differ per line: list items, block quotes, indented fences, tabs,
    /// CRLF, non-ASCII before and inside the sample, an empty last line, lines cmark changes.
    static let pages = [
        "```json\n{\n  \"a\": 1\n}\n```\n",
        "- item\n\n  ```json\n  {\n    \"é\": \"ü\"\n  }\n  ```\n",
        "> ```json\n> {\"a\":\n>  [1, 2]}\n> ```\n",
        "1. one\n   > ```yaml\n   > a: 1\n   >\n   > b: 2\n   > ```\n",
        "   ```json\n   {\n\t\"a\": 1\n   }\n   ```\n",
        "```json\r\n{\r\n  \"a\": 1\r\n}\r\n```\r\n",
        "- Привет\n  - ```yaml\n    ключ: значение\n\n    b: 2\n    ```\n",
        "```json\n\n\n```\n",
        "```\nno language\n```\n",
        "* > ```json\n  > {\"k\": \"\u{1F600}\"}\n  > ```\n",
    ]

    @Test("A sample position maps to the file as measuring its line from the top maps it")
    func sourceMapLineTableMatchesMeasuring() throws {
        var compared = 0
        for text in Self.pages {
            let (page, _) = TestSupport.parsePage("---\ntitle: T\npermalink: en/t.html\n---\n" + text)
            let blocks = try #require(page).codeBlocks
            #expect(!blocks.isEmpty, "\(text.debugDescription)")
            for block in blocks {
                let map = SampleSourceMap(file: try #require(page).source, block: block)
                let lines = block.literal.split(separator: "\n", omittingEmptySubsequences: false).count
                for line in 0...(lines + 2) {
                    for column in [0, 1, 2, 5] {
                        let reference = map.file.location(line: map.firstLine + max(1, line) - 1,
                                                          column: map.measuredPrefix(ofLine: max(1, line)) + max(1, column))
                        #expect(map.location(SamplePosition(line: line, column: column)) == reference,
                                "\(text.debugDescription) line \(line) column \(column)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 200)
    }

    // MARK: Statement elements

    /// Keys: every element, near misses in case and spelling, and keys that differ from an element only in
    /// Unicode (a combining accent, the Kelvin sign, a Cyrillic letter), repeated so duplicates occur.
    static let key = PropertyTests.pick([
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition",
        "sid", "SID", "Actions", "action", "Effekt", "Resourc", "Condition ", "Sid\u{301}", "\u{405}id", "Effec\u{74}",
        "NotPrincipaL", "Version", "", "\u{212A}ey", "NotResource\u{0}",
    ]).array(of: 0...12)

    @Test("A statement's elements are the members its subscript finds")
    func statementElementsMatchSubscript() async {
        await propertyCheck(count: 2_000, input: Self.key) { keys in
            let members = keys.enumerated().map { index, key in
                SampleMember(key: key, keyPosition: SamplePosition(line: index + 1, column: 1),
                             value: SampleValue(kind: .number("\(index)"), position: SamplePosition(line: index + 1, column: 5)))
            }
            let value = SampleValue(kind: .object(members), position: SamplePosition(line: 1, column: 1))
            let statement = IAMStatement(value)
            #expect(statement.sid == value["Sid"], "\(keys)")
            #expect(statement.effect == value["Effect"], "\(keys)")
            #expect(statement.action == value["Action"], "\(keys)")
            #expect(statement.notAction == value["NotAction"], "\(keys)")
            #expect(statement.resource == value["Resource"], "\(keys)")
            #expect(statement.notResource == value["NotResource"], "\(keys)")
            #expect(statement.principal == value["Principal"], "\(keys)")
            #expect(statement.notPrincipal == value["NotPrincipal"], "\(keys)")
            #expect(statement.condition == value["Condition"], "\(keys)")
        }
    }

    @Test("A statement that is not an object has no elements")
    func statementOfScalarHasNoElements() {
        let statement = IAMStatement(SampleValue(kind: .string("Sid"), position: SamplePosition(line: 1, column: 1)))
        #expect(statement.sid == nil && statement.action == nil && statement.condition == nil)
    }
}
