import ArgumentParser
import BilatCorpusGenerator
import BilatPostgres
import BilatExtraction
import Foundation

/// `bilat-bench`: generates a corpus, measures extraction, ingest, storage and queries, prints a table
/// and writes JSON.
@main
struct BilatBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilat-bench",
        abstract: "Benchmark bilat on a generated corpus: ingest throughput, memory, database size, query latency.",
        discussion: """
            Build in release mode first: swift build -c release. The corpus is generated under --out
            (about 3 KB an article: put large ones under /tmp), then read once by extraction alone in
            this process and ingested by the real `bilat ingest` in a child process pinned to one core.

            Example:
              .build/release/bilat-bench --n 10000 --out /tmp/bilat-bench-10k --json docs/bench-10k.json

            --adversarial measures something else: hostile articles (one line without a sentence end, deep
            nesting of brackets and quotes, runs of entities, dates, capitalized words or one word,
            right-to-left and combining characters) at 128 KB, 256 KB, 512 KB and 1 MB, timed through the
            extractor in this process and through `bilat extract`; time must grow linearly with size.
              .build/release/bilat-bench --adversarial --out /tmp/bilat-adversarial

            --one-event N,... measures the cost of a big event: for each N, N reports of ONE meeting (one
            pair, in person, one day; different sources, headlines, wording and sentence order; some name
            no participant, some no place, some date it the next day as another time zone would) and a
            tenth as many background articles, ingested by `bilat ingest` (pinned, default batch) into a
            new database: articles/s at each N and its ratio to the first N (target: the rate at 100,000
            within 20 % of the rate at 1,000). The event must become one meeting: the run exits 1 when
            it does not. An ingest longer than --budget seconds is stopped (SIGINT: it commits what it
            stored) and reported over budget, its rate counting the articles stored; larger N are skipped.
              .build/release/bilat-bench --one-event 1000,10000,100000 --out /tmp/bilat-one-event
            """
    )

    @Option(help: "Articles to generate.")
    var n = 10_000

    @Option(help: "Seed of the corpus generator (the same seed gives the same corpus).")
    var seed: UInt64 = 6

    @Option(help: "Folder for the corpus, the database and scratch files (default /tmp/bilat-bench-N).")
    var out: String?

    @Option(help: "Write the figures as JSON here (default OUT/bench.json).")
    var json: String?

    @Flag(help: "Reuse the corpus already in --out (its manifest.json must match --n).")
    var skipGenerate = false

    @Option(help: "The bilat binary to measure (default: the one beside bilat-bench).")
    var bilat: String?

    @Option(help: "Runs of each in-process query.")
    var queryRuns = 200

    @Option(help: "Runs of each spawned command.")
    var commandRuns = 30

    @Option(help: "Articles a transaction for the measured ingest (bilat ingest --batch N; default: bilat's own).")
    var ingestBatch: Int?

    @Option(help: "Ingest a corpus larger than this as consecutive bilat ingest runs of about this many articles each (as daily increments arrive), and report each run's rate; a corpus of at most this many is one run.")
    var slice = 100_000

    @Option(help: "Continue a sliced run that stopped: keep the database an earlier run left in --out (needs --skip-generate) and ingest from this slice on (1-based; a slice partly stored is ingested again whole, its stored articles passing as unchanged).")
    var resumeSlice: Int?

    @Flag(help: "Only the query latencies, on the corpus and database an earlier run left in --out.")
    var queriesOnly = false

    @Option(help: "With --queries-only: the knowledge base to query instead of OUT/bench.sqlite, a file or postgres://USER@HOST/DB (the same corpus moved there with db export | db import). With --writers: where to ingest (a PostgreSQL URL: fresh databases NAME_w1, NAME_w2, … beside it; a file: OUT/writers-N.sqlite).")
    var db: String?

    @Option(help: "Ingest the corpus with this many concurrent bilat ingest processes into --db, for each count (comma-separated, e.g. 1,2), and report articles/s; then the query latencies on the last database.")
    var writers: String?

    @Flag(help: "Only extraction alone (reading and extracting, this process): no ingest, no database, no queries, no JSON.")
    var extractionOnly = false

    @Flag(help: "Time hostile articles of growing size instead (no corpus, no database): the linear-time check.")
    var adversarial = false

    @Option(help: "With --adversarial: article sizes in KB, comma-separated.")
    var sizes = "128,256,512,1024"

    @Option(help: "With --adversarial: only these shapes, comma-separated (default all).")
    var shapes: String?

    @Option(help: "With --adversarial: in-process runs of each article (the best counts).")
    var runs = 3

    @Option(help: "With --adversarial: a run slower than this many seconds skips the larger sizes of its shape (default 120). With --one-event: an ingest is stopped after this many seconds and reported over budget (default 1800).")
    var budget: Double?

    @Option(help: "Report counts of one event, comma-separated (e.g. 1000,10000,100000): the one-event benchmark instead.")
    var oneEvent: String?

    func run() throws {
        if adversarial { return try runAdversarial() }
        if let oneEvent { return try runOneEvent(oneEvent) }
        let folder = URL(fileURLWithPath: out ?? "/tmp/bilat-bench-\(n)")
        let corpus = folder.appendingPathComponent("corpus")
        let binary = bilat ?? URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("bilat").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError.missingBinary(binary) }
        let machine = Machine.current()
        let reference = try ReferenceData.bundled()
        var notes: [String] = []
        let database = folder.appendingPathComponent("bench.sqlite").path

        var generateSeconds: Double?
        let manifest: CorpusManifest
        if queriesOnly {
            manifest = try CorpusGenerator.manifest(in: corpus)
            let database = db ?? database
            guard PostgresURL.names(database) || FileManager.default.fileExists(atPath: database) else {
                throw ValidationError("no database at \(database): run once without --queries-only")
            }
            progress("queries on \(database) (\(manifest.articles) articles)")
            let latencies = try queries(database: database, binary: binary, reference: reference, manifest: manifest,
                                        scratch: folder, notes: &notes)
            for l in latencies { print("\(l.name): \(l.summary)") }
            return
        }
        if skipGenerate {
            manifest = try CorpusGenerator.manifest(in: corpus)
            guard manifest.articles == n else {
                throw ValidationError("the corpus in \(corpus.path) has \(manifest.articles) articles, not \(n)")
            }
        } else {
            try? FileManager.default.removeItem(at: corpus)
            progress("generating \(n) articles (seed \(seed)) in \(corpus.path)")
            let start = Clock.now()
            manifest = try CorpusGenerator(seed: seed, reference: reference).write(count: n, to: corpus)
            generateSeconds = Clock.now() - start
        }

        if let writers {
            let counts = writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1 }) else {
                throw ValidationError("--writers takes counts of processes, e.g. 1,2, not \(writers)")
            }
            let bench = WritersBench(binary: binary, corpus: corpus, manifest: manifest, folder: folder, batch: ingestBatch)
            var last = ""
            for count in counts {
                progress("ingest with \(count) concurrent bilat ingest process\(count == 1 ? "" : "es") into \(db ?? database)")
                let run = try bench.run(writers: count, into: db ?? database)
                print(run.description)
                last = run.database
                let check = try Spawn.run([binary, "db", "check", "--db", run.database])
                print("  db check exit \(check.exitCode)")
            }
            progress("queries on \(last)")
            for l in try queries(database: last, binary: binary, reference: reference, manifest: manifest,
                                 scratch: folder, notes: &notes) {
                print("\(l.name): \(l.summary)")
            }
            return
        }

        progress("extraction alone (this process, one thread)")
        let extraction = try ExtractionBench(extractor: Extractor(reference: reference)).run(corpus: corpus)
        if extractionOnly {
            let total = extraction.total, engine = extraction.engine
            print("read and extract: \(total.articles) articles in \(String(format: "%.2f", total.seconds)) s, "
                + "\(Int(total.articlesPerSecond.rounded())) articles/s")
            print("engine alone:     \(String(format: "%.2f", engine.seconds)) s, \(Int(engine.articlesPerSecond.rounded())) articles/s")
            print("reading:          \(String(format: "%.1f", (total.seconds - engine.seconds) / Double(max(1, total.articles)) * 1e6)) µs an article; "
                + "\(extraction.meetings) meetings, \(extraction.failures) unreadable")
            return
        }

        progress("ingest (bilat ingest, child process)")
        let plan = try IngestSlices.plan(corpus: corpus, manifest: manifest, size: max(1, slice))
        let firstSlice = (resumeSlice ?? 1) - 1
        if let resumeSlice {
            guard skipGenerate, FileManager.default.fileExists(atPath: database) else {
                throw ValidationError("--resume-slice needs --skip-generate and the database an earlier run left at \(database)")
            }
            guard (1...plan.count).contains(resumeSlice) else {
                throw ValidationError("--resume-slice \(resumeSlice): the corpus has slices 1 to \(plan.count)")
            }
            notes.append("resumed at slice \(resumeSlice) of \(plan.count) on the database of an earlier run; the ingest figures are those of slices \(resumeSlice) on")
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        }
        var ingestArguments: [String] = []
        var slices: [IngestSlices.Slice] = []
        for (index, part) in plan.enumerated() where index >= firstSlice {
            var arguments = [binary, "ingest", "--db", database, "--quiet"]
                + (ingestBatch.map { ["--batch", String(max(1, $0))] } ?? []) + part.paths
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") {
                arguments = ["/usr/bin/taskset", "-c", "0"] + arguments
            } else if index == 0 {
                notes.append("taskset not found: the ingest ran unpinned (it is single-threaded)")
            }
            if plan.count > 1 { progress("ingest slice \(index + 1) of \(plan.count): \(part.articles) articles") }
            let log = folder.appendingPathComponent(plan.count > 1 ? "ingest-\(index + 1).log" : "ingest.log").path
            let run = try Spawn.run(arguments, output: log)
            if run.exitCode != 0 { notes.append("bilat ingest exited with \(run.exitCode); see \(log)") }
            slices.append(.init(index: index + 1, articles: part.articles,
                                articlesSoFar: plan.prefix(index + 1).map(\.articles).reduce(0, +), seconds: run.seconds,
                                cpuSeconds: run.cpuSeconds, articlesPerSecond: Double(part.articles) / max(run.seconds, 1e-9),
                                peakRSSBytes: run.peakRSSBytes, exitCode: run.exitCode))
            if plan.count > 1, let done = slices.last {
                progress("slice \(done.index): \(done.articles) articles in \(String(format: "%.1f", done.seconds)) s "
                    + "(\(String(format: "%.1f", done.cpuSeconds)) s CPU), \(Int(done.articlesPerSecond.rounded())) articles/s, "
                    + "peak RSS \(done.peakRSSBytes / 1_048_576) MB, \(done.articlesSoFar) articles so far")
            }
            ingestArguments = plan.count > 1 ? Array(arguments.prefix(while: { $0 != part.paths[0] })) + ["PATHS-OF-THE-SLICE"] : arguments
        }
        let ingest = ChildRun(exitCode: slices.map(\.exitCode).first { $0 != 0 } ?? 0,
                              seconds: slices.map(\.seconds).reduce(0, +),
                              peakRSSBytes: slices.map(\.peakRSSBytes).max() ?? 0,
                              cpuSeconds: slices.map(\.cpuSeconds).reduce(0, +))
        // Resumed: the articles of the slices run here (sentences in proportion).
        let ingested = resumeSlice == nil ? extraction.total.articles : slices.map(\.articles).reduce(0, +)
        let databaseBytes = ["", "-wal", "-shm"].reduce(0) { sum, suffix in
            sum + ((try? FileManager.default.attributesOfItem(atPath: database + suffix)[.size] as? Int) ?? 0)
        }

        progress("queries")
        let latencies = try queries(database: database, binary: binary, reference: reference, manifest: manifest,
                                    scratch: folder, notes: &notes)
        progress("db check")
        let check = try Spawn.run([binary, "db", "check", "--db", database], output: folder.appendingPathComponent("db-check.log").path)
        if check.exitCode != 0 { notes.append("bilat db check exited with \(check.exitCode); see \(folder.path)/db-check.log") }

        var report = BenchReport(
            date: Date().formatted(.iso8601), machine: machine,
            corpus: .init(articles: manifest.articles, seed: manifest.seed, folder: corpus.path, textBytes: manifest.textBytes,
                          bytesOnDisk: CorpusFiles.bytes(corpus), meetings: manifest.meetings,
                          repeatReports: manifest.repeatReports, formats: manifest.formats, generateSeconds: generateSeconds),
            extraction: .init(readAndExtract: extraction.total, engineOnly: extraction.engine,
                              meetingsFound: extraction.meetings, unreadable: extraction.failures,
                              peakRSSBytes: Clock.peakRSSBytes()),
            ingest: .init(command: ingestArguments.joined(separator: " "),
                          throughput: Throughput(articles: ingested,
                                                 sentences: extraction.total.sentences * ingested / max(1, extraction.total.articles),
                                                 seconds: ingest.seconds),
                          peakRSSBytes: ingest.peakRSSBytes, exitCode: ingest.exitCode, cpuSeconds: ingest.cpuSeconds,
                          slices: plan.count > 1 ? slices : nil),
            database: .init(bytes: databaseBytes, bytesPerArticle: Double(databaseBytes) / Double(max(1, manifest.articles)),
                            ratioToText: Double(databaseBytes) / Double(max(1, manifest.textBytes))),
            databaseCheck: .init(seconds: check.seconds, exitCode: check.exitCode, peakRSSBytes: check.peakRSSBytes),
            latencies: latencies, notes: notes)
        report.checkTargets()
        print(report.table())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let jsonPath = json ?? folder.appendingPathComponent("bench.json").path
        try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath))
        progress("JSON written to \(jsonPath)")
    }

    func runAdversarial() throws {
        let folder = URL(fileURLWithPath: out ?? "/tmp/bilat-adversarial")
        let reference = try ReferenceData.bundled()
        let sizeList = try sizes.split(separator: ",").map { text -> Int in
            guard let kb = Int(text.trimmingCharacters(in: .whitespaces)), kb > 0 else {
                throw ValidationError("--sizes takes KB counts such as 128,256,512,1024, not '\(text)'")
            }
            return kb * 1024
        }.sorted()
        var all = AdversarialBench.shapes(reference: reference)
        if let shapes {
            let wanted = shapes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = wanted.first(where: { name in !all.contains { $0.name == name } }) {
                throw ValidationError("no shape '\(unknown)'; shapes: \(all.map(\.name).joined(separator: ", "))")
            }
            all = all.filter { wanted.contains($0.name) }
        }
        let binary = bilat ?? URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("bilat").path
        let command = FileManager.default.isExecutableFile(atPath: binary) ? binary : nil
        if command == nil { progress("no bilat binary at \(binary): `bilat extract` not measured") }
        for shape in all { progress("shape \(shape.name): \(shape.summary)") }
        let bench = AdversarialBench(extractor: Extractor(reference: reference), reference: reference, folder: folder,
                                     sizes: sizeList, runs: max(1, runs), budgetSeconds: budget ?? 120, bilat: command)
        let report = try bench.run(shapes: all, progress: progress)
        print(report.table(sizes: sizeList))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let jsonPath = json ?? folder.appendingPathComponent("adversarial.json").path
        try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath))
        progress("JSON written to \(jsonPath); the articles are in \(folder.path)")
    }

    func runOneEvent(_ list: String) throws {
        let sizes = try list.split(separator: ",").map { text -> Int in
            guard let count = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")),
                  count > 0 else {
                throw ValidationError("--one-event takes report counts such as 1000,10000,100000, not '\(text)'")
            }
            return count
        }
        let folder = URL(fileURLWithPath: out ?? "/tmp/bilat-one-event")
        let binary = bilat ?? URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("bilat").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError.missingBinary(binary) }
        let bench = OneEventBench(reference: try ReferenceData.bundled(), binary: binary, folder: folder, seed: seed,
                                  budgetSeconds: budget ?? 1800, ingestBatch: ingestBatch, skipGenerate: skipGenerate,
                                  progress: progress)
        let report = try bench.run(sizes: sizes)
        print(report.table())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let jsonPath = json ?? folder.appendingPathComponent("one-event.json").path
        try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath))
        progress("JSON written to \(jsonPath)")
        guard report.oneMeetingEverywhere else {
            progress("FAILED: the event did not become one meeting (see the notes above)")
            throw ExitCode(1)
        }
    }

    func queries(database: String, binary: String, reference: ReferenceData, manifest: CorpusManifest, scratch: URL,
                 notes: inout [String]) throws -> [LatencyFigures] {
        let bench = try QueryBench(database: database, bilat: binary, reference: reference, scratch: scratch)
        var figures: [LatencyFigures] = []
        let busiest = (manifest.busiestPair ?? "US-CN").split(separator: "-").map(String.init)
        let rare = (manifest.rarePair ?? "US-CN").split(separator: "-").map(String.init)
        figures.append(try bench.meetings(pair: busiest, label: "busiest pair", runs: queryRuns))
        figures.append(try bench.meetings(pair: rare, label: "rare pair", runs: queryRuns))
        figures.append(try bench.meetings(pair: busiest, label: "busiest pair", runs: queryRuns, all: true))
        let window = try bench.exportWindow(target: 10_000)
        let exportRuns = max(3, commandRuns / 6)
        figures.append(try bench.export(window.request, format: .json, events: window.events, runs: exportRuns))
        figures.append(try bench.export(window.request, format: .html, events: window.events, runs: exportRuns))
        let range = ["--from", window.request.from!.iso, "--to", window.request.to!.iso, "--kind", "meeting,agreement"]
        for format in ["json", "html"] {
            let output = scratch.appendingPathComponent("export.\(format)").path
            figures.append(try bench.command(
                "export timeline \(format) (command)",
                ["export", "timeline", "--all", "--db", database, "--format", format, "-o", output] + range,
                runs: exportRuns, note: "\(window.events) events, spawned, start-up included"))
        }
        figures.append(try bench.command(
            "start-up: bilat meetings \(rare.joined(separator: " "))", ["meetings", "--db", database, "--format", "json"] + rare,
            runs: commandRuns, note: "spawned, start-up included"))
        if bench.hasCommand("search") {
            let word = reference.country(named: busiest[0])?.name ?? busiest[0]
            figures.append(try bench.command("search \(word) (command)", ["search", "--db", database, word],
                                             runs: commandRuns, note: "spawned, start-up included"))
        } else {
            notes.append("bilat has no search command at this commit: search not measured")
        }
        return figures
    }

    func progress(_ message: String) {
        FileHandle.standardError.write(Data("bilat-bench: \(message)\n".utf8))
    }
}
