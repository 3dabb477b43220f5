/// How a site wants its findings: the severity overrides of `site.yaml` and the accepted findings of the
/// baseline. Applied the same way to a whole build (`DiagnosticCollector`) and to one file's findings
/// (the preview's overlay), so both show the same severities and the same `(baselined)` marks.
public struct DiagnosticPolicy: Sendable {
    public var overrides: [String: ConfiguredSeverity]
    public let baseline: Baseline?
    public var contentRoot: String
    private let baselineIndex: BaselineIndex?

    public init(overrides: [String: ConfiguredSeverity] = [:], baseline: Baseline? = nil, contentRoot: String = "") {
        self.overrides = overrides
        self.baseline = baseline
        self.contentRoot = contentRoot
        baselineIndex = baseline.map(BaselineIndex.init)
    }

    /// The finding at its configured severity, or nil when its rule is turned off.
    public func adjusted(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard let override = overrides[diagnostic.ruleID] else { return diagnostic }
        switch override {
        case .off: return nil
        case .level(let severity):
            var diagnostic = diagnostic
            diagnostic.severity = severity
            return diagnostic
        }
    }

    /// Findings already adjusted, sorted by place, with the baseline's findings marked. The baseline matches
    /// by rule, file and message, so applying it to all the findings of some files at once gives the same
    /// marks as applying it to the whole build.
    public func finish(_ adjusted: [Diagnostic]) -> [Diagnostic] {
        let groups = FileGroups(adjusted)
        var sorted = groups.sorted(0..<groups.count)
        baselineIndex?.mark(&sorted, contentRoot: contentRoot)
        return sorted
    }

    /// `finish` on every core. A large build has tens of thousands of findings, and sorting them and matching
    /// each with the baseline (its key's bytes, a lookup) ran alone between the cross-page checks and the write.
    /// Runs of whole files are sorted and matched on their own: the baseline's counts are per (rule, file,
    /// message), so the result is the one `finish` gives.
    func finishConcurrently(_ adjusted: [Diagnostic]) async -> [Diagnostic] {
        guard adjusted.count >= 4096 else { return finish(adjusted) }
        let groups = FileGroups(adjusted)
        let (root, baselineIndex) = (contentRoot, baselineIndex)
        let parts = await groups.runs(about: 8).concurrentMap { run -> [Diagnostic] in
            var out = groups.sorted(run)
            baselineIndex?.mark(&out, contentRoot: root)
            return out
        }
        var all: [Diagnostic] = []
        all.reserveCapacity(adjusted.count)
        for part in parts { all += part }
        return all
    }

    /// Findings grouped by file in the order they are reported: those without a place first, then files by name.
    /// Positions are grouped and sorted rather than the findings themselves (a finding is a large value with
    /// seven references, and a sort moves each one ~log n times); each distinct file is compared as text once,
    /// to rank it.
    private struct FileGroups: Sendable {
        let findings: [Diagnostic]
        /// Positions of the findings, group after group, in their given order within a group.
        let positions: [Int]
        /// Where each group starts in `positions` (and, last, the end).
        let bounds: [Int]

        var count: Int { bounds.count - 1 }

        init(_ findings: [Diagnostic]) {
            self.findings = findings
            var rankOfFile: [String: Int] = [:]
            var files: [String] = []
            var fileOfFinding = [Int](repeating: -1, count: findings.count)
            for index in findings.indices {
                guard let file = findings[index].location?.file else { continue }
                if let known = rankOfFile[file] {
                    fileOfFinding[index] = known
                } else {
                    rankOfFile[file] = files.count
                    fileOfFinding[index] = files.count
                    files.append(file)
                }
            }
            // Group 0: no place; group 1 + n: the n-th file by name.
            var group = [Int](repeating: 0, count: files.count)
            for (position, file) in files.indices.sorted(by: { files[$0] < files[$1] }).enumerated() { group[file] = position + 1 }
            var bounds = [Int](repeating: 0, count: files.count + 2)
            for file in fileOfFinding { bounds[(file < 0 ? 0 : group[file]) + 1] += 1 }
            for g in 0...files.count { bounds[g + 1] += bounds[g] }
            var positions = [Int](repeating: 0, count: findings.count)
            var fill = bounds
            for (index, file) in fileOfFinding.enumerated() {
                let g = file < 0 ? 0 : group[file]
                positions[fill[g]] = index
                fill[g] += 1
            }
            self.positions = positions
            self.bounds = bounds
        }

        /// About `count` runs of whole groups with similar numbers of findings.
        func runs(about count: Int) -> [Range<Int>] {
            var runs: [Range<Int>] = []
            let target = (findings.count + count - 1) / count
            var first = 0
            while first < self.count {
                var last = first
                while last + 1 < self.count, bounds[last + 1] - bounds[first] < target { last += 1 }
                runs.append(first..<(last + 1))
                first = last + 1
            }
            return runs
        }

        /// The findings of the groups in `run`, each group sorted by line and column, then by the full order
        /// (rule, message) for findings at the same place.
        func sorted(_ run: Range<Int>) -> [Diagnostic] {
            var out: [Diagnostic] = []
            out.reserveCapacity(bounds[run.upperBound] - bounds[run.lowerBound])
            for g in run {
                let order = positions[bounds[g]..<bounds[g + 1]].sorted { a, b in
                    let la = findings[a].location, lb = findings[b].location
                    let ka = (la?.line ?? 0, la?.column ?? 0), kb = (lb?.line ?? 0, lb?.column ?? 0)
                    if ka != kb { return ka < kb }
                    return findings[a] < findings[b]
                }
                for index in order { out.append(findings[index]) }
            }
            return out
        }
    }

    /// `adjusted` then `finish`.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        finish(diagnostics.compactMap(adjusted))
    }
}
