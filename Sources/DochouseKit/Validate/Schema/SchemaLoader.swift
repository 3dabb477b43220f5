import Yams

/// Reads a schema file in the Deckhouse layout into a `SchemaDocument`, with positioned diagnostics.
///
/// Pure apart from its input value: no I/O. Aliases and merge keys are resolved; an alias bomb or absurd
/// nesting is refused (`schema.too-large`) before anything walks the tree.
public enum SchemaLoader {
    /// At most this many nodes, counted with aliases expanded.
    public static let defaultMaxNodes = 1_000_000
    /// At most this many levels of YAML nesting.
    public static let defaultMaxDepth = 512

    public static func load(_ raw: RawFile, module: String) -> (SchemaDocument?, [Diagnostic]) {
        load(raw, module: module, maxNodes: defaultMaxNodes)
    }

    static func load(_ raw: RawFile, module: String, maxNodes: Int, maxDepth: Int = defaultMaxDepth)
        -> (SchemaDocument?, [Diagnostic]) {
        let composed = compose(raw, maxNodes: maxNodes, maxDepth: maxDepth)
        guard case .success(let (root, source)) = composed.result else { return (nil, composed.diagnostics) }
        let name = fileStem(raw.relativePath)
        var builder = SchemaNodeBuilder(source: source)
        var diagnostics: [Diagnostic] = []
        func invalid(_ message: String, _ node: Node?) {
            diagnostics.append(Diagnostic(rule: SchemaRules.invalid, message: message,
                                          at: builder.location(node?.mark)))
        }

        guard case .mapping(let top) = root else {
            invalid("a schema file must be a mapping with `kind` and `apiVersions`, found \(SchemaNodeBuilder.describe(root))", root)
            return (nil, diagnostics)
        }
        var problems: [YAMLMergeKeys.Problem] = []
        let entries = YAMLMergeKeys.entries(of: top, problems: &problems)
        let kindNode = entries.first(where: { $0.name == "kind" })?.value
        let versionsNode = entries.first(where: { $0.name == "apiVersions" })?.value
        if versionsNode == nil, entries.contains(where: { ["type", "properties", "openAPISpec"].contains($0.name ?? "") }) {
            invalid("not a Deckhouse schema: expected top-level `kind` and `apiVersions: [{apiVersion, openAPISpec}]`; "
                    + "this file looks like a bare OpenAPI schema", root)
            return (nil, diagnostics)
        }
        var kind: String?
        if let kindNode {
            if case .scalar(let scalar) = kindNode, let text = SchemaNodeBuilder.reading(scalar).stringValue, !text.isEmpty {
                kind = text
            } else {
                invalid("`kind` must be a resource kind name, found \(SchemaNodeBuilder.describe(kindNode))", kindNode)
            }
        } else {
            invalid("not a Deckhouse schema: there is no top-level `kind`", root)
        }
        var versions: [SchemaVersion] = []
        if let versionsNode {
            if case .sequence(let sequence) = versionsNode, !sequence.isEmpty {
                for item in sequence {
                    guard case .mapping(let mapping) = item else {
                        invalid("each `apiVersions` entry must be a mapping with `apiVersion` and `openAPISpec`, found "
                                + SchemaNodeBuilder.describe(item), item)
                        continue
                    }
                    let fields = YAMLMergeKeys.entries(of: mapping, problems: &problems)
                    let versionNode = fields.first(where: { $0.name == "apiVersion" })?.value
                    let specNode = fields.first(where: { $0.name == "openAPISpec" })?.value
                    var apiVersion: String?
                    if case .scalar(let scalar)? = versionNode, let text = SchemaNodeBuilder.reading(scalar).stringValue {
                        apiVersion = text
                    } else {
                        invalid(versionNode == nil ? "this `apiVersions` entry has no `apiVersion`"
                                : "`apiVersion` must be a string, found \(SchemaNodeBuilder.describe(versionNode!))",
                                versionNode ?? item)
                    }
                    guard let specNode else {
                        invalid("this `apiVersions` entry has no `openAPISpec`", item)
                        continue
                    }
                    guard case .mapping = specNode else {
                        invalid("`openAPISpec` must be a schema (a mapping), found \(SchemaNodeBuilder.describe(specNode))", specNode)
                        continue
                    }
                    let rootNode = builder.build(specNode, path: "")
                    if let apiVersion {
                        versions.append(SchemaVersion(apiVersion: apiVersion, root: rootNode, location: builder.location(item)))
                    }
                }
            } else {
                invalid("`apiVersions` must be a non-empty list of {apiVersion, openAPISpec}, found "
                        + SchemaNodeBuilder.describe(versionsNode), versionsNode)
            }
        } else {
            invalid("not a Deckhouse schema: there is no top-level `apiVersions`", root)
        }
        for problem in problems {
            diagnostics.append(Diagnostic(rule: SchemaRules.syntax, message: problem.message, at: builder.location(problem.mark)))
        }
        diagnostics += builder.diagnostics
        let unique = deduplicated(diagnostics)
        guard let kind, !versions.isEmpty else { return (nil, unique) }
        return (SchemaDocument(module: module, name: name, kind: kind, versions: versions, source: source), unique)
    }

    // MARK: - Shared with the overlay loader

    struct Composed {
        var result: Result<(Node, SourceFile), Failure>
        var diagnostics: [Diagnostic]
        struct Failure: Error {}
    }

    /// Decodes, composes and measures a YAML file; every failure is a diagnostic.
    static func compose(_ raw: RawFile, maxNodes: Int, maxDepth: Int) -> Composed {
        let failure = Composed.Failure()
        let text: String
        switch UTF8Decoder.decode(raw.bytes) {
        case .success(let decoded):
            text = decoded
        case .failure(let invalid):
            let location = SourceLocation(file: raw.displayPath, line: invalid.line, column: invalid.column)
            return Composed(result: .failure(failure), diagnostics: [
                Diagnostic(rule: SchemaRules.syntax, message: "the file is not valid UTF-8 (byte \(invalid.offset))", at: location),
            ])
        }
        let source = SourceFile(displayPath: raw.displayPath, text: text)
        if YAMLLimits.estimatedDepth(of: text) > maxDepth * 2 {
            return Composed(result: .failure(failure), diagnostics: [
                Diagnostic(rule: SchemaRules.tooLarge, message: "the file nests more than \(maxDepth) levels deep",
                           at: source.location(line: 1, column: 1)),
            ])
        }
        if let (line, column) = YAMLLimits.aliasKey(in: text) {
            return Composed(result: .failure(failure), diagnostics: [
                Diagnostic(rule: SchemaRules.unsupported,
                           message: "an alias or an explicit `?` key is used as a mapping key; dochouse does not read such keys "
                               + "(an aliased key can make YAML readers take exponential time)",
                           at: source.location(line: line, column: column)),
            ])
        }
        switch YAMLComposer.compose(text) {
        case .failure(let error):
            return Composed(result: .failure(failure), diagnostics: [
                Diagnostic(rule: SchemaRules.syntax, message: error.message,
                           at: source.location(line: error.line, column: error.column)),
            ])
        case .success(nil):
            return Composed(result: .failure(failure), diagnostics: [
                Diagnostic(rule: SchemaRules.invalid, message: "the file is empty", at: source.location(line: 1, column: 1)),
            ])
        case .success(let node?):
            switch YAMLLimits.measure(node, maxNodes: maxNodes, maxDepth: maxDepth) {
            case .fits:
                return Composed(result: .success((node, source)), diagnostics: [])
            case .tooManyNodes(let limit):
                return Composed(result: .failure(failure), diagnostics: [
                    Diagnostic(rule: SchemaRules.tooLarge,
                               message: "the file expands to more than \(limit) nodes through its aliases (an alias bomb?)",
                               at: source.location(line: 1, column: 1)),
                ])
            case .tooDeep(let limit, let line, let column):
                return Composed(result: .failure(failure), diagnostics: [
                    Diagnostic(rule: SchemaRules.tooLarge, message: "the file nests more than \(limit) levels deep",
                               at: source.location(line: line, column: column)),
                ])
            }
        }
    }

    /// `cluster_configuration` of `cloud-provider-aws/cluster_configuration.yaml`.
    static func fileStem(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml", ".json"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    /// The same finding reached twice (through a shared, merged subtree) is reported once.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sorted()
    }
}
