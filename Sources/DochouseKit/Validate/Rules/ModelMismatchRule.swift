/// A sample bound to a model (`model=NAME`) must restate it exactly: the same set of actions for an action
/// list, the same document for a policy (key order, action order and letter case of action names aside).
struct ModelMismatchRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "model.mismatch", defaultSeverity: .error,
                                           summary: "A sample bound to a model does not restate it.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard let name = sample.annotations.model, let model = context.models.models[name], sample.syntaxError == nil else { return }
        switch model.value {
        case .actionList(let expected):
            let found = sample.actionEntries
            let diff = ActionSetDifference(stated: found.map(\.text), model: expected.map(\.action))
            guard !diff.isEmpty else { return }
            report.add(Self.descriptor, at: found.first?.position ?? SamplePosition(line: 1, column: 1),
                       "this sample restates model '\(name)' but \(diff.description)",
                       suggestion: "make the sample list exactly: \(expected.map(\.action).joined(separator: ", "))",
                       notes: [DiagnosticNote(location: model.source.location(line: 1, column: 1), message: "model '\(name)' is defined here")])
        case .policy(let document, _, _):
            guard let value = sample.value else { return }
            let stated = CanonicalValue.lines(of: value)
            let wanted = CanonicalValue.lines(of: document)
            guard stated != wanted else { return }
            let diff = LineDiff.unified(from: wanted, to: stated)
            report.add(Self.descriptor, at: value.position,
                       "this sample restates model '\(name)' but differs from it (- model, + sample):\n\(diff)",
                       notes: [DiagnosticNote(location: model.source.location(line: 1, column: 1), message: "model '\(name)' is defined here")])
        }
    }
}

/// Which actions a stated list lacks or adds compared with a model (case-insensitive, order ignored).
struct ActionSetDifference: Sendable, Equatable {
    var missing: [String]
    var extra: [String]

    init(stated: [String], model: [String]) {
        let statedKeys = Set(stated.map { $0.lowercased() })
        let modelKeys = Set(model.map { $0.lowercased() })
        missing = model.filter { !statedKeys.contains($0.lowercased()) }
        extra = stated.filter { !modelKeys.contains($0.lowercased()) }
    }

    var isEmpty: Bool { missing.isEmpty && extra.isEmpty }

    var description: String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("adds \(extra.joined(separator: ", "))") }
        return parts.joined(separator: " and ")
    }
}
