/// The baseline's entries counted by (rule, file, message), built once per policy rather than on every
/// `apply`: the preview applies the policy to one file's findings at a time, and a large baseline (24,000
/// entries on the benchmark corpus) would otherwise be re-indexed for each.
///
/// Keys are the UTF-8 bytes of the three fields. Hashing a `String` hashes its normalized form, which for
/// Cyrillic messages cost more than the rest of the matching; dochouse writes both sides of the match (the
/// baseline file is its own output), so comparing bytes finds the same pairs.
struct BaselineIndex: Sendable {
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]

        init(rule: String, file: String, message: String) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(rule.utf8.count + file.utf8.count + message.utf8.count + 2)
            bytes.append(contentsOf: rule.utf8)
            bytes.append(0)
            bytes.append(contentsOf: file.utf8)
            bytes.append(0)
            bytes.append(contentsOf: message.utf8)
            self.bytes = bytes
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// How many findings each key accepts.
    let counts: [Key: Int]
    /// Files with at least one entry: findings elsewhere are not looked up.
    let files: Set<String>

    init(_ baseline: Baseline) {
        var counts: [Key: Int] = [:]
        var files: Set<String> = []
        for entry in baseline.findings {
            counts[Key(rule: entry.rule, file: entry.file, message: entry.message), default: 0] += 1
            files.insert(entry.file)
        }
        self.counts = counts
        self.files = files
    }

    /// Marks the findings the baseline lists, each entry covering one finding, in the order given (sorted by
    /// place, so that of two equal findings in a file the first is the one accepted).
    func apply(to diagnostics: [Diagnostic], contentRoot: String) -> [Diagnostic] {
        var marked = diagnostics
        mark(&marked, contentRoot: contentRoot)
        return marked
    }

    /// `apply` in place (a copy of the array copied every finding's references once more).
    func mark(_ marked: inout [Diagnostic], contentRoot: String) {
        var used: [Key: Int] = [:]
        for position in marked.indices {
            guard let location = marked[position].location else { continue }
            let file = Baseline.relativePath(location.file, to: contentRoot)
            guard files.contains(file) else { continue }
            let key = Key(rule: marked[position].ruleID, file: file, message: marked[position].message)
            guard let accepted = counts[key], used[key, default: 0] < accepted else { continue }
            used[key, default: 0] += 1
            marked[position].isBaselined = true
        }
    }
}
