/// Decides a sample's kind: its annotation first, then its content.
enum SampleClassifier {
    static func kind(of sample: Sample, models: ModelRegistry) -> SampleKind {
        classify(sample, models: models).kind
    }

    /// The sample's kind and, for a policy, its document: a policy recognised by its content is read once,
    /// here, rather than once to tell whether it is resource-based and again for the rules.
    static func classify(_ sample: Sample, models: ModelRegistry) -> (kind: SampleKind, policy: IAMPolicyDocument?) {
        let kind: SampleKind
        let annotations = sample.annotations
        switch annotations.policy {
        case .identity?: kind = .iamPolicy(resourceBased: false, resourceType: nil)
        case .resource(let type)?: kind = .iamPolicy(resourceBased: true, resourceType: type)
        case nil: return classifyByContent(sample, models: models)
        }
        return (kind, policy(sample.value, kind: kind))
    }

    private static func classifyByContent(_ sample: Sample, models: ModelRegistry) -> (kind: SampleKind, policy: IAMPolicyDocument?) {
        let annotations = sample.annotations
        if let kind = annotations.schemaKind { return (.configuration(kind: kind, fragment: annotations.isFragment), nil) }
        if let name = annotations.model, let model = models.models[name] {
            switch model.value {
            case .actionList: return (.actionList, nil)
            case .policy(_, let resourceBased, let resourceType):
                let kind = SampleKind.iamPolicy(resourceBased: resourceBased, resourceType: resourceType)
                return (kind, policy(sample.value, kind: kind))
            }
        }
        if ActionListShape.matches(sample.text) { return (.actionList, nil) }
        guard let value = sample.value, let members = value.members else { return (.data, nil) }
        if value["Statement"] != nil {
            // Without an annotation the document decides whether it is resource-based, and is then the policy
            // the rules read (the same reading `IAMPolicyDocument(value, resourceBased: that)` would give).
            let document = IAMPolicyDocument(value)
            return (.iamPolicy(resourceBased: document?.isResourceBased ?? false, resourceType: nil), document)
        }
        if let kind = value["kind"]?.stringValue, models.schema(forKind: kind) != nil {
            return (.configuration(kind: kind, fragment: false), nil)
        }
        if let kind = models.schemaKind(containingAll: members.map(\.key)) {
            return (.configuration(kind: kind, fragment: true), nil)
        }
        return (.data, nil)
    }

    /// The document of a policy sample of `kind`, as the rules read it.
    private static func policy(_ value: SampleValue?, kind: SampleKind) -> IAMPolicyDocument? {
        guard case .iamPolicy(let resourceBased, let resourceType) = kind, let value else { return nil }
        return IAMPolicyDocument(value, resourceBased: resourceBased, resourceType: resourceType)
    }
}

/// The shape of an IAM action list written as text: every non-blank, non-comment line is `service:Action`,
/// optionally as a YAML list item.
enum ActionListShape {
    static func matches(_ text: String) -> Bool {
        // Most samples are ASCII without CR, where a byte is a Character: decide on bytes, line by line.
        // A line holding anything else (where grapheme clusters and CRLF may differ from bytes) sends the whole
        // text to the Character reading; the lines before it read the same either way.
        var text = text
        let decided = text.withUTF8 { bytes -> Bool? in
            var count = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A {
                    if bytes[end] >= 0x80 || bytes[end] == 0x0D { return nil }
                    end += 1
                }
                switch asciiLine(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                case .skipped: break
                case .action: count += 1
                case .other: return false
                }
                start = end + 1
            }
            return count > 0
        }
        return decided ?? matchesCharacters(text)
    }

    private enum LineShape { case skipped, action, other }

    /// One ASCII line (no CR): blank or comment, an action (optionally a list item), or anything else.
    private static func asciiLine(_ line: UnsafeBufferPointer<UInt8>) -> LineShape {
        var low = 0, high = line.count
        while low < high, line[low] == 0x20 || line[low] == 0x09 { low += 1 }
        while high > low, line[high - 1] == 0x20 || line[high - 1] == 0x09 { high -= 1 }
        if low == high || line[low] == UInt8(ascii: "#") { return .skipped }
        if high - low >= 2, line[low] == UInt8(ascii: "-"), line[low + 1] == 0x20 {
            // `- item`, then trimmed of spaces and quotes (the whole line was trimmed of tabs already).
            low += 2
            while low < high, line[low] == 0x20 || line[low] == UInt8(ascii: "\"") || line[low] == UInt8(ascii: "'") { low += 1 }
            while high > low, line[high - 1] == 0x20 || line[high - 1] == UInt8(ascii: "\"") || line[high - 1] == UInt8(ascii: "'") {
                high -= 1
            }
        }
        return isASCIIAction(UnsafeBufferPointer(rebasing: line[low..<high])) ? .action : .other
    }

    /// `isAction` on ASCII bytes.
    private static func isASCIIAction(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count else { return false }
        for byte in bytes[..<colon] {
            let ok = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
            if !ok { return false }
        }
        for byte in bytes[(colon + 1)...] {
            let ok = ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")
            if !ok { return false }
        }
        return true
    }

    /// The reading by Characters, for text that is not plain ASCII.
    static func matchesCharacters(_ text: String) -> Bool {
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
