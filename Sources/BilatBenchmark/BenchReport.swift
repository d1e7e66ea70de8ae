import Foundation

/// Everything one benchmark run measured, as written to `--json`.
struct BenchReport: Codable, Sendable {
    struct Corpus: Codable, Sendable {
        let articles: Int
        let seed: UInt64
        let folder: String
        let textBytes: Int
        let bytesOnDisk: Int
        let meetings: Int
        let repeatReports: Int
        let formats: [String: Int]
        let generateSeconds: Double?
    }

    struct Ingest: Codable, Sendable {
        let command: String
        let throughput: Throughput
        let peakRSSBytes: Int
        let exitCode: Int32
        /// User + system time of the ingest (wait4): steadier than wall time on a shared machine.
        var cpuSeconds: Double?
        /// A corpus larger than `--slice` is ingested in consecutive runs: each one's figures (nil: one run).
        var slices: [IngestSlices.Slice]?
    }

    /// `bilat db check` on the final database, spawned once.
    struct DatabaseCheck: Codable, Sendable {
        let seconds: Double
        let exitCode: Int32
        let peakRSSBytes: Int
    }

    struct Extraction: Codable, Sendable {
        let readAndExtract: Throughput
        let engineOnly: Throughput
        let meetingsFound: Int
        let unreadable: Int
        /// This benchmark process's peak resident set after extraction.
        let peakRSSBytes: Int
    }

    struct Database: Codable, Sendable {
        let bytes: Int
        let bytesPerArticle: Double
        let ratioToText: Double
    }

    struct TargetCheck: Codable, Sendable {
        let target: String
        let measured: String
        let met: Bool
    }

    let date: String
    let machine: Machine
    let corpus: Corpus
    let extraction: Extraction
    let ingest: Ingest
    let database: Database
    var databaseCheck: DatabaseCheck?
    let latencies: [LatencyFigures]
    let notes: [String]
    var targets: [TargetCheck] = []

    /// The targets against the figures.
    mutating func checkTargets() {
        func ms(_ name: String) -> LatencyFigures? { latencies.first { $0.name.hasPrefix(name) } }
        var checks: [TargetCheck] = []
        let ingestRate = ingest.throughput.articlesPerSecond
        checks.append(.init(target: "ingest >= 1,000 articles/s", measured: fmt(ingestRate) + " articles/s", met: ingestRate >= 1000))
        let extractRate = extraction.readAndExtract.articlesPerSecond
        checks.append(.init(target: "extraction >= 3,000 articles/s", measured: fmt(extractRate) + " articles/s", met: extractRate >= 3000))
        let rss = Double(max(ingest.peakRSSBytes, extraction.peakRSSBytes)) / 1_048_576
        checks.append(.init(target: "peak RSS <= 200 MB", measured: fmt(rss) + " MB", met: rss <= 200))
        let meetings = latencies.filter { $0.name.hasPrefix("meetings ") }.map(\.p99Milliseconds).max() ?? .infinity
        checks.append(.init(target: "meetings A B p99 <= 10 ms", measured: fmt(meetings) + " ms", met: meetings <= 10))
        if let export = ms("export timeline json (in-process)") {
            checks.append(.init(target: "10,000-event json export <= 300 ms", measured: fmt(export.p50Milliseconds) + " ms p50 (" + export.note + ")",
                                met: export.p99Milliseconds <= 300))
        }
        if let start = ms("start-up") {
            checks.append(.init(target: "query command starts and answers <= 50 ms", measured: fmt(start.p99Milliseconds) + " ms p99",
                                met: start.p99Milliseconds <= 50))
        }
        if let search = latencies.first(where: { $0.name.hasPrefix("search ") }) {
            checks.append(.init(target: "search of a common word <= 200 ms", measured: fmt(search.p99Milliseconds) + " ms p99",
                                met: search.p99Milliseconds <= 200))
        }
        if let slices = ingest.slices, let first = slices.first, let last = slices.last, first.articlesPerSecond > 0 {
            let ratio = last.articlesPerSecond / first.articlesPerSecond
            checks.append(.init(target: "ingest rate of the last slice within 25 % of the first",
                                measured: String(format: "%.2f", ratio) + " of the first", met: ratio >= 0.75))
        }
        checks.append(.init(target: "database <= 1.5x raw text", measured: fmt(database.ratioToText) + "x", met: database.ratioToText <= 1.5))
        targets = checks
    }

    /// The table printed at the end of a run.
    func table() -> String {
        var rows: [(String, String)] = [
            ("commit", machine.commit.prefix(12) + (machine.workingTreeClean ? "" : " (+ uncommitted changes)")),
            ("machine", "\(machine.cores) cores, \(machine.cpuModel), \(machine.memoryBytes / 1_073_741_824) GiB"),
            ("corpus", "\(corpus.articles) articles, \(mb(corpus.textBytes)) MB text, seed \(corpus.seed)"),
            ("extraction (read+extract)", "\(fmt(extraction.readAndExtract.articlesPerSecond)) articles/s, \(fmt(extraction.readAndExtract.sentencesPerSecond)) sentences/s"),
            ("extraction (engine only)", "\(fmt(extraction.engineOnly.articlesPerSecond)) articles/s, \(fmt(extraction.engineOnly.sentencesPerSecond)) sentences/s"),
            ("ingest end to end", "\(fmt(ingest.throughput.articlesPerSecond)) articles/s, \(fmt(ingest.throughput.sentencesPerSecond)) sentences/s (\(fmt(ingest.throughput.seconds)) s)"),
            ("peak RSS ingest / bench", "\(mb(ingest.peakRSSBytes)) MB / \(mb(extraction.peakRSSBytes)) MB"),
            ("database", "\(mb(database.bytes)) MB, \(fmt(database.bytesPerArticle)) B/article, \(fmt(database.ratioToText))x text"),
        ]
        for slice in ingest.slices ?? [] {
            rows.append(("  ingest slice \(slice.index) (to \(slice.articlesSoFar))",
                         "\(fmt(slice.articlesPerSecond)) articles/s (\(slice.articles) in \(fmt(slice.seconds)) s, CPU \(fmt(slice.cpuSeconds)) s), RSS \(mb(slice.peakRSSBytes)) MB"))
        }
        if let check = databaseCheck {
            rows.append(("bilat db check", "\(fmt(check.seconds)) s, RSS \(mb(check.peakRSSBytes)) MB, exit \(check.exitCode)"))
        }
        for l in latencies {
            rows.append((l.name, l.summary))
        }
        for t in targets {
            rows.append(((t.met ? "MET  " : "MISS ") + t.target, t.measured))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
            + notes.map { "\nnote: " + $0 }.joined()
    }
}

func fmt(_ value: Double) -> String {
    value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
}

func mb(_ bytes: Int) -> String {
    fmt(Double(bytes) / 1_048_576)
}
