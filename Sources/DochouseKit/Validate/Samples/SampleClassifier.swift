/// Decides a sample's kind: its annotation first, then its content.
enum SampleClassifier {
    static func kind(of sample: Sample, models: ModelRegistry) -> SampleKind {
        let annotations = sample.annotations
        switch annotations.policy {
        case .identity?: return .iamPolicy(resourceBased: false, resourceType: nil)
        case .resource(let type)?: return .iamPolicy(resourceBased: true, resourceType: type)
        case nil: break
        }
        if let kind = annotations.schemaKind { return .configuration(kind: kind, fragment: annotations.isFragment) }
        if let name = annotations.model, let model = models.models[name] {
            switch model.value {
            case .actionList: return .actionList
            case .policy(_, let resourceBased, let resourceType): return .iamPolicy(resourceBased: resourceBased, resourceType: resourceType)
            }
        }
        if ActionListShape.matches(sample.text) { return .actionList }
        guard let value = sample.value, let members = value.members else { return .data }
        if value["Statement"] != nil {
            let resourceBased = IAMPolicyDocument(value)?.isResourceBased ?? false
            return .iamPolicy(resourceBased: resourceBased, resourceType: nil)
        }
        if let kind = value["kind"]?.stringValue, models.schema(forKind: kind) != nil {
            return .configuration(kind: kind, fragment: false)
        }
        if let kind = models.schemaKind(containingAll: members.map(\.key)) {
            return .configuration(kind: kind, fragment: true)
        }
        return .data
    }
}

/// The shape of an IAM action list written as text: every non-blank, non-comment line is `service:Action`,
/// optionally as a YAML list item.
enum ActionListShape {
    static func matches(_ text: String) -> Bool {
        var count = 0
        for line in text.split(separator: "\n") {
            let trimmed = line.trimming(charactersIn: " \t\r")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard isAction(trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)).trimming(charactersIn: " \"'") : trimmed) else { return false }
            count += 1
        }
        return count > 0
    }

    /// `service:Action`, where the action may hold IAM wildcards.
    static func isAction(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let service = text[..<colon], action = text[text.index(after: colon)...]
        return !service.isEmpty && !action.isEmpty
            && service.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && action.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "*" || $0 == "?") }
    }
}
