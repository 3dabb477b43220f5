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
        let sorted = Self.sortedByPlace(adjusted)
        return baselineIndex?.apply(to: sorted, contentRoot: contentRoot) ?? sorted
    }

    /// `finish` on every core. A large build has tens of thousands of findings, and sorting them and matching
    /// each with the baseline (its key's bytes, a lookup) ran alone between the cross-page checks and the write.
    /// The findings are grouped by file in the order `finish` sorts files (by name, those without a place
    /// first), and runs of whole files are sorted and matched on their own: the sort within a file is the same,
    /// and the baseline's counts are per (rule, file, message), so the result is the one `finish` gives.
    func finishConcurrently(_ adjusted: [Diagnostic]) async -> [Diagnostic] {
        guard adjusted.count >= 4096 else { return finish(adjusted) }
        // Each finding's group: 0 without a place, else 1 + its file's rank by name.
        var rankOfFile: [String: Int] = [:]
        var files: [String] = []
        var fileOfFinding = [Int](repeating: -1, count: adjusted.count)
        for index in adjusted.indices {
            guard let file = adjusted[index].location?.file else { continue }
            if let known = rankOfFile[file] {
                fileOfFinding[index] = known
            } else {
                rankOfFile[file] = files.count
                fileOfFinding[index] = files.count
                files.append(file)
            }
        }
        var group = [Int](repeating: 0, count: files.count)
        for (position, file) in files.indices.sorted(by: { files[$0] < files[$1] }).enumerated() { group[file] = position + 1 }
        // Positions grouped by file, in their original order within a file (a counting sort).
        var starts = [Int](repeating: 0, count: files.count + 2)
        for file in fileOfFinding { starts[(file < 0 ? 0 : group[file]) + 1] += 1 }
        for g in 0...files.count { starts[g + 1] += starts[g] }
        var grouped = [Int](repeating: 0, count: adjusted.count)
        var fill = starts
        for (index, file) in fileOfFinding.enumerated() {
            let g = file < 0 ? 0 : group[file]
            grouped[fill[g]] = index
            fill[g] += 1
        }
        // About eight runs of whole files with similar numbers of findings.
        var runs: [Range<Int>] = []
        let target = (adjusted.count + 7) / 8
        var first = 0
        while first <= files.count {
            var last = first
            while last < files.count, starts[last + 1] - starts[first] < target { last += 1 }
            runs.append(first..<(last + 1))
            first = last + 1
        }
        let (findings, positions, bounds, root, baselineIndex) = (adjusted, grouped, starts, contentRoot, baselineIndex)
        let parts = await runs.concurrentMap { run -> [Diagnostic] in
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
            baselineIndex?.mark(&out, contentRoot: root)
            return out
        }
        var all: [Diagnostic] = []
        all.reserveCapacity(adjusted.count)
        for part in parts { all += part }
        return all
    }

    /// Findings sorted by file, line and column, then by the full order.
    private static func sortedByPlace(_ adjusted: [Diagnostic]) -> [Diagnostic] {
        // Positions are sorted rather than the findings themselves (a finding is a large value with seven
        // references, and a sort moves each one ~log n times), by integer keys: each distinct file is compared
        // as text once, to rank it. Findings at the same place fall back to the full order (rule, message).
        let order = adjusted.withUnsafeBufferPointer { findings -> [Int] in
            var rank: [String: Int] = [:]
            for (position, file) in Set(findings.lazy.compactMap { $0.range?.start.file }).sorted().enumerated() {
                rank[file] = position
            }
            let keys = findings.map { finding -> (file: Int, line: Int, column: Int) in
                guard let start = finding.range?.start else { return (-1, 0, 0) }
                return (rank[start.file] ?? -1, start.line, start.column)
            }
            return Array(findings.indices).sorted { a, b in
                if keys[a] != keys[b] { return keys[a] < keys[b] }
                return findings[a] < findings[b]
            }
        }
        return order.map { adjusted[$0] }
    }

    /// `adjusted` then `finish`.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        finish(diagnostics.compactMap(adjusted))
    }
}
