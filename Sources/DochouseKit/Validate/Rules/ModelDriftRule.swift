/// An action list that is not bound to a model but shares most of its actions with one: a restated fact
/// (such as "the node role's default actions") that drifted. Equal sets are silent.
struct ModelDriftRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "model.drift", defaultSeverity: .warning,
                                           summary: "An action list nearly restates a model's actions but differs.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.annotations.model == nil, sample.kind == .actionList else { return }
        let stated = sample.actionEntries.map(\.text)
        guard !stated.isEmpty else { return }
        let statedKeys = Set(stated.map { $0.lowercased() })
        for (name, model) in context.models.models.sorted(by: { $0.key < $1.key }) {
            guard case .actionList(let items) = model.value else { continue }
            let modelKeys = Set(items.map { $0.action.lowercased() })
            let shared = statedKeys.intersection(modelKeys).count
            guard shared * 2 >= max(statedKeys.count, modelKeys.count), statedKeys != modelKeys else { continue }
            let diff = ActionSetDifference(stated: stated, model: items.map(\.action))
            report.add(Self.descriptor, at: sample.actionEntries[0].position,
                       "this list looks like model '\(name)' but \(diff.description)",
                       suggestion: "bind it with ```yaml model=\(name) and list exactly its actions, or change the model")
            return
        }
    }
}
