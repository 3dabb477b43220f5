import Foundation
import PropertyBased
import Testing
@testable import DochouseKit

/// The byte-level fast paths of policy checking (issue #3) against the readings they replaced: the same answers
/// for ASCII and for text where bytes and characters part ways (combining marks, CRLF, non-ASCII case mappings).
@Suite("Policy fast paths answer as the readings they replaced")
struct PolicyFastPathTests {
    // MARK: References (the code before the fast paths)

    /// `IAMRuleSupport.splitAction` as it was: a scan of bytes, then of scalars for Unicode whitespace.
    static func referenceSplit(_ text: String) -> (String, String)? {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        guard !utf8.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }),
              !text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }) else { return nil }
        let service = Substring(utf8[..<colon]), action = Substring(utf8[utf8.index(after: colon)...])
        guard !service.isEmpty, !action.isEmpty else { return nil }
        return (String(service), String(action))
    }

    /// `IAMActionFormatRule.problem` as it was.
    static func referenceShapeProblem(_ text: String) -> String? {
        let utf8 = text.utf8
        if utf8.count == 1, utf8.first == UInt8(ascii: "*") { return nil }
        if utf8.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) })
            || text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }) {
            return "contains whitespace"
        }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return "has no service prefix" }
        if colon == utf8.startIndex { return "has an empty service prefix" }
        if utf8.index(after: colon) == utf8.endIndex { return "has no action name after the colon" }
        return nil
    }

    /// `IAMPlaceholder.isPlaceholderAccount` as it was.
    static func referencePlaceholderAccount(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 3 && scalars.allSatisfy({ $0 == "x" || $0 == "X" }) { return true }
        if (text.hasPrefix("<") && text.hasSuffix(">") && text.count > 2) || (text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2) {
            return true
        }
        if text.hasPrefix("${"), text.hasSuffix("}"), !IAMPlaceholder.isPolicyVariable(text) { return true }
        let folded = String(text.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        if IAMPlaceholder.accountWords.contains(folded) { return true }
        if IAMPlaceholder.exampleAccountIDs.contains(text) { return true }
        let isAccountID = scalars.count == 12 && scalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        return isAccountID && scalars.allSatisfy { $0 == scalars[0] }
    }

    /// Entry texts: catalog names in several casings, wildcards, colons, whitespace, and characters whose bytes
    /// and scalars differ (é composed and combining, the Kelvin sign that lowercases to ASCII k, İ, CR, LF).
    static let entryText = PropertyTests.pick([
        "ecr", "ECR", "Ecr", "kms", "\u{212A}ms", "s3", ":", "::", "BatchGetImage", "batchgetimage", "BATCHGETIMAGE",
        "GetObject", "Decrypt", "*", "?", "Get*", " ", "\t", "\u{3000}", "\u{A0}", "e\u{301}", "\u{E9}", "\u{130}",
        "\r", "\n", "\r\n", "-", "", "\u{1F600}", "x",
    ]).array(of: 0...5).map { $0.joined() }

    // MARK: Action entries

    @Test("An action entry splits, lowercases, flags wildcards and shape problems as the string functions do")
    func entryFactsMatchStringFunctions() async {
        await propertyCheck(count: 3_000, input: Self.entryText) { text in
            let entry = ActionEntry(text: text, position: SamplePosition(line: 1, column: 1), statementIndex: nil, isNotAction: false)
            let reference = Self.referenceSplit(text)
            #expect(entry.name.map { String($0.service) } == reference?.0, "\(text.debugDescription)")
            #expect(entry.name.map { String($0.action) } == reference?.1, "\(text.debugDescription)")
            #expect(IAMRuleSupport.splitAction(text).map { $0.service + ":" + $0.action } == reference.map { $0.0 + ":" + $0.1 })
            #expect(entry.folded == text.lowercased(), "\(text.debugDescription)")
            #expect(entry.hasWildcard == text.unicodeScalars.contains { $0 == "*" || $0 == "?" })
            #expect(entry.shapeProblem?.message == Self.referenceShapeProblem(text), "\(text.debugDescription)")
            #expect(IAMActionFormatRule.problem(text) == Self.referenceShapeProblem(text))
        }
    }

    @Test("Entries with the same lowercased text have the same hash")
    func equalFoldsHashEqually() async {
        await propertyCheck(count: 1_000, input: Self.entryText) { text in
            let make = { (text: String) in ActionEntry(text: text, position: SamplePosition(line: 1, column: 1), statementIndex: nil, isNotAction: false) }
            let upper = text.uppercased()
            if upper.lowercased() == text.lowercased() {
                #expect(make(upper).foldedHash == make(text).foldedHash, "\(text.debugDescription)")
            }
        }
    }

    @Test("The catalog finds an entry's service and action by its hashed keys exactly as by its names")
    func catalogLookupsByKeyMatchLookupsByName() async {
        let catalog = IAMCatalog.bundled
        await propertyCheck(count: 2_000, input: Self.entryText) { text in
            let entry = ActionEntry(text: text, position: SamplePosition(line: 1, column: 1), statementIndex: nil, isNotAction: false)
            let facts = IAMEntryFacts([entry], catalog: catalog).entries[0]
            guard let (service, action) = Self.referenceSplit(text) else {
                #expect(!facts.hasService && facts.service == nil && facts.action == nil)
                return
            }
            #expect(facts.hasService == catalog.hasService(service), "\(text.debugDescription)")
            #expect(facts.service?.prefix == catalog.service(service)?.prefix, "\(text.debugDescription)")
            let byName = IAMRuleSupport.hasWildcard(text) ? nil : catalog.service(service)?.action(named: action)
            #expect(facts.action.flatMap { facts.service?.actions[$0].name } == byName?.name, "\(text.debugDescription)")
            if !IAMRuleSupport.hasWildcard(text), let name = entry.name {
                #expect(catalog.action(name)?.qualifiedName == catalog.action(text)?.qualifiedName, "\(text.debugDescription)")
            }
        }
    }

    @Test("Known entries: mixed case, a double prefix, the Kelvin sign, an unknown service")
    func knownEntries() {
        let catalog = IAMCatalog.bundled
        let texts = ["ecr:batchgetimage", "ECR:BatchGetImage", "ecr:ecr:BatchGetImage", "\u{212A}ms:Decrypt", "ecr:BatchGetImages", "ecrr:BatchGetImage"]
        let entries = texts.map { ActionEntry(text: $0, position: SamplePosition(line: 1, column: 1), statementIndex: nil, isNotAction: false) }
        let facts = IAMEntryFacts(entries, catalog: catalog).entries
        #expect(facts.map(\.hasService) == [true, true, true, true, true, false])
        #expect(facts.map { fact in fact.action.flatMap { index in fact.service?.actions[index].qualifiedName } }
            == ["ecr:BatchGetImage", "ecr:BatchGetImage", "ecr:BatchGetImage", "kms:Decrypt", nil, nil])
    }

    @Test("A sample's catalog facts are reused for the same entries and catalog, and made again for others")
    func entryFactsMemoKeysOnEntriesAndCatalog() throws {
        var sample = IAMRuleFixture.sample(IAMRuleFixture.policy(#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "nope:Get"], "Resource": "*"}"#))
        sample.cachedActionEntries = sample.computeActionEntries()
        let first = sample.entryFacts(.bundled)
        #expect(first.entries.map(\.hasService) == [true, false])
        // Another catalog (with no services) gets its own answers.
        let empty = try IAMCatalog(directories: [FileManager.default.temporaryDirectory.appendingPathComponent("dochouse-empty-catalog-\(UUID().uuidString)", isDirectory: true)
            .creatingServicesDirectory()])
        #expect(sample.entryFacts(empty).entries.map(\.hasService) == [false, false])
        // Different entries (a copy of the sample with another policy) are not answered from the memo they share.
        var changed = sample
        changed.cachedActionEntries = [ActionEntry(text: "nope:Get", position: SamplePosition(line: 1, column: 1), statementIndex: 0, isNotAction: false)]
        #expect(changed.entryFacts(.bundled).entries.map(\.hasService) == [false])
        #expect(sample.entryFacts(.bundled).entries.map(\.hasService) == [true, false])
    }

    // MARK: Name table

    @Test("The name table finds names ignoring case, keeps the first of names that fold alike, and finds an empty name")
    func nameTable() {
        let table = IAMNameTable(["GetObject", "getobject", "PutObject", "", "x"])
        func find(_ key: String) -> Int? {
            var key = key
            return key.withUTF8 { bytes in
                let lowered = bytes.map { byte in byte &- 65 < 26 ? byte | 0x20 : byte }
                return table.index(of: bytes, hash: IAMNameTable.hash(lowered), lowerASCII: true)
            }
        }
        #expect(find("GETOBJECT") == 0)
        #expect(find("putobject") == 2)
        #expect(find("") == 3)
        #expect(find("X") == 4)
        #expect(find("Get") == nil)
        #expect(table.index(of: "putobject") == 2)
    }

    // MARK: Classifier, ARNs, placeholders

    /// Lines of samples that look like action lists, or almost.
    static let listText = PropertyTests.pick([
        "ecr:GetImage", "- ecr:Get*", "- \"s3:GetObject\"", "  - 'kms:Decrypt'  ", "# comment", "", " ", "\t", "ecr: Get",
        "ECR:Get", "ecr:Get-Image", "- \tecr:Get", "ecr:Get\t\"", "\u{E9}cr:Get", "ecr:Ge\u{301}t", "#\u{301}x", "- ", "-ecr:Get",
        ":Get", "ecr:", "{", "ecr:Get?", "\r",
    ]).array(of: 0...6).map { $0.joined(separator: "\n") }

    @Test("Action-list shape: the byte reading answers as the Character reading")
    func actionListShapeMatchesCharacterReading() async {
        await propertyCheck(count: 3_000, input: Self.listText) { text in
            #expect(ActionListShape.matches(text) == ActionListShape.matchesCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test("ARNs split on bytes as on scalars; placeholder accounts as before")
    func arnAndPlaceholderFastPaths() async {
        await propertyCheck(count: 3_000, input: PropertyTests.iamText) { text in
            #expect(ARNParser.split(text) == ARNParser.splitScalars(text), "\(text.debugDescription)")
            let isAccountID = text.unicodeScalars.count == 12 && text.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
            #expect(ARNParser.isAccountID(text) == isAccountID)
            #expect(IAMPlaceholder.isPlaceholderAccount(text) == Self.referencePlaceholderAccount(text), "\(text.debugDescription)")
        }
    }

    // MARK: Annotations and placeholder accounts (third round)

    /// Info strings: languages in several casings, annotations, and characters where bytes, scalars and Characters
    /// part ways (a combining mark after `=`, CR LF, a no-break space, é).
    static let infoText = PropertyTests.pick([
        "json", "JSON", "Yaml", "yml", "jsonc", " ", "\t", "=", "policy=resource", "schema=X", "fragment", "check=off",
        "model=m", "{.yaml}", "#x", "=\u{301}", "e\u{301}", "\u{E9}", "\u{A0}", "\r", "\n", "\r\n", "x", "-", "{",
    ]).array(of: 0...4).map { $0.joined() }

    @Test("An info string that is one ASCII word reads as the word-by-word reading reads it")
    func languageOnlyInfoMatchesWordReading() async {
        await propertyCheck(count: 3_000, input: Self.infoText) { info in
            let fast = SampleAnnotations.parse(info), words = SampleAnnotations.parseWords(info)
            #expect(fast.0 == words.0, "\(info.debugDescription)")
            #expect(fast.1 == words.1, "\(info.debugDescription)")
        }
        #expect(SampleAnnotations.isLanguageOnly("JSON") && !SampleAnnotations.isLanguageOnly("json policy=identity"))
    }

    /// Account parts: digits, example IDs, x runs, brackets, policy variables, account words, CR LF.
    static let accountText = PropertyTests.pick([
        "1", "0", "210987654321", "123456789012", "111111111111", "x", "X", "xx", "<", ">", "{", "}", "$", "${", "aws",
        ":", "account", "-", "_", " ", "id", "AccountId", "\r", "\n", "\r\n", "*", "\u{E9}", "\u{301}", "e",
    ]).array(of: 0...5).map { $0.joined() }

    @Test("Placeholder accounts: the ASCII byte reading answers as the reading by Characters and as before")
    func placeholderAccountASCIIMatchesCharacters() async {
        await propertyCheck(count: 4_000, input: Self.accountText) { text in
            let reference = Self.referencePlaceholderAccount(text)
            #expect(IAMPlaceholder.isPlaceholderAccount(text) == reference, "\(text.debugDescription)")
            #expect(IAMPlaceholder.isPlaceholderAccountAnyScript(text) == reference, "\(text.debugDescription)")
            if let ascii = IAMPlaceholder.isPlaceholderAccountASCII(text) {
                #expect(ascii == reference, "\(text.debugDescription)")
            }
        }
        for text in ["<\r\n>", "{\r\n}", "<a>", "xxx", "111111111111", "210987654321", "${ACCOUNT}", "${aws:username}"] {
            #expect(IAMPlaceholder.isPlaceholderAccountASCII(text) == Self.referencePlaceholderAccount(text), "\(text.debugDescription)")
        }
    }
}

private extension URL {
    /// Makes the directory with an empty `services/` folder inside (a catalog with no services) and returns it.
    func creatingServicesDirectory() throws -> URL {
        try FileManager.default.createDirectory(at: appendingPathComponent("services", isDirectory: true), withIntermediateDirectories: true)
        return self
    }
}
