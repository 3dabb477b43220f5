import Foundation
import PropertyBased
import Testing
@testable import DochouseKit

/// Generated templates, parsed and rendered both ways: the compiled parser must accept exactly what swift-mustache
/// accepts (failing at the same place), and render the same bytes.
@Suite("Compiled templates against swift-mustache on generated templates")
struct CompiledTemplatePropertyTests {
    /// Pieces of templates: every kind of tag, whitespace and line breaks around them (standalone lines), text with
    /// characters to escape, and the broken pieces that make syntax errors.
    static let piece = PropertyTests.pick([
        "{{#a}}", "{{/a}}", "{{^a}}", "{{#l}}", "{{/l}}", "{{^l}}", "{{#o}}", "{{/o}}", "{{#o.p}}", "{{/o.p}}",
        "{{a}}", "{{{s}}}", "{{& s}}", "{{.}}", "{{o.p.q}}", "{{.s}}", "{{ s }}", "{{n}}", "{{b}}",
        "{{! note }}", "{{=<% %>=}}", "<%={{ }}=%>", "<%s%>", "<%#a%>", "<%/a%>", "{{> p}}", "{{>p}}", "{{> missing}}",
        "\n", "\n", "\n", "\r\n", "  ", " ", "\t", "x", "<&\"'>", "é", "Ж", "\u{301}", "{", "}", "}}", "{{", "=",
    ])

    static let template = piece.array(of: 0...24).map { $0.joined() }

    /// Pieces that make templates swift-mustache accepts once their open sections are closed (`balanced`), so that
    /// most of them render.
    static let wellFormedPiece = PropertyTests.pick([
        "{{#a}}", "{{#a}}\n", "  {{#l}}\n", "{{^l}}\n", "{{#o}}", "{{#o.p}}", "{{^a}}", "{{/}}", "{{/}}\n", "  {{/}}\n",
        "{{a}}", "{{{s}}}", "{{& s}}", "{{.}}", "{{o.p.q}}", "{{.s}}", "{{ s }}", "{{n}}", "{{b}}", "\t{{! c }}\n",
        "{{> p}}", "  {{> p}}\n", "\t{{>p}}\r\n", "\n", "\n", "\r\n", "  ", " ", "\t", "x", "<&\"'>", "é", "Ж",
    ])

    static let wellFormedTemplate = wellFormedPiece.array(of: 0...30).map { balanced($0) }

    /// Joins pieces, giving each `{{/}}` the name of the innermost open section (or dropping it) and closing what
    /// is still open at the end.
    static func balanced(_ pieces: [String]) -> String {
        var open: [String] = []
        var text = ""
        for piece in pieces {
            if piece.contains("{{/}}") {
                guard let name = open.popLast() else { continue }
                text += piece.replacingOccurrences(of: "{{/}}", with: "{{/\(name)}}")
            } else {
                if let start = piece.range(of: "{{#") ?? piece.range(of: "{{^"), let end = piece.range(of: "}}") {
                    open.append(String(piece[start.upperBound..<end.lowerBound]))
                }
                text += piece
            }
        }
        return text + open.reversed().map { "{{/\($0)}}" }.joined()
    }

    /// The partial `p`: itself a few lines with tags, so indentation of standalone partials is exercised.
    static let partial = "<{{s}}>\n{{#l}}\n  - {{.}}\n{{/l}}\n{{#a}}on{{/a}}\n"

    static let contexts: [TemplateObject] = [
        ["a": true, "l": ["x & y", "<z>"], "o": ["p": ["q": "deep"], "s": "inner s"], "s": "Tom & 'Jerry' <b>", "n": 7, "b": false],
        ["a": false, "l": [], "o": "text", "s": "", "n": 0, "b": true],
        ["a": ["one", "two"], "l": [["s": "item s"], ["a": false]], "o": ["p": false], "s": "é\u{301}<\u{301}"],
        [:],
    ]

    @Test("Generated templates: same syntax verdict, same position, same bytes")
    func generatedTemplates() async {
        await propertyCheck(count: 1500, input: Self.template) { text in Self.compare(text) }
    }

    @Test("Generated well-formed templates render the same bytes")
    func generatedWellFormedTemplates() async {
        await propertyCheck(count: 1500, input: Self.wellFormedTemplate) { text in
            #expect(TemplateSet.parseCompiled(text).map { $0 != nil } == .success(true), "\(text.debugDescription)")
            Self.compare(text)
        }
    }

    /// Both parsers' verdicts on `text` agree, and where both compile it, both renders give the same bytes.
    static func compare(_ text: String) {
        let compiled = TemplateSet.parseCompiled(text)
        let mustache = TemplateSet.parseWithMustache(text)
        switch (compiled, mustache) {
        case (.failure(let ours), .failure(let theirs)):
            #expect(ours == theirs, "\(text.debugDescription)")
        case (.success(nil), _):
            break  // unsupported by the compiled parser (here: `{{<`): swift-mustache alone decides and renders
        case (.success, .success):
            let (library, problems) = TemplateSet.parse(["t": text, "p": Self.partial])
            #expect(problems.isEmpty)
            #expect(library.isCompiled("t"), "\(text.debugDescription)")
            for context in Self.contexts {
                let expected = library.renderWithMustache(context, withTemplate: "t")
                guard let ours = CompiledTemplateRenderer.render("t", templates: library.compiled, context: context, capacity: 0) else {
                    continue  // a variable named an object: swift-mustache renders it
                }
                #expect(String(decoding: ours, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(text.debugDescription)")
            }
        default:
            Issue.record("\(text.debugDescription): compiled \(compiled), swift-mustache \(mustache)")
        }
    }

    /// Text with the characters swift-mustache escapes next to scalars that may join them into one character.
    static let escapable = PropertyTests.pick([
        "&", "<", ">", "\"", "'", "a", " ", "é", "Ж", "\u{301}", "\u{200D}", "\u{600}", "\u{903}", "\u{1F600}", "\u{FE0F}",
        "\r", "\n", "\u{1F1FA}", "\u{1100}", "\u{AC00}",
    ]).array(of: 0...12).map { $0.joined() }

    @Test("Escaping gives swift-mustache's bytes, including where a character joins its neighbours")
    func escaping() async {
        let (library, _) = TemplateSet.parse(["t": "{{s}}|{{{s}}}"])
        await propertyCheck(count: 2000, input: Self.escapable) { text in
            let context: TemplateObject = ["s": .string(text)]
            let ours = CompiledTemplateRenderer.render("t", templates: library.compiled, context: context, capacity: 0)
            #expect(ours == library.renderWithMustache(context, withTemplate: "t"), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
