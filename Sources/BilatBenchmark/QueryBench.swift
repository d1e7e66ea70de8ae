import BilatExtraction
import BilatModel
import BilatPostgres
import BilatServices
import BilatStorage
import Foundation

/// Query latencies in this process against the ingested database (the query alone, the process
/// already started), and whole commands spawned as a user runs them (start-up included).
struct QueryBench {
    let database: String
    let bilat: String
    let service: KnowledgeBase
    let scratch: URL

    init(database: String, bilat: String, reference: ReferenceData, scratch: URL) throws {
        self.database = database
        self.bilat = bilat
        self.scratch = scratch
        let queries: any KnowledgeQuerying = PostgresURL.names(database)
            ? try PostgresStore(url: PostgresURL(database)) : try SQLiteStore(path: database)
        service = KnowledgeBase(queries: queries, countries: CountryLookup(reference: reference))
    }

    /// `meetings A B` through the service, as the command runs it after start-up: its default page of
    /// 100 (it asks for 101, to know whether there are more); `all` for `meetings A B --all`.
    func meetings(pair: [String], label: String, runs: Int, all: Bool = false) throws -> LatencyFigures {
        var found = 0
        let seconds = try measure(runs: runs) { found = try service.meetings(pair, limit: all ? nil : 101).count }
        let name = all ? "every meeting \(pair.joined(separator: " ")) --all" : "meetings \(pair.joined(separator: " "))"
        return LatencyFigures(name: "\(name) (\(label))", seconds: seconds, note: "in-process query, \(found) meetings")
    }

    /// A date window from the corpus's first month holding about `target` exported events (meetings
    /// and agreements, the kinds the figures have measured since the first benchmark; the corpus's
    /// statements would be five events in seven): binary search on the last month.
    func exportWindow(target: Int) throws -> (request: TimelineRequest, events: Int) {
        let first = PartialDate(year: 2015, month: 1)!
        func count(months: Int) throws -> Int {
            let index = 2015 * 12 + months
            let filter = MeetingFilter(from: first, to: PartialDate(year: index / 12, month: index % 12 + 1))
            return try service.queries.meetings(filter).count + service.queries.agreements(filter).count
        }
        var low = 0, high = 12 * 13
        while low < high {
            let mid = (low + high) / 2
            if try count(months: mid) < target { low = mid + 1 } else { high = mid }
        }
        let index = 2015 * 12 + low
        let request = try service.request(countries: [], from: first, to: PartialDate(year: index / 12, month: index % 12 + 1),
                                          kinds: Self.exportKinds)
        return (request, try count(months: low))
    }

    /// The export rendered in-process to a byte counter (no file), as `export timeline` does before writing.
    static let exportKinds: Set<TimelineEvent.Kind> = [.meeting, .agreement]

    func export(_ request: TimelineRequest, format: ExportFormat, events: Int, runs: Int) throws -> LatencyFigures {
        var bytes = 0
        let seconds = try measure(runs: runs, warmup: 1) {
            bytes = 0
            let document = try service.timeline(request)
            format.render(document) { bytes += $0.utf8.count }
        }
        return LatencyFigures(name: "export timeline \(format.rawValue) (in-process)", seconds: seconds,
                              note: "\(events) events, \(bytes / 1024) KiB")
    }

    /// A whole command spawned `runs` times (after one warm-up); fails when it exits non-zero.
    func command(_ name: String, _ arguments: [String], runs: Int, note: String) throws -> LatencyFigures {
        let argv = [bilat] + arguments
        var seconds: [Double] = []
        for i in 0...runs {
            let run = try Spawn.run(argv, output: scratch.appendingPathComponent("command-output").path)
            guard run.exitCode == 0 else {
                throw BenchError.commandFailed(argv.joined(separator: " "), run.exitCode)
            }
            if i > 0 { seconds.append(run.seconds) }
        }
        return LatencyFigures(name: name, seconds: seconds, note: note)
    }

    /// True when the binary has the subcommand (another engineer may add it after this benchmark).
    func hasCommand(_ name: String) -> Bool {
        (try? Spawn.run([bilat, name, "--help"]).exitCode) == 0
    }
}
