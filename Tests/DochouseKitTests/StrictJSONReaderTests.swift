import Testing
@testable import DochouseKit

@Suite("Strict JSON reader: RFC 8259 with positions")
struct StrictJSONReaderTests {
    // MARK: - Helpers

    private func p(_ line: Int, _ column: Int) -> SamplePosition {
        SamplePosition(line: line, column: column)
    }

    private func str(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .string(text), position: p(line, column), style: .json)
    }

    private func num(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .number(text), position: p(line, column), style: .json)
    }

    private func bool(_ value: Bool, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .bool(value), position: p(line, column), style: .json)
    }

    private func null(_ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .null, position: p(line, column), style: .json)
    }

    private func arr(_ items: [SampleValue], _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .array(items), position: p(line, column))
    }

    private func obj(_ members: [SampleMember], _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .object(members), position: p(line, column))
    }

    private func member(_ key: String, _ line: Int, _ column: Int, _ value: SampleValue) -> SampleMember {
        SampleMember(key: key, keyPosition: p(line, column), value: value)
    }

    private func parse(_ text: String, maxDepth: Int = 512) throws -> SampleValue {
        try StrictJSONReader.read(text, maxDepth: maxDepth).get()
    }

    /// Expects `text` to fail at exactly `line`:`column` with a message containing every fragment.
    @discardableResult
    private func expectError(
        _ text: String, at line: Int, _ column: Int, _ fragments: String...,
        maxDepth: Int = 512, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> JSONSyntaxError? {
        switch StrictJSONReader.read(text, maxDepth: maxDepth) {
        case .success(let value):
            Issue.record("expected a syntax error, got \(value)", sourceLocation: sourceLocation)
            return nil
        case .failure(let error):
            #expect(error.position == p(line, column), "message: \(error.message)", sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(error.message.contains(fragment), "\"\(error.message)\" lacks \"\(fragment)\"",
                        sourceLocation: sourceLocation)
            }
            return error
        }
    }

    // MARK: - Valid documents

    @Test func readsPolicyTreeWithPositions() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}
          ]
        }
        """
        let expected = obj([
            member("Version", 2, 3, str("2012-10-17", 2, 14)),
            member("Statement", 3, 3, arr([
                obj([
                    member("Effect", 4, 6, str("Allow", 4, 16)),
                    member("Action", 4, 25, arr([str("s3:GetObject", 4, 36)], 4, 35)),
                    member("Resource", 4, 53, str("*", 4, 65)),
                ], 4, 5),
            ], 3, 16)),
        ], 1, 1)
        #expect(try parse(text) == expected)
    }

    @Test func readsNestedArraysAndObjectsInSourceOrder() throws {
        let value = try parse(#"{"z": [[], {}, [1, [2]]], "a": {"b": {"c": null}}}"#)
        #expect(value.members?.map(\.key) == ["z", "a"])
        #expect(value == obj([
            member("z", 1, 2, arr([
                arr([], 1, 8),
                obj([], 1, 12),
                arr([num("1", 1, 17), arr([num("2", 1, 21)], 1, 20)], 1, 16),
            ], 1, 7)),
            member("a", 1, 27, obj([
                member("b", 1, 33, obj([member("c", 1, 39, null(1, 44))], 1, 38)),
            ], 1, 32)),
        ], 1, 1))
    }

    @Test func readsLiteralsWithJSONStyle() throws {
        let value = try parse("[true, false, null]")
        #expect(value == arr([bool(true, 1, 2), bool(false, 1, 8), null(1, 15)], 1, 1))
        #expect(value.style == nil)
        #expect(value.arrayValue?.allSatisfy { $0.style == .json } == true)
    }

    @Test func keepsNumberSourceText() throws {
        let value = try parse("[-0, 1.5e-3, 0, 10, 2E+8, -1.25, 0.0, 1e5]")
        let texts = value.arrayValue?.compactMap { item -> String? in
            if case .number(let text) = item.kind { return text }
            return nil
        }
        #expect(texts == ["-0", "1.5e-3", "0", "10", "2E+8", "-1.25", "0.0", "1e5"])
        #expect(value.arrayValue?[1].position == p(1, 6))
    }

    @Test func readsTopLevelScalarsSurroundedByWhitespace() throws {
        #expect(try parse(" \t\n 42 \n") == num("42", 2, 2))
        #expect(try parse("\"x\"") == str("x", 1, 1))
        #expect(try parse("null") == null(1, 1))
    }

    @Test func decodesSimpleEscapes() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t", 1]"#)
        #expect(value.arrayValue?[0].stringValue == "\"\\/\u{8}\u{C}\n\r\t")
        // Eight two-character escapes fill columns 3-18, so the closing quote is at 19 and the number at 22.
        #expect(value.arrayValue?[1] == num("1", 1, 22))
    }

    @Test func decodesUnicodeEscape() throws {
        #expect(try parse(#""\u0416""#).stringValue == "Ж")
        #expect(try parse(#""a\u00e9b""#).stringValue == "aéb")
        #expect(try parse(#""\u0000""#).stringValue == "\u{0}")
    }

    @Test func decodesSurrogatePairToOneScalar() throws {
        let upper = try parse(#"["\uD83D\uDE00", 7]"#)
        #expect(upper.arrayValue?[0].stringValue == "😀")
        #expect(upper.arrayValue?[0].stringValue?.unicodeScalars.count == 1)
        #expect(upper.arrayValue?[1].position == p(1, 18))
        #expect(try parse(#""\ud834\udd1e""#).stringValue == "\u{1D11E}")
    }

    @Test func keepsRawUnicodeInStrings() throws {
        let value = try parse(#"{"ключ": "значение 😀"}"#)
        #expect(value["ключ"]?.stringValue == "значение 😀")
    }

    @Test func countsColumnsInScalarsAfterCyrillicText() throws {
        let value = try parse(#"{"имя": "Ж", "n": 5}"#)
        #expect(value == obj([
            member("имя", 1, 2, str("Ж", 1, 9)),
            member("n", 1, 14, num("5", 1, 19)),
        ], 1, 1))
    }

    @Test func countsColumnsInScalarsOnLaterLines() throws {
        let text = "{\n  \"город\": \"Москва\", \"код\": 495\n}"
        let value = try parse(text)
        #expect(value.members?[0].keyPosition == p(2, 3))
        #expect(value["город"]?.position == p(2, 12))
        #expect(value.members?[1].keyPosition == p(2, 22))
        #expect(value["код"] == num("495", 2, 29))
    }

    @Test func countsAstralAndCombiningScalarsAsColumns() throws {
        // 😀 is one scalar of four UTF-8 bytes; e + U+0301 is one Character but two scalars.
        #expect(try parse("[\"😀\", 1]").arrayValue?[1].position == p(1, 7))
        #expect(try parse("[\"e\u{301}\", 1]").arrayValue?[1].position == p(1, 8))
        expectError("[\"Ж😀\" 1]", at: 1, 7, "missing ','")
    }

    @Test func treatsCRLFAsOneLineBreak() throws {
        let text = "{\r\n  \"a\": 1,\r\n  \"b\": [true,\r\nnull]\r\n}\r\n"
        let value = try parse(text)
        #expect(value == obj([
            member("a", 2, 3, num("1", 2, 8)),
            member("b", 3, 3, arr([bool(true, 3, 9), null(4, 1)], 3, 8)),
        ], 1, 1))
        expectError("[1,\r\n  x]", at: 2, 3, "'x' is not a JSON value")
        expectError("[1,\r\n\r\n", at: 3, 1, "unterminated array")
    }

    @Test func treatsLoneCRAsLineBreak() throws {
        #expect(try parse("[1,\r2]").arrayValue?[1].position == p(2, 1))
    }

    @Test func acceptsLeadingByteOrderMark() throws {
        let value = try parse("\u{FEFF}{\"a\": 1}")
        #expect(value.position == p(1, 2))
        #expect(value.members?.first?.keyPosition == p(1, 3))
        expectError("\u{FEFF}", at: 1, 2, "empty input")
        expectError("[1, \u{FEFF}2]", at: 1, 5, "U+FEFF (byte order mark)")
    }

    @Test func readsLargeObjectsAndDetectsDuplicatesInThem() throws {
        let keys = (0 ..< 20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(try parse("{\(keys)}").members?.count == 20)
        let error = expectError("{\(keys),\n \"k13\": 0}", at: 2, 2, "duplicate key \"k13\"", "line 1")
        #expect(error != nil)
    }

    @Test func errorDescriptionNamesLineAndColumn() {
        let error = JSONSyntaxError(position: p(3, 7), message: "boom")
        #expect(error.description == "line 3, column 7: boom")
    }

    // MARK: - Commas, comments, structure

    @Test func rejectsTrailingCommaInArray() {
        expectError("[1, 2,]", at: 1, 6, "trailing comma before ']'", "JSON does not allow it")
        expectError("[\n  1,\n  2,\n]", at: 3, 4, "trailing comma before ']'")
    }

    @Test func rejectsTrailingCommaInObject() {
        expectError(#"{"a": 1,}"#, at: 1, 8, "trailing comma before '}'", "JSON does not allow it")
    }

    @Test func rejectsLineComments() {
        expectError("{\n  // note\n  \"a\": 1\n}", at: 2, 3, "comments are not allowed in JSON", "'//'")
        expectError("// header\n{}", at: 1, 1, "comments are not allowed")
    }

    @Test func rejectsBlockComments() {
        expectError("[1, /* two */ 2]", at: 1, 5, "comments are not allowed in JSON", "'/* */'")
        expectError("[1 /* c */]", at: 1, 4, "comments are not allowed")
        expectError(#"{"a" /* c */ : 1}"#, at: 1, 6, "comments are not allowed")
    }

    @Test func rejectsCommentAfterTheValue() {
        expectError(#"{"a": 1} // done"#, at: 1, 10, "comments are not allowed")
    }

    @Test func rejectsDuplicateKeys() {
        let text = "{\n  \"Effect\": \"Allow\",\n  \"Effect\": \"Deny\"\n}"
        expectError(text, at: 3, 3, "duplicate key \"Effect\"", "line 2")
        // Same key in different objects is fine.
        #expect((try? parse(#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]"#)) != nil)
    }

    @Test func rejectsUnquotedKeys() {
        expectError(#"{Effect: "Allow"}"#, at: 1, 2, "unquoted key Effect", "double quotes", "\"Effect\"")
        expectError("{\"a\": 1, b: 2}", at: 1, 10, "unquoted key b")
    }

    @Test func rejectsSingleQuotedStringsAndKeys() {
        expectError(#"{"a": 'b'}"#, at: 1, 7, "single-quoted strings are not allowed", "double quotes")
        expectError("{'a': 1}", at: 1, 2, "object keys must be in double quotes", "single-quoted")
    }

    @Test func rejectsTypographicQuotes() {
        expectError("{“a”: 1}", at: 1, 2, "typographic quote")
    }

    @Test func rejectsMissingColon() {
        expectError(#"{"a" 1}"#, at: 1, 6, "missing ':' after the key \"a\"")
        expectError(#"{"a" = 1}"#, at: 1, 6, "missing ':'", "'='")
        expectError(#"{"a"}"#, at: 1, 5, "missing ':'")
    }

    @Test func rejectsMissingCommaInArray() {
        expectError("[1 2]", at: 1, 4, "missing ',' between array elements")
        expectError("[\"a\"\n \"b\"]", at: 2, 2, "missing ','")
    }

    @Test func rejectsMissingCommaInObject() {
        expectError("{\"a\": 1\n \"b\": 2}", at: 2, 2, "missing ',' between object members")
    }

    @Test func rejectsMissingValue() {
        expectError(#"{"a": }"#, at: 1, 7, "expected a value for the key \"a\"", "'}'")
        expectError("[1,,2]", at: 1, 4, "expected a JSON value, found ','")
        expectError("[,1]", at: 1, 2, "expected a JSON value")
    }

    @Test func rejectsMismatchedClosers() {
        expectError("[1}", at: 1, 3, "'}' does not close the array opened at line 1, column 1", "']'")
        expectError("{\"a\": [1]]", at: 1, 10, "']' does not close the object", "'}'")
    }

    @Test func rejectsNonJSONWhitespace() {
        expectError("[1,\u{A0}2]", at: 1, 4, "U+00A0 (no-break space)", "JSON whitespace is only")
    }

    // MARK: - Strings

    @Test func rejectsUnescapedControlCharacters() {
        expectError("[\"a\tb\"]", at: 1, 4, "control character U+0009 (tab)", "must be escaped", "\\t")
        expectError("[\"a\u{1}\"]", at: 1, 4, "U+0001", "\\u0001")
        expectError("[\"\u{0}\"]", at: 1, 3, "U+0000")
    }

    @Test func rejectsLineBreakInsideString() {
        expectError("[\"ab\ncd\"]", at: 1, 5, "line break inside a string", "opened at line 1, column 2", "\\n")
    }

    @Test func rejectsInvalidEscapes() {
        expectError(#"["a\xb"]"#, at: 1, 4, #"invalid escape '\x'"#, #"\uXXXX"#)
        expectError(#"["it\'s"]"#, at: 1, 5, #"invalid escape '\''"#, "single quote needs no escape")
        expectError("[\"ab\\ж\"]", at: 1, 5, "invalid escape", "'ж'")
    }

    @Test func rejectsBadUnicodeEscapes() {
        expectError(#"["\u12G4"]"#, at: 1, 3, "invalid \\u escape", "4 hexadecimal digits")
        expectError(#"["\u12"]"#, at: 1, 3, "invalid \\u escape")
    }

    @Test func rejectsLoneHighSurrogate() {
        expectError(#"["x\uD83D"]"#, at: 1, 4, #"lone high surrogate \uD83D"#, "low surrogate")
        expectError(#"["\uD83D\u0041"]"#, at: 1, 3, "lone high surrogate")
        expectError(#"["\uD83Dx"]"#, at: 1, 3, "lone high surrogate")
        expectError(#"["\uD83D\uD83D"]"#, at: 1, 3, "lone high surrogate")
    }

    @Test func rejectsLoneLowSurrogate() {
        expectError(#"["\uDE00"]"#, at: 1, 3, #"lone low surrogate \uDE00"#, "high surrogate")
        expectError(#"["ab\udc00\ud83d"]"#, at: 1, 5, "lone low surrogate")
    }

    @Test func rejectsUnterminatedString() {
        expectError(#"{"a": "abc"#, at: 1, 11, "unterminated string", "opened at line 1, column 7")
        expectError(#"["abc\"#, at: 1, 7, "unterminated string")
        expectError(#"["\u00"#, at: 1, 7, "unterminated string")
        expectError("[\"Жж", at: 1, 5, "unterminated string", "line 1, column 2")
    }

    // MARK: - Numbers and literals

    @Test func rejectsLeadingZeros() {
        expectError("[012]", at: 1, 2, "invalid number '012'", "leading zeros", "write 12")
        expectError(#"{"n": -012}"#, at: 1, 8, "'-012'", "write -12")
        expectError("00", at: 1, 1, "leading zeros")
    }

    @Test func rejectsPlusSignAndBareDecimalPoint() {
        expectError("[+1]", at: 1, 2, "invalid number '+1'", "cannot start with '+'", "write 1")
        expectError("[.5]", at: 1, 2, "invalid number '.5'", "write 0.5")
    }

    @Test func rejectsIncompleteFractionAndExponent() {
        expectError("[1.]", at: 1, 4, "invalid number '1.'", "digit must follow the decimal point")
        expectError("1.", at: 1, 3, "decimal point")
        expectError("1e", at: 1, 3, "invalid number '1e'", "exponent needs at least one digit")
        expectError("[2E+]", at: 1, 5, "exponent")
    }

    @Test func rejectsLoneMinus() {
        expectError("-", at: 1, 2, "invalid number '-'", "a digit must follow '-'")
        expectError("[-]", at: 1, 3, "a digit must follow '-'")
        expectError("[- 1]", at: 1, 3, "a digit must follow '-'")
    }

    @Test func rejectsNaNAndInfinity() {
        expectError("[NaN]", at: 1, 2, "'NaN' is not a JSON value", "no NaN or Infinity")
        expectError(#"{"x": Infinity}"#, at: 1, 7, "'Infinity'", "no NaN or Infinity")
        expectError("-Infinity", at: 1, 1, "'-Infinity'", "no NaN or Infinity")
    }

    @Test func rejectsHexAndOtherMalformedNumbers() {
        expectError("[0x1F]", at: 1, 2, "invalid number '0x1F'", "hexadecimal")
        expectError("[1.5.3]", at: 1, 5, "invalid number '1.5.3'")
        expectError("[12px]", at: 1, 4, "invalid number '12px'")
    }

    @Test func rejectsCapitalisedLiterals() {
        expectError(#"{"ok": True}"#, at: 1, 8, "'True' is not a JSON value", "lowercase", "write true")
        expectError("[FALSE]", at: 1, 2, "write false")
        expectError("Null", at: 1, 1, "write null")
    }

    @Test func rejectsMisspelledLiterals() {
        expectError("[tru]", at: 1, 2, "'tru' is not a JSON value", "did you mean true?")
        expectError("[nul]", at: 1, 2, "did you mean null?")
        expectError("[fasle]", at: 1, 2, "did you mean false?")
        expectError("[truex]", at: 1, 2, "did you mean true?")
        expectError("[undefined]", at: 1, 2, "write null")
        expectError("[hello]", at: 1, 2, "strings must be in double quotes", "\"hello\"")
    }

    // MARK: - Unterminated containers, trailing text, empty input, depth

    @Test func rejectsUnterminatedArray() {
        expectError("[1, 2", at: 1, 6, "unterminated array", "closing ']'", "opened at line 1, column 1")
        expectError("{\"a\": [\n  1,\n  2\n", at: 4, 1, "unterminated array", "line 1, column 7")
        expectError("[", at: 1, 2, "unterminated array")
        expectError("[1,", at: 1, 4, "unterminated array")
    }

    @Test func rejectsUnterminatedObject() {
        expectError(#"{"a": 1"#, at: 1, 8, "unterminated object", "closing '}'", "opened at line 1, column 1")
        expectError(#"{"a": "#, at: 1, 7, "unterminated object")
        expectError(#"{"a""#, at: 1, 5, "unterminated object")
        expectError("{", at: 1, 2, "unterminated object")
        expectError("[{\"a\": 1},\n {", at: 2, 3, "unterminated object", "line 2, column 2")
    }

    @Test func rejectsTextAfterTheValue() {
        expectError(#"{"a": 1} x"#, at: 1, 10, "unexpected text after the JSON value")
        expectError("[1]]", at: 1, 4, "unexpected text after the JSON value", "']'")
        expectError("1 2", at: 1, 3, "unexpected text after the JSON value")
        expectError("{}\n{}", at: 2, 1, "unexpected text after the JSON value")
    }

    @Test func rejectsEmptyInput() {
        expectError("", at: 1, 1, "empty input")
        expectError("  \n ", at: 2, 2, "empty input")
    }

    @Test func rejectsHundredThousandNestedBracketsQuickly() {
        let text = String(repeating: "[", count: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        expectError(text, at: 1, 513, "nesting is too deep", "512")
        #expect(clock.now - start < .seconds(1))
        expectError(String(repeating: "{\"a\":", count: 100_000), at: 1, 2561, "too deep")
    }

    @Test func honoursCustomMaxDepth() throws {
        #expect(try parse("[[[]]]", maxDepth: 3) == arr([arr([arr([], 1, 3)], 1, 2)], 1, 1))
        expectError("[[[]]]", at: 1, 3, "more than 2 levels", maxDepth: 2)
        expectError("{\"a\": {}}", at: 1, 7, "too deep", maxDepth: 1)
        #expect(try parse("7", maxDepth: 0) == num("7", 1, 1))
    }

    @Test func acceptsDeepNestingWithinTheLimit() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parse(text)
        var levels = 1
        while let inner = value.arrayValue?.first {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
    }
}
