/// Wall time per stage of a build, for `build --verbose` and the benchmarks' breakdowns.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var phases: [(name: String, seconds: Double)] = []

    init() { last = clock.now }

    mutating func lap(_ name: String) {
        let now = clock.now
        let elapsed = now - last
        phases.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}
