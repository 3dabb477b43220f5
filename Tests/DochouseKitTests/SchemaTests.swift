import Foundation
import Testing
@testable import DochouseKit

// MARK: - Helpers

private enum SchemaFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let awsDirectory = repositoryRoot.appendingPathComponent("content/schemas/cloud-provider-aws")

    static func file(_ name: String) throws -> RawFile {
        let url = awsDirectory.appendingPathComponent(name)
        return RawFile(relativePath: "cloud-provider-aws/\(name)", displayPath: "content/schemas/cloud-provider-aws/\(name)",
                       bytes: try [UInt8](Data(contentsOf: url)))
    }

    static func awsSchema() throws -> SchemaDocument {
        let (document, diagnostics) = SchemaLoader.load(try file("cluster_configuration.yaml"), module: "cloud-provider-aws")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(document)
    }

    static func awsRoot() throws -> SchemaNode {
        try #require(try awsSchema().versions.first).root
    }

    static func raw(_ text: String, path: String = "m/test.yaml") -> RawFile {
        RawFile(relativePath: path, displayPath: "schemas/\(path)", bytes: Array(text.utf8))
    }

    /// A schema document around an `openAPISpec` body (indented here by four spaces: its lines are file lines + 4).
    static func spec(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SchemaNode {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        let text = "kind: Test\napiVersions:\n- apiVersion: v1\n  openAPISpec:\n" + indented + "\n"
        let (document, diagnostics) = SchemaLoader.load(raw(text), module: "m")
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return try #require(document?.versions.first?.root, sourceLocation: sourceLocation)
    }

    static func load(_ text: String) -> (SchemaDocument?, [Diagnostic]) {
        SchemaLoader.load(raw(text), module: "m")
    }
}

/// Builds sample values by hand, as the YAML reader would: plain scalars carry their text.
private enum V {
    static func p(_ line: Int, _ column: Int) -> SamplePosition { SamplePosition(line: line, column: column) }

    /// A plain YAML string.
    static func s(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .string(text), position: p(line, column), style: .yamlPlain, plainText: text)
    }

    /// A double-quoted YAML string (position at the opening quote).
    static func q(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .string(text), position: p(line, column), style: .yamlDoubleQuoted)
    }

    /// A plain YAML number.
    static func n(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .number(text), position: p(line, column), style: .yamlPlain, plainText: text)
    }

    /// A JSON number.
    static func jn(_ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .number(text), position: p(line, column), style: .json)
    }

    /// A plain YAML boolean as written (`true`, `NO`, `on`).
    static func b(_ value: Bool, _ text: String, _ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .bool(value), position: p(line, column), style: .yamlPlain, plainText: text)
    }

    static func null(_ line: Int, _ column: Int) -> SampleValue {
        SampleValue(kind: .null, position: p(line, column), style: .yamlPlain, plainText: "")
    }

    static func arr(_ line: Int, _ column: Int, _ items: [SampleValue]) -> SampleValue {
        SampleValue(kind: .array(items), position: p(line, column))
    }

    static func obj(_ line: Int, _ column: Int, _ members: [SampleMember]) -> SampleValue {
        SampleValue(kind: .object(members), position: p(line, column))
    }

    /// A member whose key stands at line:column.
    static func m(_ key: String, _ line: Int, _ column: Int, _ value: SampleValue) -> SampleMember {
        SampleMember(key: key, keyPosition: p(line, column), value: value)
    }

    /// A schema value as a sample (every position 1:1, JSON style), for whole-resource examples.
    static func from(_ value: SchemaValue) -> SampleValue {
        let here = p(1, 1)
        switch value {
        case .null: return SampleValue(kind: .null, position: here, style: .json)
        case .bool(let flag): return SampleValue(kind: .bool(flag), position: here, style: .json)
        case .number(let text): return SampleValue(kind: .number(text), position: here, style: .json)
        case .string(let text): return SampleValue(kind: .string(text), position: here, style: .json)
        case .array(let items): return SampleValue(kind: .array(items.map(from)), position: here)
        case .object(let members):
            return SampleValue(kind: .object(members.map { SampleMember(key: $0.key, keyPosition: here, value: from($0.value)) }),
                               position: here)
        }
    }
}

private func validate(_ value: SampleValue, _ schema: SchemaNode, _ mode: SchemaValidationMode = .fragment) -> [SchemaViolation] {
    SchemaValidator.validate(value, against: schema, mode: mode)
}

private func ids(_ violations: [SchemaViolation]) -> [String] { violations.map(\.rule.id) }

/// Expects exactly one violation and returns it.
@discardableResult
private func single(_ violations: [SchemaViolation], _ rule: RuleDescriptor,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SchemaViolation {
    #expect(violations.count == 1, "\(violations)", sourceLocation: sourceLocation)
    let violation = try #require(violations.first, sourceLocation: sourceLocation)
    #expect(violation.rule == rule, "\(violation)", sourceLocation: sourceLocation)
    return violation
}

// MARK: - Loading the real schema

@Suite("Schema loader: the AWS cluster configuration")
struct SchemaLoaderAWSTests {
    @Test func kindNameAndVersions() throws {
        let document = try SchemaFixtures.awsSchema()
        #expect(document.kind == "AWSClusterConfiguration")
        #expect(document.module == "cloud-provider-aws")
        #expect(document.name == "cluster_configuration")
        #expect(document.versions.map(\.apiVersion) == ["deckhouse.io/v1"])
        #expect(document.versions[0].location.line == 7)
        #expect(document.version("deckhouse.io/v1") != nil)
        #expect(document.version("deckhouse.io/v2") == nil)
        #expect(document.source.displayPath == "content/schemas/cloud-provider-aws/cluster_configuration.yaml")
    }

    @Test func additionalRolePolicies() throws {
        let root = try SchemaFixtures.awsRoot()
        let policies = try #require(root.property("additionalRolePolicies"))
        #expect(policies.types == [.array])
        #expect(policies.minItems == 1)
        let items = try #require(policies.items)
        #expect(items.types == [.string])
        #expect(items.pattern == #"^([a-zA-Z0-9_\-]+):([a-zA-Z0-9_\-\*\?]+)$"#)
        #expect(items.compiledPattern?.matches("ecr:ListImages") == true)
        #expect(items.compiledPattern?.matches("ecr:List Images") == false)
        // Where it stands: the key at 433:7, the schema mapping at 434:9.
        let entry = try #require(root.propertyEntry("additionalRolePolicies"))
        #expect(entry.keyLocation == SourceLocation(file: "content/schemas/cloud-provider-aws/cluster_configuration.yaml", line: 433, column: 7))
        #expect(policies.location.line == 434)
        #expect(policies.location.column == 9)
        #expect(policies.description?.hasPrefix("IAM actions added to the IAM roles") == true)
    }

    @Test func layoutEnum() throws {
        let layout = try #require(try SchemaFixtures.awsRoot().property("layout"))
        #expect(layout.types == [.string])
        #expect(layout.enumValues == [.string("WithoutNAT"), .string("WithNAT"), .string("Standard")])
    }

    @Test func mergeKeyGivesNodeGroupsTheMasterInstanceClassFields() throws {
        let root = try SchemaFixtures.awsRoot()
        let master = try #require(root.node(at: ["masterNodeGroup", "instanceClass"]))
        let nodes = try #require(root.node(at: ["nodeGroups", "instanceClass"]))
        #expect(master.propertyNames == ["instanceType", "ami", "additionalSecurityGroups", "diskType", "diskSizeGb", "etcdDisk"])
        #expect(nodes.propertyNames == master.propertyNames.filter { $0 != "etcdDisk" })
        #expect(nodes.required == ["instanceType", "ami"])
        for name in nodes.propertyNames {
            let left = try #require(master.property(name))
            let right = try #require(nodes.property(name))
            #expect(left.types == right.types)
            #expect(left.enumValues == right.enumValues)
            #expect(left.location == right.location, "a merged property keeps the place it was written")
        }
        #expect(nodes.property("diskType")?.enumValues?.count == 6)
        #expect(nodes.property("diskType")?.example == .string("gp2"))
        #expect(nodes.property("diskSizeGb")?.example == .number("50"))
        // Arrays add no path segment; the node of an array is its items' object.
        #expect(root.node(at: ["nodeGroups", "nodeTemplate", "taints", "effect"])?.enumValues?.count == 3)
        #expect(root.node(at: ["nodeGroups", "nope"]) == nil)
    }

    @Test func combinatorsAndExtensions() throws {
        let root = try SchemaFixtures.awsRoot()
        #expect(root.allOf.count == 2)
        #expect(root.allOf[0].oneOf.count == 3)
        #expect(root.allOf[0].oneOf.allSatisfy { !$0.isRequiredOnly })
        #expect(root.allOf[1].oneOf.map(\.required) == [["vpcNetworkCIDR"], ["existingVPCID"]])
        #expect(root.allOf[1].oneOf.allSatisfy { $0.isRequiredOnly })
        #expect(root.xUnsafeRules == ["deleteZones"])
        #expect(root.xDocSearch == "ProviderClusterConfiguration\n")
        #expect(root.xExamples?.arrayValue?.count == 1)
        if case .allowed(false)? = root.additionalProperties {} else { Issue.record("additionalProperties: false expected") }
        #expect(root.property("vpcNetworkCIDR")?.xUnsafe == true)
        #expect(root.node(at: ["masterNodeGroup", "zones"])?.xDocRequired == false)
        #expect(root.property("tags")?.xDocRequired == false)
        #expect(root.property("zones")?.xDocRequired == nil)
        #expect(root.property("zones")?.uniqueItems == true)
        #expect(root.property("standard")?.isDeprecated == true)
        #expect(root.property("standard")?.propertyList?.isEmpty == true)
        #expect(root.property("layout")?.isDeprecated == false)
        let etcd = try #require(root.node(at: ["masterNodeGroup", "instanceClass", "etcdDisk"]))
        #expect(etcd.defaultValue == .object([.init(key: "sizeGb", value: .number("20")), .init(key: "type", value: .string("gp3"))]))
        #expect(etcd.documentedDefault?.jsonText == #"{"sizeGb":20,"type":"gp3"}"#)
        #expect(root.node(at: ["masterNodeGroup", "additionalTags"])?.xDocExamples?.count == 1)
        if case .schema(let values)? = root.property("tags")?.additionalProperties {
            #expect(values.types == [.string])
        } else {
            Issue.record("tags.additionalProperties should be a schema")
        }
        #expect(root.node(at: ["nodeGroups", "nodeTemplate", "labels"])?.xDocExample?.stringValue?.contains("warp-drive-ai") == true)
        #expect(root.property("masterNodeGroup")?.property("replicas")?.lowerBound?.value.value == 1)
        #expect(root.property("masterNodeGroup")?.property("replicas")?.lowerBound?.exclusive == false)
    }

    @Test func theSchemasOwnExampleIsValid() throws {
        let root = try SchemaFixtures.awsRoot()
        let example = try #require(root.xExamples?.arrayValue?.first)
        #expect(validate(V.from(example), root, .resource) == [])
    }
}

// MARK: - The Russian overlay

@Suite("Schema overlay: Russian texts by property path")
struct SchemaOverlayTests {
    private func awsOverlay() throws -> SchemaOverlay {
        let schema = try SchemaFixtures.awsSchema()
        let (overlay, diagnostics) = SchemaOverlayLoader.load(try SchemaFixtures.file("doc-ru-cluster_configuration.yaml"),
                                                              schema: schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(overlay)
    }

    @Test func realOverlayTexts() throws {
        let overlay = try awsOverlay()
        #expect(overlay.language == "ru")
        #expect(overlay.schemaName == "cluster_configuration")
        #expect(overlay.versions.count == 1)
        #expect(overlay.versions[0].apiVersion == "deckhouse.io/v1")
        let policies = try #require(overlay.texts(version: 0, path: ["additionalRolePolicies"]))
        #expect(policies.description?.hasPrefix("IAM-действия, которые добавляются к IAM-ролям инстансов кластера.") == true)
        #expect(policies.location.line == 246)
        #expect(overlay.texts(version: 0, path: [])?.xDocSearch == "ProviderClusterConfiguration\n")
        // Through the merge key: nodeGroups' instance class gets the texts written for the master nodes.
        let ami = try #require(overlay.texts(version: 0, path: ["nodeGroups", "instanceClass", "ami"]))
        #expect(ami.description?.hasPrefix("Идентификатор образа Amazon Machine Image (AMI), с которого загружаются машины.") == true)
        #expect(ami.location.line == 56)
        #expect(overlay.texts(version: 0, path: ["nodeGroups", "instanceClass", "instanceType"])?.description?
            .hasPrefix("Тип инстанса EC2, например `t3.large`.") == true)
        #expect(overlay.texts(version: 0, path: ["nodeGroups", "instanceClass", "etcdDisk"]) == nil)
        #expect(overlay.texts(version: 0, path: ["nodeGroups", "name"])?.description == "Имя NodeGroup; из него формируются имена узлов.\n")
    }

    @Test func realOverlayRedefinedAnchor() throws {
        let overlay = try awsOverlay()
        // The anchor is redefined for the bastion: its own texts, not the master nodes'.
        let bastion = try #require(overlay.texts(version: 0, path: ["withNAT", "bastionInstance", "instanceClass", "instanceType"]))
        #expect(bastion.description?.hasPrefix("Тип инстанса EC2 для bastion.") == true)
        #expect(overlay.texts(version: 0, path: ["withNAT", "bastionInstance", "instanceClass", "diskSizeGb"])?.description
            == "Размер корневого диска bastion в ГиБ.")
        #expect(overlay.texts(version: 0, path: ["masterNodeGroup", "instanceClass", "diskSizeGb"])?.description
            == "Размер корневого диска в ГиБ.")
    }

    @Test func unknownKeyIsReportedAtItsLineAndColumn() throws {
        let schema = try SchemaFixtures.awsSchema()
        let text = """
        apiVersions:
        - apiVersion: deckhouse.io/v1
          openAPISpec:
            properties:
              masterNodeGroup:
                properties:
                  replicsa:
                    description: Число master-узлов.
              sshPublicKey:
                description: Ключ.
        """
        let (overlay, diagnostics) = SchemaOverlayLoader.load(SchemaFixtures.raw(text, path: "m/doc-ru-x.yaml"), schema: schema)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.ruleID == "schema.overlay-unknown-key")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "schemas/m/doc-ru-x.yaml", line: 7, column: 11))
        #expect(diagnostic.message == "the schema has no property 'replicsa' under masterNodeGroup")
        #expect(diagnostic.suggestion == "did you mean 'replicas'?")
        // The rest of the overlay is still read.
        #expect(overlay?.texts(version: 0, path: ["sshPublicKey"])?.description == "Ключ.")
        #expect(overlay?.texts(version: 0, path: ["masterNodeGroup", "replicsa"]) == nil)
    }

    @Test func unknownTopLevelKeyItemsAndVersions() throws {
        let schema = try SchemaFixtures.awsSchema()
        let text = """
        apiVersions:
        - apiVersion: deckhouse.io/v2
          openAPISpec:
            properties:
              layuot:
                description: x
              sshPublicKey:
                items:
                  description: y
        - apiVersion: deckhouse.io/v1alpha1
          openAPISpec: {}
        """
        let (_, diagnostics) = SchemaOverlayLoader.load(SchemaFixtures.raw(text, path: "m/doc-ru-x.yaml"), schema: schema)
        let lines = diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.ruleID) \($0.message)" }
        #expect(lines == [
            "2:15 schema.overlay-version-mismatch this overlay entry is for deckhouse.io/v2, but the schema's API version number 1 is deckhouse.io/v1",
            "5:7 schema.overlay-unknown-key the schema has no property 'layuot' at the top level",
            "8:9 schema.overlay-unknown-key the overlay describes 'items', but sshPublicKey is not an array",
            "10:3 schema.overlay-unknown-key the schema has 1 API version; this overlay entry (number 2) matches none",
        ])
        #expect(diagnostics[1].suggestion == "did you mean 'layout'?")
    }

    @Test func redefinedAnchorsMergeListsAndOverrides() throws {
        let schema = try #require(SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: object
            properties:
              a: {type: object, properties: {x: {type: string}, y: {type: string}, z: {type: string}}}
              b: {type: object, properties: {x: {type: string}, y: {type: string}, z: {type: string}}}
              c:
                type: array
                items: {type: string, description: element}
        """).0)
        let text = """
        apiVersions:
        - openAPISpec:
            properties:
              a:
                properties:
                  <<: [&first {x: {description: x1}, y: {description: y1}}, &second {y: {description: y2}, z: {description: z2}}]
                  z: {description: z-own}
              b:
                properties: &first
                  x: {description: x3}
              c:
                items: {description: элемент}
                properties:
                  <<: *first
        """
        let (overlay, diagnostics) = SchemaOverlayLoader.load(SchemaFixtures.raw(text, path: "m/doc-ru-t.yaml"), schema: schema)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.ruleID == "schema.overlay-unknown-key")
        #expect(diagnostics.first?.location?.line == 10, "c has no properties: the re-anchored x (line 10) is unknown there")
        let texts = try #require(overlay).versions[0]
        #expect(texts.texts[["a", "x"]]?.description == "x1")
        #expect(texts.texts[["a", "y"]]?.description == "y1", "an earlier mapping of a merge list wins")
        #expect(texts.texts[["a", "z"]]?.description == "z-own", "a key written in the mapping wins over merged ones")
        #expect(texts.texts[["b", "x"]]?.description == "x3")
        #expect(texts.elementTexts[["c"]]?.description == "элемент")
        #expect(texts.texts[["c"]] == nil)
    }

    @Test func overlayFileNames() {
        #expect(SchemaOverlayLoader.overlayName("doc-ru-cluster_configuration.yaml")! == ("ru", "cluster_configuration"))
        #expect(SchemaOverlayLoader.overlayName("cloud-provider-aws/doc-ru-config-values.yaml")! == ("ru", "config-values"))
        #expect(SchemaOverlayLoader.overlayName("cluster_configuration.yaml") == nil)
        #expect(SchemaOverlayLoader.overlayName("doc-ru.yaml") == nil)
    }
}

// MARK: - Loader diagnostics

@Suite("Schema loader: diagnostics")
struct SchemaLoaderDiagnosticTests {
    private func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.ruleID) \($0.message)" }
    }

    @Test func yamlSyntax() {
        let (document, diagnostics) = SchemaFixtures.load("kind: T\napiVersions:\n- apiVersion: v1\n  openAPISpec: {type: object\n")
        #expect(document == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.ruleID == "schema.syntax")
        #expect(diagnostics.first?.location?.line == 4 || diagnostics.first?.location?.line == 5)
    }

    @Test func invalidUTF8() {
        let raw = RawFile(relativePath: "m/x.yaml", displayPath: "x.yaml", bytes: Array("kind: T\n".utf8) + [0xFF])
        let (document, diagnostics) = SchemaLoader.load(raw, module: "m")
        #expect(document == nil)
        #expect(lines(diagnostics) == ["2:1 schema.syntax the file is not valid UTF-8 (byte 8)"])
    }

    @Test func notADeckhouseLayout() {
        let (bare, bareDiagnostics) = SchemaFixtures.load("type: object\nproperties:\n  a: {type: string}\n")
        #expect(bare == nil)
        #expect(bareDiagnostics.map(\.ruleID) == ["schema.invalid"])
        #expect(bareDiagnostics.first?.message.contains("bare OpenAPI schema") == true)

        let (_, noVersions) = SchemaFixtures.load("kind: T\n")
        #expect(lines(noVersions) == ["1:1 schema.invalid not a Deckhouse schema: there is no top-level `apiVersions`"])

        let (_, noSpec) = SchemaFixtures.load("kind: T\napiVersions:\n- apiVersion: v1\n")
        #expect(lines(noSpec) == ["3:3 schema.invalid this `apiVersions` entry has no `openAPISpec`"])

        let (_, list) = SchemaFixtures.load("- a\n- b\n")
        #expect(list.map(\.ruleID) == ["schema.invalid"])

        let (_, empty) = SchemaFixtures.load("")
        #expect(lines(empty) == ["1:1 schema.invalid the file is empty"])
    }

    @Test func wrongKeywordTypes() throws {
        let (document, diagnostics) = SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: object
            properties:
              a:
                type: array
                minItems: "x"
                uniqueItems: maybe
              b:
                type: strng
              c:
                type: string
                requird: [x]
              d:
                type: integer
                minimum: low
                required: true
              e:
                $ref: '#/definitions/x'
        """)
        #expect(lines(diagnostics) == [
            "9:19 schema.unsupported minItems must be a non-negative integer, found string \"x\"",
            "10:22 schema.unsupported uniqueItems must be true or false, found string \"maybe\"",
            "12:15 schema.unsupported unknown type 'strng' (expected one of: string, integer, number, boolean, object, array, null)",
            "15:9 schema.unsupported unknown OpenAPI keyword 'requird'",
            "18:18 schema.unsupported minimum must be a number, found string \"low\"",
            "19:19 schema.unsupported required must be a list of strings (OpenAPI v3 lists required property names on the parent object, not `required: true` on the property), found boolean true",
            "21:9 schema.unsupported '$ref' is not supported: dochouse reads self-contained OpenAPI v3.0 schemas",
        ])
        #expect(diagnostics[2].suggestion == "did you mean 'string'?")
        #expect(diagnostics[3].suggestion == "did you mean 'required'?")
        // The rest of the schema is still usable.
        let root = try #require(document?.versions.first?.root)
        #expect(root.property("a")?.types == [.array])
        #expect(root.property("a")?.minItems == nil)
        #expect(root.property("b")?.types == [])
    }

    @Test func requiredEntryThatIsNotAProperty() {
        let (_, diagnostics) = SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: object
            required: [name, replcias]
            properties:
              name: {type: string}
              replicas: {type: integer}
              free:
                type: object
                required: [anything]
                additionalProperties: {type: string}
            oneOf:
            - required: [name]
            - required: [replicas, zones]
        """)
        #expect(lines(diagnostics) == [
            "6:22 schema.unknown-required required lists 'replcias', which is not a property of this object",
            "16:28 schema.unknown-required required lists 'zones', which is not a property of this object",
        ])
        #expect(diagnostics.first?.suggestion == "did you mean 'replicas'?")
    }

    @Test func invalidPattern() throws {
        let (document, diagnostics) = SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: string
            pattern: '^([a-z]+$'
        """)
        #expect(lines(diagnostics) == ["6:14 schema.invalid-pattern pattern '^([a-z]+$' is not a valid regular expression"])
        let root = try #require(document?.versions.first?.root)
        #expect(root.pattern == "^([a-z]+$")
        #expect(root.compiledPattern == nil)
        #expect(validate(V.s("x", 1, 1), root).isEmpty, "an invalid pattern checks nothing")
    }

    @Test func mergeKeysInSchemas() throws {
        let root = try SchemaFixtures.spec("""
        type: object
        properties:
          base: &base
            type: string
            minLength: 2
            description: base
          extra: &extra
            maxLength: 5
            description: extra
          merged:
            <<: [*base, *extra]
            description: own
          single:
            <<: *base
            minLength: 3
        """)
        let merged = try #require(root.property("merged"))
        #expect(merged.types == [.string])
        #expect(merged.minLength == 2)
        #expect(merged.maxLength == 5)
        #expect(merged.description == "own")
        #expect(merged.keywords == ["type", "minLength", "maxLength", "description"], "merged keys stand where `<<` was")
        let single = try #require(root.property("single"))
        #expect(single.minLength == 3)
        #expect(single.description == "base")
    }

    @Test func badMergeValue() {
        let (_, diagnostics) = SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: object
            <<: 5
        """)
        #expect(lines(diagnostics) == ["6:5 schema.syntax a merge key (<<) takes a mapping or a list of mappings"])
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombIsRefusedQuickly() {
        var text = "kind: T\napiVersions:\n- apiVersion: v1\n  openAPISpec:\n    type: object\n    x-bomb:\n"
        text += "      a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "      a\(level): &a\(level) [\(refs)]\n"
        }
        let (document, diagnostics) = SchemaFixtures.load(text)
        #expect(document == nil)
        #expect(lines(diagnostics) == [
            "1:1 schema.too-large the file expands to more than 1000000 nodes through its aliases (an alias bomb?)",
        ])
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombAsAKeyIsRefusedBeforeComposing() {
        // Yams hashes mapping keys while composing; an aliased bomb as a key would take exponential time there.
        var text = "kind: T\napiVersions:\n- apiVersion: v1\n  openAPISpec:\n    x-bomb:\n"
        text += "      a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "      a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        for (key, line, column) in [("{? *a9 : 1}", 16, 11), ("{*a9 : 1}", 16, 11), ("[*a9: 1]", 16, 11),
                                     ("{[*a9]: 1}", 16, 11), ("{b: 1, {c: *a9} : 2}", 16, 17),
                                     ("\n        [*a9]: 1", 17, 9),
                                     // Found by the policy fuzzer: an explicit key in a flow sequence needs no `:`.
                                     ("[x, ? *a9]", 16, 14), ("{? *a9}", 16, 11), ("[? [*a9]]", 16, 11)] {
            let (document, diagnostics) = SchemaFixtures.load(text + "      m: \(key)\n")
            #expect(document == nil)
            #expect(diagnostics.map(\.ruleID) == ["schema.unsupported"], "\(key)")
            #expect(diagnostics.first?.location?.line == line, "\(key)")
            #expect(diagnostics.first?.location?.column == column, "\(key)")
        }
        let (_, explicit) = SchemaFixtures.load(text + "      ? *a9\n      : 1\n")
        #expect(explicit.first?.location?.line == 16)
        #expect(explicit.first?.location?.column == 7)
        // Aliases as values, Markdown emphasis and `*` in text are fine.
        let (fine, none) = SchemaFixtures.load("""
        kind: T
        apiVersions:
        - apiVersion: v1
          openAPISpec:
            type: object
            description: "**Caution!**: *note*: see *x: y, [link]: z"
            x-doc: [a, [b], {c: d}]
            x-markdown: |
              [ref]: https://example.com
              *note*: text
              *a: b
            properties:
              a: &a {type: string, description: '*a: b'}
              b: *a
        """)
        #expect(none.isEmpty, "\(none)")
        #expect(fine?.versions.first?.root.property("b")?.types == [.string])
    }

    @Test func absurdNestingIsRefused() {
        let text = "kind: T\napiVersions:\n- apiVersion: v1\n  openAPISpec:\n    default: "
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let (document, diagnostics) = SchemaFixtures.load(text)
        #expect(document == nil)
        #expect(diagnostics.map(\.ruleID) == ["schema.too-large"])
    }

    @Test func nestingJustUnderTheTextEstimateIsMeasuredAfterComposing() {
        let text = "kind: T\napiVersions:\n- apiVersion: v1\n  openAPISpec:\n    default: "
            + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "\n"
        let (document, diagnostics) = SchemaFixtures.load(text)
        #expect(document == nil)
        #expect(diagnostics.map(\.message) == ["the file nests more than 512 levels deep"])
        #expect(diagnostics.first?.location?.line == 5)
    }

    @Test func ruleCatalog() {
        let ids = SchemaRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("schema.") })
        #expect(SchemaRules.yaml11Boolean.defaultSeverity == .warning)
        #expect(SchemaRules.deprecated.defaultSeverity == .warning)
        #expect(SchemaRules.type.defaultSeverity == .error)
    }
}

// MARK: - Validation

@Suite("Schema validator: types and YAML's implicit typing")
struct SchemaValidatorTypeTests {
    @Test func plainNumberWhereAStringIsWanted() throws {
        let schema = try SchemaFixtures.spec("type: string")
        let violation = try single(validate(V.n("5", 3, 15), schema), SchemaRules.type)
        #expect(violation.message == "expected string, found number 5 (YAML reads an unquoted 5 as a number)")
        #expect(violation.position == V.p(3, 15))
        #expect(violation.suggestion == "quote it: \"5\"")
        #expect(violation.replacement == "\"5\"")
        #expect(violation.path == "")
        #expect(validate(V.q("5", 3, 15), schema).isEmpty)
    }

    @Test func yamlReadingsOfPlainScalars() throws {
        let schema = try SchemaFixtures.spec("type: string")
        let cases: [(SampleValue, String, String)] = [
            (V.b(false, "NO", 1, 1), "expected string, found boolean NO (YAML reads an unquoted NO as a boolean)", "\"NO\""),
            (V.b(true, "on", 1, 1), "expected string, found boolean on (YAML reads an unquoted on as a boolean)", "\"on\""),
            (V.n("1.10", 1, 1), "expected string, found number 1.10 (YAML reads an unquoted 1.10 as a number)", "\"1.10\""),
            (V.n("012", 1, 1), "expected string, found number 012 (YAML reads an unquoted 012 as a number)", "\"012\""),
            (V.s("2024-01-02", 1, 1), "expected string, found date 2024-01-02 (YAML reads an unquoted 2024-01-02 as a date)", "\"2024-01-02\""),
        ]
        for (value, message, replacement) in cases {
            let violation = try single(validate(value, schema), SchemaRules.type)
            #expect(violation.message == message)
            #expect(violation.replacement == replacement)
        }
        // A JSON number has no YAML reading to explain, and no mechanical fix.
        let json = try single(validate(V.jn("5", 2, 9), schema), SchemaRules.type)
        #expect(json.message == "expected string, found number 5")
        #expect(json.replacement == nil)
    }

    @Test func integersAndNumbers() throws {
        let integer = try SchemaFixtures.spec("type: integer")
        #expect(validate(V.n("5", 1, 1), integer).isEmpty)
        #expect(validate(V.jn("5.0", 1, 1), integer).isEmpty, "an integral number is an integer")
        let fraction = try single(validate(V.n("5.5", 1, 1), integer), SchemaRules.type)
        #expect(fraction.message == "expected integer, found number 5.5")
        let quoted = try single(validate(V.q("5", 2, 7), integer), SchemaRules.type)
        #expect(quoted.message == "expected integer, found string \"5\"")
        #expect(quoted.suggestion == "remove the quotes: 5")
        #expect(quoted.replacement == "5")
        let number = try SchemaFixtures.spec("type: number")
        #expect(validate(V.n("5.5", 1, 1), number).isEmpty)
        let word = try single(validate(V.s("five", 1, 1), number), SchemaRules.type)
        #expect(word.replacement == nil)
    }

    @Test func nullsObjectsAndTypeLists() throws {
        let string = try SchemaFixtures.spec("type: string")
        #expect(try single(validate(V.null(4, 10), string), SchemaRules.type).message
            == "expected string, found null (an empty value is null in YAML)")
        let nullable = try SchemaFixtures.spec("type: string\nnullable: true")
        #expect(validate(V.null(4, 10), nullable).isEmpty)
        let object = try SchemaFixtures.spec("type: object")
        #expect(try single(validate(V.arr(1, 1, []), object), SchemaRules.type).message == "expected object, found array")
        let either = try SchemaFixtures.spec("type: [string, integer, boolean]")
        #expect(validate(V.n("5", 1, 1), either).isEmpty)
        #expect(try single(validate(V.obj(1, 1, []), either), SchemaRules.type).message
            == "expected string, integer or boolean, found object")
        let intOrString = try SchemaFixtures.spec("x-kubernetes-int-or-string: true")
        #expect(validate(V.n("5", 1, 1), intOrString).isEmpty)
        #expect(validate(V.s("50%", 1, 1), intOrString).isEmpty)
        #expect(try single(validate(V.b(true, "true", 1, 1), intOrString), SchemaRules.type).message
            == "expected integer or string, found boolean true (YAML reads an unquoted true as a boolean)")
    }

    @Test func yaml11Booleans() throws {
        let string = try SchemaFixtures.spec("type: string")
        let word = try single(validate(V.s("on", 2, 11), string), SchemaRules.yaml11Boolean)
        #expect(word.rule.defaultSeverity == .warning)
        #expect(word.message == "YAML 1.1 reads an unquoted on as a boolean; YAML 1.2 as a string")
        #expect(word.replacement == "\"on\"")
        #expect(word.position == V.p(2, 11))
        #expect(validate(V.q("on", 2, 11), string).isEmpty)

        let boolean = try SchemaFixtures.spec("type: boolean")
        let yes = try single(validate(V.b(true, "yes", 1, 9), boolean), SchemaRules.yaml11Boolean)
        #expect(yes.message == "'yes' is a boolean (true) in YAML 1.1 but the string \"yes\" in YAML 1.2")
        #expect(yes.replacement == "true")
        let n = try single(validate(V.s("N", 1, 9), boolean), SchemaRules.yaml11Boolean)
        #expect(n.replacement == "false")
        #expect(validate(V.b(true, "true", 1, 9), boolean).isEmpty)
        #expect(validate(V.b(false, "False", 1, 9), boolean).isEmpty)
        let quoted = try single(validate(V.q("true", 1, 9), boolean), SchemaRules.type)
        #expect(quoted.replacement == "true")
    }
}

@Suite("Schema validator: values, objects and arrays")
struct SchemaValidatorValueTests {
    @Test func enumWithDidYouMean() throws {
        let root = try SchemaFixtures.awsRoot()
        // layout: withNAT
        let sample = V.obj(1, 1, [V.m("layout", 1, 1, V.s("withNAT", 1, 9))])
        let violation = try single(validate(sample, root), SchemaRules.enumValue)
        #expect(violation.message == "'withNAT' is not one of the allowed values: WithoutNAT, WithNAT, Standard")
        #expect(violation.suggestion == "did you mean 'WithNAT'? (values are case-sensitive)")
        #expect(violation.replacement == "WithNAT")
        #expect(violation.position == V.p(1, 9))
        #expect(violation.path == "layout")
        let typo = try single(validate(V.obj(1, 1, [V.m("layout", 1, 1, V.q("WithNTA", 1, 9))]), root), SchemaRules.enumValue)
        #expect(typo.suggestion == "did you mean 'WithNAT'?")
        #expect(typo.replacement == "\"WithNAT\"")
        #expect(validate(V.obj(1, 1, [V.m("layout", 1, 1, V.s("WithNAT", 1, 9))]), root).isEmpty)
        let numbers = try SchemaFixtures.spec("enum: [1, 2.5]")
        #expect(validate(V.n("2.50", 1, 1), numbers).isEmpty)
        #expect(try single(validate(V.n("3", 1, 1), numbers), SchemaRules.enumValue).message == "3 is not one of the allowed values: 1, 2.5")
    }

    @Test func pattern() throws {
        let root = try SchemaFixtures.awsRoot()
        // additionalRolePolicies:
        // - ecr:ListImages
        // - ecr:List Images
        let sample = V.obj(1, 1, [V.m("additionalRolePolicies", 1, 1, V.arr(2, 1, [
            V.s("ecr:ListImages", 2, 3), V.s("ecr:List Images", 3, 3),
        ]))])
        let violation = try single(validate(sample, root), SchemaRules.pattern)
        #expect(violation.message == #""ecr:List Images" does not match the pattern ^([a-zA-Z0-9_\-]+):([a-zA-Z0-9_\-\*\?]+)$"#)
        #expect(violation.position == V.p(3, 3))
        #expect(violation.path == "additionalRolePolicies[1]")
        let fine = V.obj(1, 1, [V.m("additionalRolePolicies", 1, 1, V.arr(2, 1, [V.s("s3:Get*", 2, 3)]))])
        #expect(validate(fine, root).isEmpty)
        let unanchored = try SchemaFixtures.spec("type: string\npattern: 'b+'")
        #expect(validate(V.s("abba", 1, 1), unanchored).isEmpty, "patterns match anywhere, as in JSON Schema")
    }

    @Test func requiredInResourceAndFragmentModes() throws {
        let root = try SchemaFixtures.awsRoot()
        // masterNodeGroup:
        //   replicas: 3
        let sample = V.obj(1, 1, [V.m("masterNodeGroup", 1, 1, V.obj(2, 3, [V.m("replicas", 2, 3, V.n("3", 2, 13))]))])
        let fragment = try single(validate(sample, root, .fragment), SchemaRules.required)
        #expect(fragment.message == "missing required property 'instanceClass'")
        #expect(fragment.position == V.p(2, 3))
        #expect(fragment.path == "masterNodeGroup")

        let resource = validate(sample, root, .resource)
        // Sorted by position, then rule id.
        #expect(ids(resource) == ["schema.one-of", "schema.required", "schema.required"])
        #expect(resource[0].message == "set exactly one of vpcNetworkCIDR, existingVPCID; none is set")
        #expect(resource[1].message == "missing required properties 'apiVersion', 'kind', 'layout', 'provider', 'sshPublicKey'")
        #expect(resource[1].position == V.p(1, 1))
        #expect(resource[1].path == "")
        #expect(resource[2].path == "masterNodeGroup")

        let complete = V.obj(1, 1, [V.m("masterNodeGroup", 1, 1, V.obj(2, 3, [
            V.m("replicas", 2, 3, V.n("3", 2, 13)),
            V.m("instanceClass", 3, 3, V.obj(4, 5, [
                V.m("instanceType", 4, 5, V.s("m5.xlarge", 4, 19)), V.m("ami", 5, 5, V.s("ami-1", 5, 10)),
            ])),
        ]))])
        #expect(validate(complete, root, .fragment).isEmpty)
    }

    @Test func additionalAndUnknownProperties() throws {
        let root = try SchemaFixtures.awsRoot()
        // provider:
        //   regoin: eu-central-1
        let sample = V.obj(1, 1, [V.m("provider", 1, 1, V.obj(2, 3, [V.m("regoin", 2, 3, V.s("eu-central-1", 2, 11))]))])
        let violations = validate(sample, root)
        #expect(ids(violations) == ["schema.additional-property", "schema.required"])
        #expect(violations[1].suggestion == "did you mean 'region' instead of 'regoin'?")
        let unknown = violations[0]
        #expect(unknown.message == "unknown property 'regoin'")
        #expect(unknown.suggestion == "did you mean 'region'?")
        #expect(unknown.replacement == "region")
        #expect(unknown.position == V.p(2, 3))
        #expect(unknown.path == "provider.regoin")

        let top = try single(validate(V.obj(1, 1, [V.m("sshKey", 1, 1, V.s("x", 1, 9))]), root), SchemaRules.additionalProperty)
        #expect(top.path == "sshKey")

        // masterNodeGroup allows extra keys (no additionalProperties), but an undeclared one is likely a typo.
        let typo = V.obj(1, 1, [V.m("masterNodeGroup", 1, 1, V.obj(2, 3, [V.m("zonse", 2, 3, V.arr(3, 5, []))]))])
        let found = validate(typo, root)
        #expect(ids(found) == ["schema.required", "schema.unknown-property"])
        #expect(found[1].rule.defaultSeverity == .warning)
        #expect(found[1].message == "'zonse' is not a property the schema declares")
        #expect(found[1].suggestion == "did you mean 'zones'?")

        let closed = try SchemaFixtures.spec("type: object\nadditionalProperties: false\nx-kubernetes-preserve-unknown-fields: true")
        #expect(validate(V.obj(1, 1, [V.m("any", 1, 1, V.s("x", 1, 6))]), closed).isEmpty)
    }

    @Test func additionalPropertiesSchemaAndQuotedPaths() throws {
        let root = try SchemaFixtures.awsRoot()
        // nodeGroups:
        // - name: front
        //   nodeTemplate:
        //     labels:
        //       node-role.kubernetes.io/front: 1
        let sample = V.obj(1, 1, [V.m("nodeGroups", 1, 1, V.arr(2, 1, [V.obj(2, 3, [
            V.m("name", 2, 3, V.s("front", 2, 9)),
            V.m("nodeTemplate", 3, 3, V.obj(4, 5, [V.m("labels", 4, 5, V.obj(5, 7, [
                V.m("node-role.kubernetes.io/front", 5, 7, V.n("1", 5, 39)),
            ]))])),
        ])]))])
        let violations = validate(sample, root)
        #expect(ids(violations) == ["schema.required", "schema.type"])
        #expect(violations[0].path == "nodeGroups[0]")
        #expect(violations[0].message == "missing required properties 'replicas', 'instanceClass'")
        #expect(violations[1].path == #"nodeGroups[0].nodeTemplate.labels["node-role.kubernetes.io/front"]"#)
        #expect(violations[1].position == V.p(5, 39))
        #expect(violations[1].replacement == "\"1\"")
    }

    @Test func minimumAndMaximum() throws {
        let root = try SchemaFixtures.awsRoot()
        let zero = V.obj(1, 1, [V.m("masterNodeGroup", 1, 1, V.obj(2, 3, [
            V.m("replicas", 2, 3, V.n("0", 2, 13)),
            V.m("instanceClass", 3, 3, V.obj(4, 5, [V.m("instanceType", 4, 5, V.s("t3", 4, 19)), V.m("ami", 5, 5, V.s("a", 5, 10))])),
        ]))])
        let low = try single(validate(zero, root), SchemaRules.minimum)
        #expect(low.message == "0 is less than the minimum 1")
        #expect(low.position == V.p(2, 13))
        #expect(low.path == "masterNodeGroup.replicas")

        let bounded = try SchemaFixtures.spec("type: number\nminimum: 0\nexclusiveMinimum: true\nmaximum: 10")
        #expect(try single(validate(V.n("0", 1, 1), bounded), SchemaRules.minimum).message == "0 must be greater than 0 (exclusiveMinimum)")
        #expect(validate(V.n("0.5", 1, 1), bounded).isEmpty)
        #expect(validate(V.n("10", 1, 1), bounded).isEmpty)
        #expect(try single(validate(V.n("10.5", 1, 1), bounded), SchemaRules.maximum).message == "10.5 is greater than the maximum 10")
        let openAPI31 = try SchemaFixtures.spec("type: integer\nexclusiveMaximum: 5")
        #expect(try single(validate(V.n("5", 1, 1), openAPI31), SchemaRules.maximum).message == "5 must be less than 5 (exclusiveMaximum)")
        #expect(validate(V.n("4", 1, 1), openAPI31).isEmpty)
        let big = try SchemaFixtures.spec("type: integer\nmaximum: 9007199254740993")
        #expect(try single(validate(V.n("9007199254740994", 1, 1), big), SchemaRules.maximum).path == "", "compared as integers")
        #expect(validate(V.n("9007199254740993", 1, 1), big).isEmpty)
        let step = try SchemaFixtures.spec("type: number\nmultipleOf: 0.5")
        #expect(validate(V.n("2.5", 1, 1), step).isEmpty)
        #expect(try single(validate(V.n("2.25", 1, 1), step), SchemaRules.multipleOf).message == "2.25 is not a multiple of 0.5")
    }

    @Test func lengths() throws {
        let schema = try SchemaFixtures.spec("type: string\nminLength: 3\nmaxLength: 5")
        #expect(validate(V.s("abc", 1, 1), schema).isEmpty)
        #expect(validate(V.s("абвгд", 1, 1), schema).isEmpty, "length counts characters, not bytes")
        #expect(try single(validate(V.s("ab", 1, 1), schema), SchemaRules.length).message == "\"ab\" is 2 characters long; minLength is 3")
        #expect(try single(validate(V.s("abcdef", 1, 1), schema), SchemaRules.length).message == "\"abcdef\" is 6 characters long; maxLength is 5")
    }

    @Test func itemCountsAndUniqueness() throws {
        let root = try SchemaFixtures.awsRoot()
        let empty = V.obj(1, 1, [V.m("additionalRolePolicies", 1, 1, V.arr(1, 25, []))])
        let few = try single(validate(empty, root), SchemaRules.minItems)
        #expect(few.message == "the list has 0 items; minItems is 1")
        #expect(few.position == V.p(1, 25))
        // zones:
        // - eu-central-1a
        // - eu-central-1b
        // - eu-central-1a
        let zones = V.obj(1, 1, [V.m("zones", 1, 1, V.arr(2, 1, [
            V.s("eu-central-1a", 2, 3), V.s("eu-central-1b", 3, 3), V.s("eu-central-1a", 4, 3),
        ]))])
        let duplicate = try single(validate(zones, root), SchemaRules.uniqueItems)
        #expect(duplicate.message == "duplicate item \"eu-central-1a\": the same as zones[0]")
        #expect(duplicate.position == V.p(4, 3))
        #expect(duplicate.path == "zones[2]")
        let fine = V.obj(1, 1, [V.m("zones", 1, 1, V.arr(2, 1, [V.s("a", 2, 3), V.s("b", 3, 3)]))])
        #expect(validate(fine, root).isEmpty)

        let capped = try SchemaFixtures.spec("type: array\nmaxItems: 2\nuniqueItems: true")
        #expect(try single(validate(V.arr(1, 1, [V.n("1", 1, 2), V.n("2", 1, 5), V.n("3", 1, 8)]), capped), SchemaRules.maxItems).message
            == "the list has 3 items; maxItems is 2")
        #expect(ids(validate(V.arr(1, 1, [V.n("1", 1, 2), V.jn("1.0", 1, 5)]), capped)) == ["schema.unique-items"],
                "numbers are compared by value")
        let objects = V.arr(1, 1, [
            V.obj(1, 2, [V.m("a", 1, 2, V.n("1", 1, 5)), V.m("b", 1, 8, V.n("2", 1, 11))]),
            V.obj(2, 2, [V.m("b", 2, 2, V.n("2", 2, 5)), V.m("a", 2, 8, V.n("1", 2, 11))]),
        ])
        #expect(ids(validate(objects, capped)) == ["schema.unique-items"], "object keys in any order")
    }

    @Test func propertyCounts() throws {
        let schema = try SchemaFixtures.spec("type: object\nminProperties: 1\nmaxProperties: 1")
        #expect(try single(validate(V.obj(1, 1, []), schema), SchemaRules.minProperties).message == "the object has 0 keys; minProperties is 1")
        let two = V.obj(1, 1, [V.m("a", 1, 1, V.n("1", 1, 4)), V.m("b", 2, 1, V.n("2", 2, 4))])
        #expect(try single(validate(two, schema), SchemaRules.maxProperties).message == "the object has 2 keys; maxProperties is 1")
    }

    @Test func deprecatedProperty() throws {
        let root = try SchemaFixtures.awsRoot()
        // layout: Standard
        // standard: {}
        let sample = V.obj(1, 1, [V.m("layout", 1, 1, V.s("Standard", 1, 9)), V.m("standard", 2, 1, V.obj(2, 11, []))])
        let violation = try single(validate(sample, root), SchemaRules.deprecated)
        #expect(violation.rule.defaultSeverity == .warning)
        #expect(violation.message == "'standard' is deprecated")
        #expect(violation.position == V.p(2, 1))
        #expect(validate(V.obj(1, 1, [V.m("withNAT", 1, 1, V.obj(1, 10, []))]), root).isEmpty)
        let docOnly = try SchemaFixtures.spec("type: object\nproperties:\n  old: {type: string, x-doc-deprecated: true}")
        #expect(ids(validate(V.obj(1, 1, [V.m("old", 1, 1, V.s("x", 1, 6))]), docOnly)) == ["schema.deprecated"])
    }
}

@Suite("Schema validator: combinators")
struct SchemaValidatorCombinatorTests {
    /// The AWS resource's required keys, so resource-mode tests see only what they are about.
    private func resource(_ extra: [SampleMember]) -> SampleValue {
        V.obj(1, 1, [
            V.m("apiVersion", 1, 1, V.s("deckhouse.io/v1", 1, 13)),
            V.m("kind", 2, 1, V.s("AWSClusterConfiguration", 2, 7)),
            V.m("layout", 3, 1, V.s("WithoutNAT", 3, 9)),
            V.m("sshPublicKey", 4, 1, V.s("ssh-rsa AAA", 4, 15)),
            V.m("provider", 5, 1, V.obj(6, 3, [
                V.m("providerAccessKeyId", 6, 3, V.s("a", 6, 24)),
                V.m("providerSecretAccessKey", 7, 3, V.s("b", 7, 28)),
                V.m("region", 8, 3, V.s("eu-central-1", 8, 11)),
            ])),
            V.m("masterNodeGroup", 9, 1, V.obj(10, 3, [
                V.m("replicas", 10, 3, V.n("1", 10, 13)),
                V.m("instanceClass", 11, 3, V.obj(12, 5, [
                    V.m("instanceType", 12, 5, V.s("m5.xlarge", 12, 19)), V.m("ami", 13, 5, V.s("ami-1", 13, 10)),
                ])),
            ])),
        ] + extra)
    }

    @Test func exactlyOneOfTwoKeys() throws {
        let root = try SchemaFixtures.awsRoot()
        let one = resource([V.m("vpcNetworkCIDR", 14, 1, V.s("10.0.0.0/16", 14, 17))])
        #expect(validate(one, root, .resource).isEmpty)

        let both = resource([
            V.m("vpcNetworkCIDR", 14, 1, V.s("10.0.0.0/16", 14, 17)),
            V.m("existingVPCID", 15, 1, V.s("vpc-1", 15, 16)),
        ])
        let violation = try single(validate(both, root, .resource), SchemaRules.oneOf)
        #expect(violation.message == "set exactly one of vpcNetworkCIDR, existingVPCID, not both")
        #expect(violation.position == V.p(15, 1), "at the second key")
        #expect(violation.path == "")

        let neither = try single(validate(resource([]), root, .resource), SchemaRules.oneOf)
        #expect(neither.message == "set exactly one of vpcNetworkCIDR, existingVPCID; none is set")
        #expect(neither.position == V.p(1, 1))
    }

    @Test func fragmentsMaySetNeitherButNotBoth() throws {
        let root = try SchemaFixtures.awsRoot()
        let neither = V.obj(1, 1, [V.m("sshPublicKey", 1, 1, V.s("ssh-rsa AAA", 1, 15))])
        #expect(validate(neither, root, .fragment).isEmpty)
        let both = V.obj(1, 1, [
            V.m("vpcNetworkCIDR", 1, 1, V.s("10.0.0.0/16", 1, 17)),
            V.m("existingVPCID", 2, 1, V.s("vpc-1", 2, 16)),
        ])
        #expect(try single(validate(both, root, .fragment), SchemaRules.oneOf).message
            == "set exactly one of vpcNetworkCIDR, existingVPCID, not both")
    }

    @Test func combinatorFailuresAlreadyReportedAreNotRepeated() throws {
        let root = try SchemaFixtures.awsRoot()
        // layout: Foo breaks the enum; the layout oneOf fails for the same reason and adds nothing.
        let sample = resource([V.m("vpcNetworkCIDR", 14, 1, V.s("10.0.0.0/16", 14, 17))])
        guard case .object(var members) = sample.kind else { return }
        members[2] = V.m("layout", 3, 1, V.s("Foo", 3, 9))
        let violations = validate(V.obj(1, 1, members), root, .resource)
        #expect(ids(violations) == ["schema.enum"])
        // Without layout, the required finding covers the oneOf too.
        members.remove(at: 2)
        let missing = validate(V.obj(1, 1, members), root, .resource)
        #expect(ids(missing) == ["schema.required"])
        #expect(missing.first?.message == "missing required property 'layout'")
    }

    @Test func genericOneOf() throws {
        let schema = try SchemaFixtures.spec("""
        oneOf:
        - type: string
        - type: integer
          minimum: 10
        - type: number
        """)
        #expect(validate(V.s("x", 1, 1), schema).isEmpty)
        #expect(validate(V.n("2.5", 1, 1), schema).isEmpty)
        let none = try single(validate(V.b(true, "true", 1, 1), schema), SchemaRules.oneOf)
        #expect(none.message == "the value matches none of the 3 oneOf branches")
        #expect(none.suggestion == "closest is branch 1: expected string, found boolean true (YAML reads an unquoted true as a boolean)")
        let two = try single(validate(V.n("12", 1, 1), schema), SchemaRules.oneOf)
        #expect(two.message == "the value matches 2 of the 3 oneOf branches (2, 3); exactly one must match")
    }

    @Test func anyOf() throws {
        let schema = try SchemaFixtures.spec("""
        type: object
        properties:
          a: {type: string}
          b: {type: string}
        anyOf:
        - required: [a]
        - required: [b]
        """)
        let both = V.obj(1, 1, [V.m("a", 1, 1, V.s("x", 1, 4)), V.m("b", 2, 1, V.s("z", 2, 4))])
        #expect(validate(both, schema, .resource).isEmpty)
        let none = try single(validate(V.obj(1, 1, []), schema, .resource), SchemaRules.anyOf)
        #expect(none.message == "set at least one of a, b; none is set")
        #expect(validate(V.obj(1, 1, []), schema, .fragment).isEmpty)
        let nested = try SchemaFixtures.spec("""
        type: object
        properties:
          inner:
            type: object
            anyOf:
            - required: [a]
            - required: [b]
        """)
        let emptyInner = V.obj(1, 1, [V.m("inner", 1, 1, V.obj(2, 3, []))])
        #expect(ids(validate(emptyInner, nested, .fragment)) == ["schema.any-of"], "nested objects are complete even in a fragment")
        let typed = try SchemaFixtures.spec("anyOf:\n- type: string\n- type: boolean")
        #expect(try single(validate(V.n("1", 1, 1), typed), SchemaRules.anyOf).message == "the value matches none of the 2 anyOf branches")
    }

    @Test func allOfReportsInnerViolations() throws {
        let schema = try SchemaFixtures.spec("""
        type: object
        properties:
          size: {type: integer}
        allOf:
        - required: [size]
        - properties:
            size: {maximum: 10}
        """)
        #expect(validate(V.obj(1, 1, [V.m("size", 1, 1, V.n("5", 1, 7))]), schema, .resource).isEmpty)
        let missing = try single(validate(V.obj(1, 1, []), schema, .resource), SchemaRules.required)
        #expect(missing.message == "missing required property 'size'")
        let big = try single(validate(V.obj(1, 1, [V.m("size", 1, 1, V.n("50", 1, 7))]), schema, .resource), SchemaRules.maximum)
        #expect(big.position == V.p(1, 7))
        #expect(big.path == "size")
    }

    @Test func not() throws {
        let schema = try SchemaFixtures.spec("""
        type: object
        properties:
          a: {type: string}
          b: {type: string}
        not:
          required: [a, b]
        """)
        #expect(validate(V.obj(1, 1, [V.m("a", 1, 1, V.s("x", 1, 4))]), schema).isEmpty)
        let both = V.obj(1, 1, [V.m("a", 1, 1, V.s("x", 1, 4)), V.m("b", 2, 1, V.s("z", 2, 4))])
        #expect(try single(validate(both, schema), SchemaRules.not).message == "a and b must not be set together")
        let typed = try SchemaFixtures.spec("not: {type: string}")
        #expect(try single(validate(V.s("x", 1, 1), typed), SchemaRules.not).message
            == "the value matches the schema under `not`, which it must not")
        #expect(validate(V.n("1", 1, 1), typed).isEmpty)
    }

    @Test func depthIsBounded() {
        let location = SourceLocation(file: "x", line: 1, column: 1)
        var schema = SchemaNode(SchemaNode.Fields(location: location))
        for _ in 0..<1_000 {
            var fields = SchemaNode.Fields(location: location)
            fields.types = [.array]
            fields.items = schema
            fields.minItems = 1
            schema = SchemaNode(fields)
        }
        var value = SampleValue(kind: .array([]), position: V.p(1, 1))
        for _ in 0..<999 { value = SampleValue(kind: .array([value]), position: V.p(1, 1)) }
        // 1,000 levels: the innermost empty list breaks minItems, but the validator stops at maxDepth.
        #expect(validate(value, schema).isEmpty)
        var shallow = SampleValue(kind: .array([]), position: V.p(1, 1))
        for _ in 0..<9 { shallow = SampleValue(kind: .array([shallow]), position: V.p(1, 1)) }
        #expect(ids(validate(shallow, schema)) == ["schema.min-items"])
    }
}
