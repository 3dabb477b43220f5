/// Near-copies that drifted: samples of the same kind on different pages that share most of their IAM
/// actions but not all (the same 120-action policy copied into several pages, one copy missing two actions).
///
/// It stays near-linear on large trees: an inverted index from action to the samples that state it gives
/// each sample's overlap counts without comparing all pairs, and actions stated by more than
/// `commonActionLimit` samples are left out of the index (they say nothing about copying).
enum SampleDrift {
    static let nearCopy = RuleDescriptor(id: "drift.near-copy", defaultSeverity: .warning,
                                         summary: "Two pages carry near-copies of a sample that differ.")
    static let commonActionLimit = 400
    /// Share of the union two action sets must have in common to count as copies of each other.
    static let similarity = 0.6

    struct Entry: Sendable {
        var page: Page
        var sample: Sample
    }

    static func check(_ entries: [Entry]) -> [Diagnostic] {
        struct Item {
            var entry: Entry
            var group: String
            var actions: Set<String>
        }
        var items: [Item] = []
        for entry in entries {
            let group: String
            switch entry.sample.kind {
            case .iamPolicy(let resourceBased, _): group = resourceBased ? "resource policy" : "identity policy"
            case .actionList: group = "action list"
            default: continue
            }
            let actions = Set(entry.sample.actionEntries.map { $0.text.lowercased() })
            if actions.count >= 2 { items.append(Item(entry: entry, group: group, actions: actions)) }
        }
        var postings: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            for action in item.actions { postings[item.group + " " + action, default: []].append(index) }
        }
        var diagnostics: [Diagnostic] = []
        for (index, item) in items.enumerated() {
            var shared: [Int: Int] = [:]
            for action in item.actions {
                guard let list = postings[item.group + " " + action], list.count <= commonActionLimit else { continue }
                for other in list where other < index { shared[other, default: 0] += 1 }
            }
            // The closest earlier sample on another page, if close enough and not equal.
            var best: (other: Int, score: Double)?
            for (other, count) in shared {
                let candidate = items[other]
                guard candidate.entry.page.twinKey != item.entry.page.twinKey else { continue }
                if let model = item.entry.sample.annotations.model, model == candidate.entry.sample.annotations.model { continue }
                let union = item.actions.union(candidate.actions).count
                let score = Double(count) / Double(union)
                guard score >= similarity, candidate.actions != item.actions else { continue }
                if let current = best, score < current.score || (score == current.score && other > current.other) { continue }
                best = (other, score)
            }
            guard let best else { continue }
            let earlier = items[best.other].entry
            let difference = ActionSetDifference(stated: item.entry.sample.actionEntries.map(\.text),
                                                 model: earlier.sample.actionEntries.map(\.text))
            diagnostics.append(Diagnostic(
                rule: nearCopy,
                message: "this \(item.group) is a near-copy of the one in \(earlier.page.source.displayPath):\(earlier.sample.block.location.line) but \(difference.description)",
                at: item.entry.sample.block.location,
                suggestion: "make the copies agree, or bind both to one named model with model=NAME",
                notes: [DiagnosticNote(location: earlier.sample.block.location, message: "the other copy")]))
        }
        return diagnostics
    }
}
