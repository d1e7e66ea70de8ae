import BilatCorpusGenerator
import BilatExtraction
import BilatModel
import BilatStorage
import Foundation

/// `bilat-bench --one-event N,...`: for each N, N reports of one meeting (and a tenth as many
/// background articles) ingested by the real `bilat ingest` into a new database; the rate at each N
/// and its ratio to the first, and how many meetings the event became (it must be one).
struct OneEventBench {
    let reference: ReferenceData
    let binary: String
    let folder: URL
    let seed: UInt64
    let budgetSeconds: Double
    let ingestBatch: Int?
    let skipGenerate: Bool
    let progress: (String) -> Void
    /// Days either side of the event's day in which its meetings are counted.
    static let window = 7

    struct Run: Codable, Sendable {
        let reports: Int
        let background: Int
        let articles: Int
        let pair: String
        let day: String
        let textBytes: Int
        /// "done", "over budget" (stopped at the budget; the rate counts the articles it had stored) or
        /// "skipped" (a smaller N was over budget).
        let status: String
        let command: String
        let exitCode: Int32
        let seconds: Double
        let cpuSeconds: Double
        let storedArticles: Int
        let articlesPerSecond: Double
        let articlesPerCPUSecond: Double
        /// This run's rate over the first run's (wall time).
        var ratioToFirst: Double?
        let peakRSSBytes: Int
        let databaseBytes: Int
        /// Meetings of the pair dated within a week of the event's day: must be 1.
        let meetingsOfEvent: Int
        /// Their dates and source counts ("2025-11-10: 1100 sources").
        let eventMeetings: [String]
        /// Every meeting of the pair (the reports also name an earlier meeting and a planned visit).
        let meetingsOfPair: Int
    }

    struct Report: Codable, Sendable {
        let date: String
        let machine: Machine
        let seed: UInt64
        let budgetSeconds: Double
        var runs: [Run]
        var notes: [String]
        /// False when a run's event did not become exactly one meeting.
        var oneMeetingEverywhere: Bool
    }

    func run(sizes: [Int]) throws -> Report {
        var report = Report(date: Date().formatted(.iso8601), machine: Machine.current(), seed: seed,
                            budgetSeconds: budgetSeconds, runs: [], notes: [], oneMeetingEverywhere: true)
        var overBudgetAt: Int?
        for n in sizes {
            let runFolder = folder.appendingPathComponent("n-\(n)")
            let corpus = runFolder.appendingPathComponent("corpus")
            let manifest: OneEventManifest
            if skipGenerate, let existing = try? OneEventManifest.read(in: corpus), existing.reports == n, existing.seed == seed {
                manifest = existing
            } else {
                try? FileManager.default.removeItem(at: corpus)
                progress("one event: generating \(n) reports and background (seed \(seed)) in \(corpus.path)")
                manifest = try OneEventGenerator(seed: seed, reference: reference).write(reports: n, to: corpus)
            }
            if let smaller = overBudgetAt, smaller < n {
                report.runs.append(Run(
                    reports: n, background: manifest.background, articles: manifest.articles, pair: manifest.pair,
                    day: manifest.day, textBytes: manifest.textBytes, status: "skipped", command: "", exitCode: 0,
                    seconds: 0, cpuSeconds: 0, storedArticles: 0, articlesPerSecond: 0, articlesPerCPUSecond: 0,
                    ratioToFirst: nil, peakRSSBytes: 0, databaseBytes: 0, meetingsOfEvent: 0, eventMeetings: [],
                    meetingsOfPair: 0))
                report.notes.append("N = \(n) skipped: N = \(smaller) was over the budget of \(Int(budgetSeconds)) s")
                continue
            }
            let database = runFolder.appendingPathComponent("bench.sqlite").path
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            var arguments = [binary, "ingest", "--db", database, "--quiet"]
                + (ingestBatch.map { ["--batch", String(max(1, $0))] } ?? []) + [corpus.path]
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") {
                arguments = ["/usr/bin/taskset", "-c", "0"] + arguments
            }
            progress("one event: ingesting \(manifest.articles) articles (\(n) reports of \(manifest.pair) on \(manifest.day))")
            let child = try Spawn.run(arguments, output: runFolder.appendingPathComponent("ingest.log").path,
                                      timeout: budgetSeconds)
            if child.timedOut { overBudgetAt = n }
            let databaseBytes = ["", "-wal", "-shm"].reduce(0) { sum, suffix in
                sum + ((try? FileManager.default.attributesOfItem(atPath: database + suffix)[.size] as? Int) ?? 0)
            }
            let store = try SQLiteStore(path: database)
            let stored = try store.articleCount()
            let codes = [manifest.host, manifest.guest]
            // A week either side: the corpus holds no other meeting of the pair within two months (the
            // earlier one the reports recall is 60 days or more before, the planned visit a month or more
            // after), so every meeting of the pair in the window is the event or a piece of it.
            guard let day = PartialDate(iso: manifest.day), let dayNumber = day.dayNumber,
                  let before = PartialDate(dayNumber: dayNumber - Self.window),
                  let after = PartialDate(dayNumber: dayNumber + Self.window) else {
                throw BenchError.commandFailed("the one-event manifest's day \(manifest.day)", 1)
            }
            let event = try store.meetings(MeetingFilter(countries: codes, from: before, to: after))
            let pair = try store.meetings(MeetingFilter(countries: codes))
            let counted = child.timedOut ? stored : manifest.articles
            let run = Run(
                reports: n, background: manifest.background, articles: manifest.articles, pair: manifest.pair,
                day: manifest.day, textBytes: manifest.textBytes,
                status: child.timedOut ? "over budget" : "done", command: arguments.joined(separator: " "),
                exitCode: child.exitCode, seconds: child.seconds, cpuSeconds: child.cpuSeconds, storedArticles: stored,
                articlesPerSecond: Double(counted) / max(child.seconds, 1e-9),
                articlesPerCPUSecond: Double(counted) / max(child.cpuSeconds, 1e-9),
                ratioToFirst: nil, peakRSSBytes: child.peakRSSBytes, databaseBytes: databaseBytes,
                meetingsOfEvent: event.count,
                eventMeetings: event.map { "\($0.date?.iso ?? "undated"): \($0.sourceCount) sources" },
                meetingsOfPair: pair.count)
            if child.exitCode != 0, !child.timedOut {
                report.notes.append("N = \(n): bilat ingest exited with \(child.exitCode); see \(runFolder.path)/ingest.log")
            }
            if event.count != 1 {
                report.oneMeetingEverywhere = false
                report.notes.append("N = \(n): the event became \(event.count) meetings, not one: "
                                    + run.eventMeetings.joined(separator: "; "))
            }
            report.runs.append(run)
            progress("one event: N = \(n): \(run.status), \(fmt(run.articlesPerSecond)) articles/s "
                     + "(\(fmt(child.seconds)) s), \(event.count) meeting(s) of the event")
        }
        if let first = report.runs.first(where: { $0.status != "skipped" && $0.articlesPerSecond > 0 }) {
            for i in report.runs.indices where report.runs[i].status != "skipped" {
                report.runs[i].ratioToFirst = report.runs[i].articlesPerSecond / first.articlesPerSecond
            }
        }
        return report
    }
}

extension OneEventBench.Report {
    /// The table printed at the end of a run.
    func table() -> String {
        var lines = ["commit \(machine.commit.prefix(12))\(machine.workingTreeClean ? "" : " (+ uncommitted changes)"), "
                     + "one-event corpus seed \(seed), budget \(Int(budgetSeconds)) s an ingest"]
        let header = ["reports", "articles", "status", "seconds", "articles/s", "ratio", "per CPU s", "RSS MB",
                      "DB MB", "event meetings"]
        var rows = [header]
        for run in runs {
            rows.append([
                String(run.reports), String(run.articles), run.status,
                run.status == "skipped" ? "" : fmt(run.seconds),
                run.status == "skipped" ? "" : fmt(run.articlesPerSecond),
                run.ratioToFirst.map { String(format: "%.2f", $0) } ?? "",
                run.status == "skipped" ? "" : fmt(run.articlesPerCPUSecond),
                run.status == "skipped" ? "" : mb(run.peakRSSBytes),
                run.status == "skipped" ? "" : mb(run.databaseBytes),
                run.status == "skipped" ? "" : "\(run.meetingsOfEvent) (\(run.eventMeetings.joined(separator: "; ")))",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        lines += rows.map { row in
            row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        if let over = runs.first(where: { $0.status == "over budget" }) {
            lines.append("over budget at N = \(over.reports): \(over.storedArticles) of \(over.articles) articles stored "
                         + "in \(fmt(over.seconds)) s")
        }
        return lines.joined(separator: "\n") + notes.map { "\nnote: " + $0 }.joined()
    }
}
