/// Reads `content/policies/*.yaml` into named models. Each file is one value (see content/policies/README.md).
enum NamedModelLoader {
    static let invalid = RuleDescriptor(id: "model.invalid", defaultSeverity: .error,
                                        summary: "A file under policies/ is not a valid named model.")
    static let duplicate = RuleDescriptor(id: "model.duplicate-name", defaultSeverity: .error,
                                          summary: "Two named models share a name.")

    static func load(_ files: [RawFile]) -> ([String: NamedModel], [Diagnostic]) {
        var models: [String: NamedModel] = [:]
        var diagnostics: [Diagnostic] = []
        for raw in files {
            let (model, problems) = load(raw)
            diagnostics += problems
            guard let model else { continue }
            if let existing = models[model.name] {
                diagnostics.append(Diagnostic(rule: duplicate, message: "model '\(model.name)' is also defined in \(existing.source.displayPath)",
                                              at: model.source.location(line: 1, column: 1)))
                continue
            }
            models[model.name] = model
        }
        return (models, diagnostics)
    }

    static func load(_ raw: RawFile) -> (NamedModel?, [Diagnostic]) {
        let text: String
        switch UTF8Decoder.decode(raw.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            return (nil, [Diagnostic(rule: BuildRules.invalidUTF8, message: "file is not valid UTF-8 (byte offset \(invalid.offset))",
                                     at: SourceLocation(file: raw.displayPath, line: invalid.line, column: invalid.column))])
        }
        let file = SourceFile(displayPath: raw.displayPath, text: text)
        func problem(_ message: String, _ position: SamplePosition = SamplePosition(line: 1, column: 1)) -> (NamedModel?, [Diagnostic]) {
            (nil, [Diagnostic(rule: invalid, message: message, at: file.location(line: position.line, column: position.column))])
        }
        let root: SampleValue
        switch YAMLSampleReader.read(text) {
        case .failure(let error): return problem("not valid YAML: \(error.message)", error.position)
        case .success(nil): return problem("the file is empty; see policies/README.md for the format")
        case .success(let value?): root = value
        }
        guard root.members != nil else { return problem("a named model must be a mapping with name, kind and a value", root.position) }
        let stem = String(raw.relativePath.split(separator: "/").last ?? "").replacingSuffix(".yaml").replacingSuffix(".yml")
        guard let name = root["name"]?.stringValue, !name.isEmpty else { return problem("missing 'name' (use '\(stem)')", root.position) }
        var descriptions: [String: String] = [:]
        for member in root["description"]?.members ?? [] {
            if let text = member.value.stringValue { descriptions[member.key] = text }
        }
        switch root["kind"]?.stringValue {
        case "action-list"?:
            guard let items = root["actions"]?.arrayValue, !items.isEmpty else {
                return problem("an action-list needs 'actions:', a non-empty list of service:Action strings", root.position)
            }
            var actions: [(String, SamplePosition)] = []
            for item in items {
                guard let action = item.stringValue else { return problem("every action must be a string", item.position) }
                actions.append((action, item.position))
            }
            return (NamedModel(name: name, value: .actionList(actions), descriptions: descriptions, source: file), [])
        case let kind? where kind == "identity-policy" || kind == "resource-policy":
            guard let document = root["document"], document.members != nil else {
                return problem("a \(kind) needs 'document:', the policy document as a mapping", root.position)
            }
            let resourceType = root["resourceType"]?.stringValue
            return (NamedModel(name: name, value: .policy(document, resourceBased: kind == "resource-policy", resourceType: resourceType),
                               descriptions: descriptions, source: file), [])
        case let other:
            return problem("'kind' must be action-list, identity-policy or resource-policy\(other.map { ", not '\($0)'" } ?? "")",
                           root["kind"]?.position ?? root.position)
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
