import BilatCorpusGenerator
import BilatPostgres
import Foundation
import Synchronization

/// `bilat-bench --writers 1,2 --db URL`: the corpus ingested by N `bilat ingest` processes at once into
/// one knowledge base, for each N, into a fresh database each time (on PostgreSQL a new database beside
/// the one URL names, `NAME_wN`; for a file, `OUT/writers-N.sqlite`). The corpus's units of about a
/// thousand articles (a folder of texts, a feed) are dealt to the writers in turn, so that they ingest
/// the same months at the same time, as several machines fed by one news stream would.
struct WritersBench {
    let binary: String
    let corpus: URL
    let manifest: CorpusManifest
    let folder: URL
    let batch: Int?

    struct Run: CustomStringConvertible {
        let writers: Int
        let database: String
        let articles: Int
        let seconds: Double
        let cpuSeconds: Double
        let exitCodes: [Int32]

        var articlesPerSecond: Double { Double(articles) / max(seconds, 1e-9) }

        var description: String {
            "\(writers) writer\(writers == 1 ? "" : "s"): \(articles) articles in \(String(format: "%.1f", seconds)) s, "
                + "\(Int(articlesPerSecond.rounded())) articles/s (ingest CPU \(String(format: "%.1f", cpuSeconds)) s; "
                + "exit \(exitCodes.map(String.init).joined(separator: ","))) into \(database)"
        }
    }

    func run(writers: Int, into target: String) throws -> Run {
        let database: String
        if PostgresURL.names(target) {
            let url = try PostgresURL(target)
            database = try PostgresStore.makeEmptyDatabase("\(url.database)_w\(writers)", besides: url).description
        } else {
            database = folder.appendingPathComponent("writers-\(writers).sqlite").path
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        }
        // The schema made once, before the clock starts (as a team's database is made once).
        _ = try Spawn.run([binary, "ingest", "--db", database, "--quiet", "/dev/null"])
        let units = try IngestSlices.plan(corpus: corpus, manifest: manifest, size: 1000)
        var dealt = Array(repeating: [String](), count: writers)
        for (index, unit) in units.enumerated() { dealt[index % writers] += unit.paths }
        let shares = dealt
        let runs = Mutex<[ChildRun]>([])
        let start = Clock.now()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let arguments = [binary, "ingest", "--db", database, "--quiet"]
                + (batch.map { ["--batch", String(max(1, $0))] } ?? []) + shares[writer]
            let log = folder.appendingPathComponent("writers-\(writers)-\(writer + 1).log").path
            let run = (try? Spawn.run(arguments, output: log)) ?? ChildRun(exitCode: -1, seconds: 0, peakRSSBytes: 0)
            runs.withLock { $0.append(run) }
        }
        let seconds = Clock.now() - start
        let done = runs.withLock { $0 }
        return Run(writers: writers, database: database, articles: manifest.articles, seconds: seconds,
                   cpuSeconds: done.map(\.cpuSeconds).reduce(0, +), exitCodes: done.map(\.exitCode))
    }
}
