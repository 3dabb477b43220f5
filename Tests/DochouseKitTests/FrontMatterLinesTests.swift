import Testing
@testable import DochouseKit

/// `FrontMatterLines` reads the plainest front matter without Yams. Whatever it reads must be what composing the
/// same lines with Yams gives: the same values, key locations and length; everything else it must leave to Yams.
@Suite("Front matter: the line reader agrees with Yams")
struct FrontMatterLinesTests {
    /// The reading through Yams, or nil when Yams refuses the block.
    private func composed(_ file: SourceFile) -> FrontMatter? {
        if case .parsed(let frontMatter) = FrontMatterParser.parse(file, allowPlainReader: false) { return frontMatter }
        return nil
    }

    private func file(_ lines: [String]) -> SourceFile {
        SourceFile(displayPath: "page.md", text: (["---"] + lines + ["---", "", "Body."]).joined(separator: "\n"))
    }

    private func expectSame(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let source = file(lines)
        guard let fast = FrontMatterLines.read(source, lines: 2..<(lines.count + 2)) else { return false }
        let slow = composed(source)
        #expect(slow != nil, "Yams refuses what the line reader took: \(lines)", sourceLocation: sourceLocation)
        guard let slow else { return true }
        #expect(fast.values == slow.values, "values differ for \(lines)", sourceLocation: sourceLocation)
        #expect(fast.keyLocations == slow.keyLocations, "key locations differ for \(lines)", sourceLocation: sourceLocation)
        #expect(fast.lineCount == slow.lineCount && fast.location == slow.location, sourceLocation: sourceLocation)
        return true
    }

    @Test("The front matter of the bundled content and of the benchmark corpus is read by the line reader")
    func usualShapes() {
        let shapes: [[String]] = [
            ["title: \"Аудит ролей сервисных аккаунтов для кластеров EKS\"", "permalink: /ru/section-0/page-0/", "lang: ru"],
            ["title: Services", "permalink: en/admin/integrations/public/amazon/services.html"],
            ["title: 'Single quoted: with a colon # and a hash'", "weight: 10", "draft: false", "ratio: -1.5"],
            ["title: A", "", "lang: en"],
        ]
        for lines in shapes { #expect(expectSame(lines), "not read by the line reader: \(lines)") }
    }

    @Test("Shapes it must leave to Yams",
          arguments: [
              ["title: a: b"], ["title: Note:"], ["title: x # comment"], ["title:"], ["title :x"], ["title:x"],
              ["# comment", "title: x"], ["title: x", "  continued"], ["title: \"a\\\"b\""], ["title: 'it''s'"],
              ["title: \"x\" # c"], ["title: [a, b]"], ["title: {a: 1}"], ["title: &anchor x"], ["title: *alias"],
              ["title: !tag x"], ["title: |"], ["title: >"], ["title: - x"], ["title: x\ty"], ["title: a", "title: b"],
              ["title: \u{85}x"], ["title: a\u{2028}b"], ["title: \u{FEFF}x"], ["title: \u{A0}x"], ["- a"], ["<<: *x"],
              ["title: \"unclosed"], ["tags:", "  - a"], ["title: %x"], ["title: @x"], ["title: `x`"], ["title: ?x"],
          ])
    func leftToYams(lines: [String]) {
        #expect(FrontMatterLines.read(file(lines), lines: 2..<(lines.count + 2)) == nil)
    }

    @Test("On generated front matter, every block the line reader takes reads the same through Yams")
    func generated() {
        let keys = ["title", "permalink", "lang", "weight", "draft", "x-y", "_k", "t1", "true", "null"]
        let usual = ["plain", "Аудит", "/ru/a/b/", "a:b", "x#c", "\"q\"", "'s'", "1", "-1", "1.5e3", "0x1F", "true",
                     "False", "NULL", "e", "日本", "(x)", ".", "é", "x y", "-", ","]
        let tricky = [
            "a: b", "x #c", "\"a\\\"b\"", "'it''s'", "-x", "~", ":", "#", "[a, b]", "{a: 1}", "- a", "&a", "*a", "!t",
            "|", ">", "%", "@", "`", " ", "\t", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{A0}", "?", "\"", "'", "\\", "",
        ]
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var taken = 0
        for _ in 0..<4000 {
            var lines: [String] = []
            for _ in 0..<(1 + next(4)) {
                switch next(12) {
                case 0: lines.append("")
                case 1: lines.append("  " + keys[next(keys.count)] + ": x")
                default:
                    var value = ""
                    for _ in 0..<(1 + next(3)) { value += next(5) == 0 ? tricky[next(tricky.count)] : usual[next(usual.count)] }
                    let separator = [": ", ":  ", ":", " : "][next(4) == 0 ? next(4) : 0]
                    lines.append(keys[next(keys.count)] + separator + value + (next(6) == 0 ? "  " : ""))
                }
            }
            if expectSame(lines) { taken += 1 }
        }
        // The generator is meant to exercise both sides: a good share is taken, and much is left to Yams.
        #expect(taken > 400 && taken < 3600, "the line reader took \(taken) of 4000")
    }
}
