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

    /// A sample and the two facts of its page the check reads (a whole `Page` per sample was ~1% of a build
    /// in retains alone, 22,000 samples at 10,000 pages). The entry holds the page's samples (one reference,
    /// shared by the page's entries) and its index among them: a copy of each `Sample` cost as much again.
    struct Entry: Sendable {
        var twinKey: String
        var displayPath: String
        var samples: [Sample]
        var index: Int

        init(page: Page, samples: [Sample], index: Int) {
            twinKey = page.twinKey
            displayPath = page.source.displayPath
            self.samples = samples
            self.index = index
        }

        /// Every entry of a page, in order.
        static func all(of page: Page, samples: [Sample]) -> [Entry] {
            samples.indices.map { Entry(page: page, samples: samples, index: $0) }
        }

        var sample: Sample {
            _read { yield samples[index] }
        }
    }

    static func check(_ entries: [Entry]) -> [Diagnostic] {
        // Small items: the entry's index, its group, and its actions as sorted interned ids. Everything in the
        // loops below is integer work; the entries themselves are only read to write a finding.
        struct Item {
            var entry: Int
            var group: Int
            var actions: [Int]
        }
        var actionIDs: [String: Int] = [:]
        var items: [Item] = []
        items.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            let group: Int
            switch entry.sample.kind {
            case .iamPolicy(let resourceBased, _): group = resourceBased ? 1 : 0
            case .actionList: group = 2
            default: continue
            }
            var ids: Set<Int> = []
            for action in entry.sample.actionEntries {
                let key = action.text.lowercased()
                if let id = actionIDs[key] {
                    ids.insert(id)
                } else {
                    let id = actionIDs.count
                    actionIDs[key] = id
                    ids.insert(id)
                }
            }
            if ids.count >= 2 { items.append(Item(entry: position, group: group, actions: ids.sorted())) }
        }
        // Postings per (group, action), in item order.
        var postings: [Int: [Int]] = [:]
        let groups = 3
        for (index, item) in items.enumerated() {
            for action in item.actions { postings[action * groups + item.group, default: []].append(index) }
        }
        var diagnostics: [Diagnostic] = []
        var shared: [Int: Int] = [:]
        for (index, item) in items.enumerated() {
            shared.removeAll(keepingCapacity: true)
            for action in item.actions {
                guard let list = postings[action * groups + item.group], list.count <= commonActionLimit else { continue }
                for other in list {
                    if other >= index { break }
                    shared[other, default: 0] += 1
                }
            }
            let entry = entries[item.entry]
            // The closest earlier sample on another page, if close enough and not equal.
            var best: (other: Int, score: Double)?
            for (other, count) in shared {
                let candidate = items[other]
                let union = item.actions.count + candidate.actions.count - count
                let score = Double(count) / Double(union)
                guard score >= similarity, count != union else { continue }
                if let current = best, score < current.score || (score == current.score && other > current.other) { continue }
                let candidateEntry = entries[candidate.entry]
                guard candidateEntry.twinKey != entry.twinKey else { continue }
                if let model = entry.sample.annotations.model, model == candidateEntry.sample.annotations.model { continue }
                best = (other, score)
            }
            guard let best else { continue }
            let earlier = entries[items[best.other].entry]
            let groupName = ["identity policy", "resource policy", "action list"][item.group]
            let difference = ActionSetDifference(stated: entry.sample.actionEntries.map(\.text),
                                                 model: earlier.sample.actionEntries.map(\.text))
            diagnostics.append(Diagnostic(
                rule: nearCopy,
                message: "this \(groupName) is a near-copy of the one in \(earlier.displayPath):\(earlier.sample.block.location.line) but \(difference.description)",
                at: entry.sample.block.location,
                suggestion: "make the copies agree, or bind both to one named model with model=NAME",
                notes: [DiagnosticNote(location: earlier.sample.block.location, message: "the other copy")]))
        }
        return diagnostics
    }
}
