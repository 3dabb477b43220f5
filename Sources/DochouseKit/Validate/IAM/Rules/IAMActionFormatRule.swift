/// `iam.action-format`: an action is `service:Action` (wildcards allowed) or `*`.
struct IAMActionFormatRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.action-format", defaultSeverity: .error,
        summary: "An Action entry is not shaped service:Action.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            check(statement.action, name: "Action", report: &report)
            check(statement.notAction, name: "NotAction", report: &report)
        }
    }

    private func check(_ value: SampleValue?, name: String, report: inout SampleReport) {
        IAMStatement.forEachString(in: value) { text, position in
            guard let problem = Self.problem(text) else { return }
            report.add(Self.descriptor, at: position,
                       "\(name) entry '\(text)' \(problem); an action is written service:Action, e.g. ecr:BatchGetImage, or \"*\" for all")
        }
    }

    /// What is wrong with an entry's shape, or nil.
    static func problem(_ text: String) -> String? {
        let utf8 = text.utf8
        if utf8.count == 1, utf8.first == UInt8(ascii: "*") { return nil }
        var ascii = true
        for byte in utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return "contains whitespace" }
            if byte >= 0x80 { ascii = false }
        }
        if !ascii && text.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.isWhitespace }) {
            return "contains whitespace"
        }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return "has no service prefix" }
        if colon == utf8.startIndex { return "has an empty service prefix" }
        if utf8.index(after: colon) == utf8.endIndex { return "has no action name after the colon" }
        return nil
    }
}
