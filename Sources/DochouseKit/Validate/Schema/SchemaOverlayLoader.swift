import Yams

/// Reads a translation overlay (`doc-ru-NAME.yaml`) against its schema: texts per property path, and
/// `schema.overlay-unknown-key` for every path the schema does not have. Pure: no I/O.
///
/// The overlay mirrors the schema (`apiVersions[].openAPISpec`, `properties`, `items`, combinator branches) and
/// supplies `description`, `x-doc-search` and `x-enum-descriptions`; everything else in it is ignored, because
/// types, constraints, defaults and examples always come from the schema. API versions match by position.
public enum SchemaOverlayLoader {
    /// `("ru", "cluster_configuration")` for `doc-ru-cluster_configuration.yaml`; nil for other names.
    public static func overlayName(_ fileName: String) -> (language: String, schemaName: String)? {
        let stem = SchemaLoader.fileStem(fileName)
        guard stem.hasPrefix("doc-") else { return nil }
        let rest = stem.dropFirst(4)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        let language = String(rest[..<dash])
        let name = String(rest[rest.index(after: dash)...])
        guard !language.isEmpty, !name.isEmpty, language.allSatisfy({ $0.isLetter }) else { return nil }
        return (language, name)
    }

    public static func load(_ raw: RawFile, schema: SchemaDocument) -> (SchemaOverlay?, [Diagnostic]) {
        load(raw, schema: schema, maxNodes: SchemaLoader.defaultMaxNodes)
    }

    static func load(_ raw: RawFile, schema: SchemaDocument, maxNodes: Int) -> (SchemaOverlay?, [Diagnostic]) {
        let composed = SchemaLoader.compose(raw, maxNodes: maxNodes, maxDepth: SchemaLoader.defaultMaxDepth)
        guard case .success(let (root, source)) = composed.result else { return (nil, composed.diagnostics) }
        let names = overlayName(raw.relativePath)
        var walker = Walker(source: source)
        guard case .mapping(let top) = root else {
            walker.report(SchemaRules.invalid, "an overlay must be a mapping with `apiVersions`, found "
                          + SchemaNodeBuilder.describe(root), at: root.mark)
            return (nil, walker.diagnostics)
        }
        let entries = walker.merged(top)
        guard let versionsNode = entries.first(where: { $0.name == "apiVersions" })?.value else {
            walker.report(SchemaRules.invalid, "not a schema overlay: there is no top-level `apiVersions`", at: root.mark)
            return (nil, walker.diagnostics)
        }
        guard case .sequence(let sequence) = versionsNode else {
            walker.report(SchemaRules.invalid, "`apiVersions` must be a list, found \(SchemaNodeBuilder.describe(versionsNode))",
                          at: versionsNode.mark)
            return (nil, walker.diagnostics)
        }
        var versions: [SchemaOverlayVersion] = []
        for (position, item) in sequence.enumerated() {
            guard case .mapping(let mapping) = item else {
                walker.report(SchemaRules.invalid, "each `apiVersions` entry must be a mapping, found "
                              + SchemaNodeBuilder.describe(item), at: item.mark)
                versions.append(SchemaOverlayVersion())
                continue
            }
            let fields = walker.merged(mapping)
            var version = SchemaOverlayVersion()
            if case .scalar(let scalar)? = fields.first(where: { $0.name == "apiVersion" })?.value {
                version.apiVersion = scalar.string
            }
            guard position < schema.versions.count else {
                let count = schema.versions.count
                walker.report(SchemaRules.overlayUnknownKey,
                              "the schema has \(count) API version\(count == 1 ? "" : "s"); this overlay entry (number \(position + 1)) matches none",
                              at: item.mark)
                versions.append(version)
                continue
            }
            let schemaVersion = schema.versions[position]
            if let stated = version.apiVersion, stated != schemaVersion.apiVersion {
                let node = fields.first(where: { $0.name == "apiVersion" })?.value
                walker.report(SchemaRules.overlayVersionMismatch,
                              "this overlay entry is for \(stated), but the schema's API version number \(position + 1) is \(schemaVersion.apiVersion)",
                              at: node?.mark ?? item.mark)
            }
            if let spec = fields.first(where: { $0.name == "openAPISpec" })?.value {
                walker.walk(spec, schema: schemaVersion.root, path: [], element: false, into: &version)
            }
            versions.append(version)
        }
        let overlay = SchemaOverlay(language: names?.language ?? "", schemaName: names?.schemaName ?? schema.name,
                                    versions: versions, source: source)
        return (overlay, SchemaLoader.deduplicated(walker.diagnostics))
    }

    /// Walks an overlay subtree beside the schema node it describes.
    struct Walker {
        let source: SourceFile
        var diagnostics: [Diagnostic] = []

        mutating func walk(_ node: Node, schema: SchemaNode, path: [String], element: Bool,
                           into version: inout SchemaOverlayVersion) {
            guard case .mapping(let mapping) = node else {
                if node.isNullScalar { return }
                report(SchemaRules.invalid, "an overlay node must be a mapping, found \(SchemaNodeBuilder.describe(node))",
                       at: node.mark)
                return
            }
            let entries = merged(mapping)
            var texts = LocalizedTexts(location: location(node.mark))
            for entry in entries {
                switch entry.name {
                case "description":
                    texts.description = string(entry)
                case "x-doc-search":
                    texts.xDocSearch = string(entry)
                case "x-enum-descriptions":
                    texts.xEnumDescriptions = enumDescriptions(entry, schema: schema)
                case "properties":
                    walkProperties(entry.value, schema: schema, path: path, into: &version)
                case "items":
                    guard let items = schema.items else {
                        unknown("items", at: entry.key, path: path, detail: "is not an array")
                        continue
                    }
                    walk(entry.value, schema: items, path: path, element: true, into: &version)
                case "additionalProperties":
                    guard case .schema(let values)? = schema.additionalProperties else {
                        unknown("additionalProperties", at: entry.key, path: path, detail: "has no additionalProperties schema")
                        continue
                    }
                    walk(entry.value, schema: values, path: path, element: true, into: &version)
                case "oneOf", "anyOf", "allOf":
                    let branches = entry.name == "oneOf" ? schema.oneOf : entry.name == "anyOf" ? schema.anyOf : schema.allOf
                    guard case .sequence(let sequence) = entry.value else { continue }
                    for (offset, branch) in sequence.enumerated() {
                        guard offset < branches.count else {
                            unknown("\(entry.name!)[\(offset)]", at: branch, path: path,
                                    detail: "has \(branches.count) \(entry.name!) branch\(branches.count == 1 ? "" : "es")")
                            continue
                        }
                        // Branch texts are not shown on pages; their properties are the object's own.
                        var scratch = SchemaOverlayVersion()
                        walk(branch, schema: branches[offset], path: path, element: element, into: &scratch)
                        for (key, value) in scratch.texts where key != path && version.texts[key] == nil {
                            version.texts[key] = value
                        }
                        for (key, value) in scratch.elementTexts where version.elementTexts[key] == nil {
                            version.elementTexts[key] = value
                        }
                    }
                default:
                    break
                }
            }
            guard !texts.isEmpty else { return }
            if element {
                if version.elementTexts[path] == nil { version.elementTexts[path] = texts }
            } else if version.texts[path] == nil {
                version.texts[path] = texts
            }
        }

        private mutating func walkProperties(_ node: Node, schema: SchemaNode, path: [String],
                                             into version: inout SchemaOverlayVersion) {
            guard case .mapping(let mapping) = node else {
                if node.isNullScalar { return }
                report(SchemaRules.invalid, "`properties` must be a mapping, found \(SchemaNodeBuilder.describe(node))",
                       at: node.mark)
                return
            }
            for entry in merged(mapping) {
                guard let name = entry.name else { continue }
                guard let child = schema.declaredChild(name) else {
                    let candidates = schema.declaredPropertyNames
                    let where_ = path.isEmpty ? "at the top level" : "under \(path.joined(separator: "."))"
                    let suggestion = NearMiss.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
                    report(SchemaRules.overlayUnknownKey,
                           "the schema has no property '\(name)' \(where_)", at: entry.key.mark, suggestion: suggestion)
                    continue
                }
                walk(entry.value, schema: child, path: path + [name], element: false, into: &version)
            }
        }

        private mutating func unknown(_ key: String, at node: Node, path: [String], detail: String) {
            let what = path.isEmpty ? "the schema's root" : path.joined(separator: ".")
            report(SchemaRules.overlayUnknownKey, "the overlay describes '\(key)', but \(what) \(detail)", at: node.mark)
        }

        private mutating func string(_ entry: YAMLMergeKeys.Entry) -> String? {
            guard case .scalar(let scalar) = entry.value else {
                report(SchemaRules.invalid, "\(entry.name ?? "") must be a string, found \(SchemaNodeBuilder.describe(entry.value))",
                       at: entry.value.mark)
                return nil
            }
            return scalar.string
        }

        private mutating func enumDescriptions(_ entry: YAMLMergeKeys.Entry, schema: SchemaNode) -> [String: String]? {
            guard case .mapping(let mapping) = entry.value else {
                report(SchemaRules.invalid, "x-enum-descriptions must be a mapping, found \(SchemaNodeBuilder.describe(entry.value))",
                       at: entry.value.mark)
                return nil
            }
            let allowed = schema.enumValues.map { $0.map(\.displayText) }
            var out: [String: String] = [:]
            for item in merged(mapping) {
                guard let key = item.name else { continue }
                if let allowed, !allowed.contains(key) {
                    let suggestion = NearMiss.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
                    report(SchemaRules.overlayUnknownKey, "x-enum-descriptions names '\(key)', which is not an enum value",
                           at: item.key.mark, suggestion: suggestion)
                    continue
                }
                if case .scalar(let scalar) = item.value { out[key] = scalar.string }
            }
            return out
        }

        mutating func merged(_ mapping: Node.Mapping) -> [YAMLMergeKeys.Entry] {
            var problems: [YAMLMergeKeys.Problem] = []
            let entries = YAMLMergeKeys.entries(of: mapping, problems: &problems)
            for problem in problems { report(SchemaRules.syntax, problem.message, at: problem.mark) }
            return entries
        }

        mutating func report(_ rule: RuleDescriptor, _ message: String, at mark: Mark?, suggestion: String? = nil) {
            diagnostics.append(Diagnostic(rule: rule, message: message, at: location(mark), suggestion: suggestion))
        }

        func location(_ mark: Mark?) -> SourceLocation {
            source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
    }
}
