/// Latency figures of repeated runs of one operation.
struct LatencyFigures: Codable, Sendable {
    let name: String
    let runs: Int
    let p50Milliseconds: Double
    let p99Milliseconds: Double
    let maxMilliseconds: Double
    /// What was measured, when the name alone does not say (how many events, which pair).
    let note: String

    init(name: String, seconds: [Double], note: String) {
        let sorted = seconds.sorted()
        self.name = name
        runs = sorted.count
        p50Milliseconds = Self.percentile(sorted, 0.50) * 1000
        p99Milliseconds = Self.percentile(sorted, 0.99) * 1000
        maxMilliseconds = (sorted.last ?? 0) * 1000
        self.note = note
    }

    /// "p50 … ms, p99 … ms (runs; note)", as the table prints it.
    var summary: String {
        "p50 \(fmt(p50Milliseconds)) ms, p99 \(fmt(p99Milliseconds)) ms (\(runs) runs; \(note))"
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

/// Times `body` `runs` times after `warmup` untimed runs.
func measure(runs: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> [Double] {
    for _ in 0..<warmup { try body() }
    var seconds: [Double] = []
    seconds.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = Clock.now()
        try body()
        seconds.append(Clock.now() - start)
    }
    return seconds
}
