/// What a fence's info string says about its sample: the language word, then `key=value` annotations.
///
/// ```` ```json policy=resource:ecr-repository ````, ```` ```yaml schema=AWSClusterConfiguration fragment ````,
/// ```` ```yaml model=node-role-default-actions ````, ```` ```yaml check=off ````.
public struct SampleAnnotations: Sendable, Hashable {
    public enum PolicyKind: Sendable, Hashable {
        case identity
        /// A resource-based policy, optionally for a known resource type (`ecr-repository`).
        case resource(String?)
    }

    public var language: String = ""
    public var policy: PolicyKind?
    public var schemaKind: String?
    public var isFragment = false
    public var model: String?
    public var checkOff = false

    /// Resource types whose policies dochouse knows: name -> IAM service prefix and resource type.
    public static let knownResourcePolicyTypes: [String: (service: String, resourceType: String)] = [
        "ecr-repository": ("ecr", "repository"),
        "s3-bucket": ("s3", "bucket"),
        "sqs-queue": ("sqs", "queue"),
        "sns-topic": ("sns", "topic"),
        "kms-key": ("kms", "key"),
        "secretsmanager-secret": ("secretsmanager", "Secret"),
        "lambda-function": ("lambda", "function"),
    ]

    static let keys = ["policy", "schema", "fragment", "model", "check"]

    /// A problem in the info string, at a character offset into it.
    struct Problem: Equatable {
        var offset: Int
        var message: String
        var suggestion: String?
    }

    /// Parses an info string. Unknown keys and values are problems; the rest still applies.
    static func parse(_ info: String) -> (SampleAnnotations, [Problem]) {
        // Most fences say only their language (```json, ```yaml): one ASCII word without `=` is that language,
        // lowercased, and nothing else; it needs no list of words (the words' reading gives the same answer).
        if isLanguageOnly(info) {
            var annotations = SampleAnnotations()
            annotations.language = info.lowercased()
            return (annotations, [])
        }
        return parseWords(info)
    }

    /// One word of ASCII (no space or tab) without `=`: a language alone. In ASCII a byte is a scalar, and no
    /// character other than `=` itself equals `=`.
    static func isLanguageOnly(_ info: String) -> Bool {
        !info.utf8.isEmpty && info.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "=") }
    }

    /// The info string read word by word (what `parse` answers for every info string).
    static func parseWords(_ info: String) -> (SampleAnnotations, [Problem]) {
        var annotations = SampleAnnotations()
        var problems: [Problem] = []
        // Words are runs of scalars between spaces and tabs, each with its scalar offset; each is a string of its
        // own (as if built scalar by scalar), so nothing later depends on the text around it.
        var words: [(Int, Substring)] = []
        let scalars = info.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        while index < scalars.endIndex {
            guard scalars[index] != " " && scalars[index] != "\t" else {
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let start = index, startOffset = offset
            while index < scalars.endIndex, scalars[index] != " ", scalars[index] != "\t" {
                index = scalars.index(after: index)
                offset += 1
            }
            words.append((startOffset, Substring(String(scalars[start..<index]))))
        }
        guard let first = words.first else { return (annotations, []) }
        // ASCII has no combining marks, so a byte search answers as `contains("=")` does (Foundation's search,
        // the slowest part of reading a plain `json` fence).
        let firstHasEquals = first.1.utf8.allSatisfy { $0 < 0x80 } ? first.1.utf8.contains(UInt8(ascii: "=")) : first.1.contains("=")
        annotations.language = firstHasEquals ? "" : first.1.lowercased()
        for (position, word) in words.dropFirst(firstHasEquals ? 0 : 1) {
            // Attribute-list syntax such as {.yaml} or {:.class} belongs to other tools; ignore braces.
            if word.hasPrefix("{") || word.hasPrefix("#") { continue }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).lowercased()
            let value = parts.count > 1 ? String(parts[1]) : nil
            switch (key, value) {
            case ("policy", let value?):
                switch value {
                case "identity": annotations.policy = .identity
                case "resource": annotations.policy = .resource(nil)
                case let v where v.hasPrefix("resource:"):
                    let type = String(v.dropFirst("resource:".count))
                    if knownResourcePolicyTypes[type] != nil {
                        annotations.policy = .resource(type)
                    } else {
                        problems.append(Problem(offset: position + "policy=resource:".count,
                                                message: "unknown resource policy type '\(type)'; known: \(knownResourcePolicyTypes.keys.sorted().joined(separator: ", "))",
                                                suggestion: (NearMiss.closest(to: type, among: knownResourcePolicyTypes.keys)
                                                    ?? knownResourcePolicyTypes.keys.sorted().first { !type.isEmpty && $0.hasPrefix(type) })
                                                    .map { "did you mean 'resource:\($0)'?" }))
                    }
                default:
                    problems.append(Problem(offset: position + "policy=".count,
                                            message: "'policy=\(value)' is not a policy kind; use policy=identity, policy=resource or policy=resource:TYPE",
                                            suggestion: NearMiss.closest(to: value, among: ["identity", "resource"]).map { "did you mean 'policy=\($0)'?" }))
                }
            case ("schema", let value?) where !value.isEmpty:
                annotations.schemaKind = value
            case ("fragment", nil), ("fragment", "true"):
                annotations.isFragment = true
            case ("model", let value?) where !value.isEmpty:
                annotations.model = value
            case ("check", let value?):
                switch value.lowercased() {
                case "off", "false", "no": annotations.checkOff = true
                case "on", "true", "yes": annotations.checkOff = false
                default:
                    problems.append(Problem(offset: position + "check=".count, message: "'check=\(value)' must be check=off or check=on"))
                }
            default:
                let suggestion = NearMiss.closest(to: key, among: keys).map { "did you mean '\($0)'?" }
                let what = value == nil && ["policy", "schema", "model", "check"].contains(key)
                    ? "annotation '\(key)' needs a value (\(key)=...)"
                    : "unknown sample annotation '\(word)'; known annotations: policy=, schema=, fragment, model=, check=off"
                problems.append(Problem(offset: position, message: what, suggestion: suggestion))
            }
        }
        return (annotations, problems)
    }
}
