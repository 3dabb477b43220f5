import Foundation
import PropertyBased
import Testing
@testable import DochouseKit

/// Invariants checked on generated inputs (x-sheep/swift-property-based): a failure prints the input, shrunk,
/// and the seed to replay it with `.fixedSeed(...)`.
@Suite("Properties")
struct PropertyTests {
    /// One of `items`, shrinking towards the first.
    static func pick(_ items: [String]) -> Generator<String, Shrink.Integer<Int>> {
        Gen.int(in: 0...(items.count - 1)).map { items[$0] }
    }

    // MARK: Heading ids

    /// Heading texts drawn from what makes ids interesting: repeats, text that looks like a suffixed id (`a-1`),
    /// Cyrillic, punctuation that is dropped, tabs, emoji, and text that slugs to nothing.
    static let headingText = pick(["a", "a-1", "a-2", "a 1", "A", "Привет", "привет", "-", "!", "?", "_x", "1", "é",
                                              "\u{1F600}", "\t", " ", "a\tb", "`code`", "**b**", "x.y", "a-1-1"])
        .array(of: 1...4).map { $0.joined() }

    @Test("Generated heading ids are unique on a page, and stable: the same page gives the same ids, and adding a heading after them changes none")
    func headingIDsUniqueAndStable() async {
        await propertyCheck(count: 300, input: Self.headingText.array(of: 1...12)) { texts in
            let page = "---\ntitle: T\npermalink: en/t.html\n---\n" + texts.map { "## \($0)\n\ntext\n" }.joined(separator: "\n")
            let ids = TestSupport.parsePage(page).0?.headings.map(\.id) ?? []
            #expect(ids.count == texts.count)
            let nonEmpty = ids.filter { !$0.isEmpty }
            #expect(Set(nonEmpty).count == nonEmpty.count, "duplicate ids in \(ids)")
            #expect(TestSupport.parsePage(page).0?.headings.map(\.id) == ids)
            let longer = TestSupport.parsePage(page + "\n## a\n").0?.headings.map(\.id) ?? []
            #expect(Array(longer.prefix(ids.count)) == ids)
            // Ids keep only lowercase word characters and hyphens (kramdown's GFM rule).
            for id in ids {
                #expect(id.unicodeScalars.allSatisfy { $0 == "-" || $0 == "_" || !$0.properties.changesWhenLowercased }, "\(id)")
            }
        }
    }

    @Test("Heading ids are kramdown's where kramdown's are unique")
    func headingIDsMatchKramdown() {
        var generator = HeadingIDGenerator()
        #expect(["a", "a", "a-1", "Привет мир", "a"].map { generator.nextID(forRawText: $0) } == ["a", "a-1", "a-1-1", "привет-мир", "a-2"])
    }

    // MARK: JSON reader

    /// Tokens for generated JSON-like text: the JSON grammar plus the near misses a strict reader must refuse.
    static let jsonToken = pick([
        "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r\n",
        "\"a\"", "\"b\"", "\"\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\n\\t\\\"\\\\\\/\"",
        "\"\\x\"", "\"é\"", "\"\u{1}\"", "'a'",
        "0", "-0", "12", "01", "1.5", "1.", ".5", "-1e3", "2E+2", "1e", "+1", "-",
        "true", "false", "null", "nul", "True", "NaN", "//c", "/*c*/", "\u{FEFF}",
    ])

    /// Generated text: random token sequences (mostly invalid), and valid values built from a seed (so both
    /// sides of the reader's decision are exercised).
    static let jsonText = Gen<String>.oneOf(
        jsonToken.array(of: 0...14).map { $0.joined() },
        Gen.int(in: 0...Int(Int32.max)).map { seed in
            var builder = JSONValueBuilder(seed: UInt64(seed))
            return builder.text()
        }
    )

    @Test("The strict JSON reader accepts exactly what the RFC 8259 reference accepts, and round-trips what it accepts")
    func jsonReaderAgreesWithReference() async {
        let tally = Tally()
        await propertyCheck(count: 2_000, input: Self.jsonText) { text in
            let ours = StrictJSONReader.read(text)
            let reference = ReferenceJSON.parse(text)
            tally.count(accepted: reference != nil)
            switch (ours, reference) {
            case (.success(let value), .some(let expected)):
                #expect(Plain(value) == expected, "\(text)")
                // Round trip: the value written back as JSON reads to the same value.
                let written = expected.json
                #expect((try? StrictJSONReader.read(written).get()).map(Plain.init) == expected, "\(written)")
                // Foundation agrees on what it means (it is laxer, never stricter, on these inputs).
                if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
                    #expect(expected.matches(foundation: object), "\(text)")
                } else if !expected.hasNumberBeyondDouble {
                    // Foundation refuses numbers a Double cannot hold (-1e312), which RFC 8259 allows.
                    Issue.record("JSONSerialization refuses what RFC 8259 allows: \(text)")
                }
            case (.failure, .none):
                break
            case (.success, .none):
                Issue.record("the reader accepts what RFC 8259 refuses: \(text.debugDescription)")
            case (.failure(let error), .some):
                Issue.record("the reader refuses valid JSON \(text.debugDescription): \(error)")
            }
        }
        // Both sides of the decision were exercised.
        #expect(tally.accepted >= 300 && tally.refused >= 300, "accepted \(tally.accepted), refused \(tally.refused)")
    }

    // MARK: IAM parsers

    /// Strings rich in what ARNs, actions and conditions are made of.
    static let iamText = pick(["arn", ":", "aws", "s3", "*", "?", "$", "{", "}", "${aws:username}", "/", "-", "",
                                          "123456789012", "<ACCOUNT_ID>", "xxx", " ", "\t", "é", "\u{1F600}", "\u{0}", "\u{2028}",
                                          "IfExists", "ForAllValues:", "StringLike", "Null", "10.0.0.0/8", "::1", "2024-01-02T00:00:00Z",
                                          "-1.5e3", "9999999999999999999999"])
        .array(of: 0...10).map { $0.joined() }

    @Test("The ARN, action-name and condition parsers are total: any text gives an answer, with offsets inside the text")
    func iamParsersNeverTrap() async {
        await propertyCheck(count: 3_000, input: Self.iamText) { text in
            let length = text.unicodeScalars.count
            switch ARNParser.parse(text) {
            case .success(let arn):
                #expect(text.hasPrefix("arn:"))
                #expect([arn.partitionOffset, arn.serviceOffset, arn.regionOffset, arn.accountOffset, arn.resourceOffset].allSatisfy { (0...length).contains($0) })
            case .failure(let problem):
                #expect((0...length).contains(problem.offset), "offset \(problem.offset) outside '\(text)'")
                #expect(!problem.message.isEmpty)
            }
            if let split = IAMRuleSupport.splitAction(text) {
                #expect(split.service + ":" + split.action == text)
                // What splits as an action is never refused for its shape.
                let shapeProblems = ["contains whitespace", "has no service prefix", "has an empty service prefix", "has no action name after the colon"]
                #expect(!shapeProblems.contains(IAMActionFormatRule.problem(text) ?? ""), "\(text)")
            } else if text != "*" {
                #expect(IAMActionFormatRule.problem(text) != nil, "'\(text)' does not split as an action, yet its shape is accepted")
            }
            _ = IAMPlaceholder.placeholders(inResource: text)
            _ = IAMPlaceholder.isPlaceholderAccount(text)
            if let condition = IAMConditionOperator(text) {
                #expect(IAMConditionOperator.allNames.contains(text), "\(text) parsed as \(condition) but is not a known name")
            }
            _ = IAMConditionValueFormat.isNumber(text)
            _ = IAMConditionValueFormat.isDate(text)
            _ = IAMConditionValueFormat.isIPAddressOrCIDR(text)
        }
    }

    @Test("Every known condition operator name parses")
    func conditionOperatorsParse() {
        for name in IAMConditionOperator.allNames { #expect(IAMConditionOperator(name) != nil, "\(name)") }
    }
}

/// Counts accepted and refused inputs across a property check.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (accepted: 0, refused: 0)
    func count(accepted: Bool) { lock.withLock { if accepted { counts.accepted += 1 } else { counts.refused += 1 } } }
    var accepted: Int { lock.withLock { counts.accepted } }
    var refused: Int { lock.withLock { counts.refused } }
}

// MARK: - Reference JSON

/// A JSON value without positions, to compare readers.
indirect enum Plain: Equatable {
    case object([(String, Plain)])
    case array([Plain])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    init(_ value: SampleValue) {
        switch value.kind {
        case .object(let members): self = .object(members.map { ($0.key, Plain($0.value)) })
        case .array(let items): self = .array(items.map(Plain.init))
        case .string(let text): self = .string(text)
        case .number(let text): self = .number(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        }
    }

    static func == (lhs: Plain, rhs: Plain) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The value written as JSON (strings escaped minimally, numbers as read).
    var json: String {
        switch self {
        case .object(let members): "{" + members.map { Plain.string($0.0).json + ":" + $0.1.json }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .string(let text):
            "\"" + text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case _ where scalar.value < 0x20: String(format: "\\u%04x", scalar.value)
                default: String(scalar)
                }
            }.joined() + "\""
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    /// Whether Foundation's reading means the same value.
    /// Whether a number in the value is too large for a Double (Foundation refuses those).
    var hasNumberBeyondDouble: Bool {
        switch self {
        case .object(let members): members.contains { $0.1.hasNumberBeyondDouble }
        case .array(let items): items.contains { $0.hasNumberBeyondDouble }
        case .number(let text): !(Double(text)?.isFinite ?? false)
        case .string, .bool, .null: false
        }
    }

    func matches(foundation object: Any) -> Bool {
        switch self {
        case .object(let members):
            guard let dictionary = object as? [String: Any], dictionary.count == members.count else { return false }
            return members.allSatisfy { key, value in dictionary[key].map { value.matches(foundation: $0) } ?? false }
        case .array(let items):
            guard let array = object as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { $0.matches(foundation: $1) }
        case .string(let text): return (object as? String) == text
        case .number(let text): return (object as? NSNumber)?.doubleValue == Double(text)
        case .bool(let flag): return (object as? NSNumber)?.boolValue == flag
        case .null: return object is NSNull
        }
    }
}

/// RFC 8259, written plainly as a recursive-descent recogniser, with the reader's documented additions: duplicate
/// keys (by `String` equality) and lone surrogates are refused, a byte-order mark at the very start is skipped.
enum ReferenceJSON {
    static func parse(_ text: String) -> Plain? {
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var parser = Parser(rest: scalars)
        parser.skipSpace()
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.rest.isEmpty ? value : nil
    }

    private struct Parser {
        var rest: ArraySlice<Unicode.Scalar>

        mutating func skipSpace() {
            while let first = rest.first, [" ", "\t", "\n", "\r"].contains(first) { rest = rest.dropFirst() }
        }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard rest.first == scalar else { return false }
            rest = rest.dropFirst()
            return true
        }

        mutating func value(depth: Int) -> Plain? {
            guard depth < 64, let first = rest.first else { return nil }
            switch first {
            case "{":
                rest = rest.dropFirst()
                skipSpace()
                var members: [(String, Plain)] = []
                if take("}") { return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string(), !members.contains(where: { $0.0 == key }) else { return nil }
                    skipSpace()
                    guard take(":") else { return nil }
                    skipSpace()
                    guard let item = value(depth: depth + 1) else { return nil }
                    members.append((key, item))
                    skipSpace()
                    if take("}") { return .object(members) }
                    guard take(",") else { return nil }
                }
            case "[":
                rest = rest.dropFirst()
                skipSpace()
                var items: [Plain] = []
                if take("]") { return .array(items) }
                while true {
                    skipSpace()
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    if take("]") { return .array(items) }
                    guard take(",") else { return nil }
                }
            case "\"": return string().map(Plain.string)
            case "t": return word("true") ? .bool(true) : nil
            case "f": return word("false") ? .bool(false) : nil
            case "n": return word("null") ? .null : nil
            default: return number().map(Plain.number)
            }
        }

        mutating func word(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard rest.prefix(scalars.count).elementsEqual(scalars) else { return false }
            rest = rest.dropFirst(scalars.count)
            return true
        }

        mutating func digits() -> String {
            var text = ""
            while let first = rest.first, ("0"..."9").contains(first) { text.unicodeScalars.append(first); rest = rest.dropFirst() }
            return text
        }

        mutating func number() -> String? {
            var text = ""
            if take("-") { text += "-" }
            let integer = digits()
            guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return nil }
            text += integer
            if take(".") {
                let fraction = digits()
                guard !fraction.isEmpty else { return nil }
                text += "." + fraction
            }
            if let e = rest.first, e == "e" || e == "E" {
                rest = rest.dropFirst()
                text.unicodeScalars.append(e)
                if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst(); text.unicodeScalars.append(sign) }
                let exponent = digits()
                guard !exponent.isEmpty else { return nil }
                text += exponent
            }
            return text
        }

        mutating func hex4() -> UInt32? {
            guard rest.count >= 4 else { return nil }
            let text = String(String.UnicodeScalarView(rest.prefix(4)))
            guard text.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(text, radix: 16) else { return nil }
            rest = rest.dropFirst(4)
            return value
        }

        mutating func string() -> String? {
            guard take("\"") else { return nil }
            var text = String.UnicodeScalarView()
            while let first = rest.first {
                rest = rest.dropFirst()
                switch first {
                case "\"": return String(text)
                case "\\":
                    guard let escape = rest.first else { return nil }
                    rest = rest.dropFirst()
                    switch escape {
                    case "\"", "\\", "/": text.append(escape)
                    case "b": text.append("\u{8}")
                    case "f": text.append("\u{C}")
                    case "n": text.append("\n")
                    case "r": text.append("\r")
                    case "t": text.append("\t")
                    case "u":
                        guard let unit = hex4() else { return nil }
                        if (0xD800...0xDBFF).contains(unit) {
                            guard take("\\"), take("u"), let low = hex4(), (0xDC00...0xDFFF).contains(low),
                                  let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else { return nil }
                            text.append(scalar)
                        } else {
                            guard let scalar = Unicode.Scalar(unit) else { return nil }  // a lone low surrogate
                            text.append(scalar)
                        }
                    default: return nil
                    }
                case _ where first.value < 0x20: return nil
                default: text.append(first)
                }
            }
            return nil
        }
    }
}

/// Valid JSON text from a seed: nested objects and arrays of the scalars a sample holds.
struct JSONValueBuilder {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    mutating func text() -> String {
        let space = [" ", "", "\n  ", "\t"][next(4)]
        return space + value(depth: 0) + space
    }

    mutating func value(depth: Int) -> String {
        let scalars = ["0", "-0", "17", "-2.5e-3", "1E2", "true", "false", "null", "\"\"", "\"Allow\"", "\"s3:Get*\"",
                       "\"\\u041f\\u0440\"", "\"\\ud83d\\ude00\"", "\"a\\nb\\\"c\"", "\"арн\"", "\"\\/\""]
        switch depth < 4 ? next(4) : 0 {
        case 1:
            let count = next(4)
            var keys: [String] = []
            for index in 0..<count where !keys.contains(["Effect", "Action", "k\(index)", "é"][index]) { keys.append(["Effect", "Action", "k\(index)", "é"][index]) }
            return "{" + keys.map { "\"\($0)\": " + value(depth: depth + 1) }.joined(separator: ", ") + "}"
        case 2:
            return "[" + (0..<next(4)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return scalars[next(scalars.count)]
        }
    }
}
