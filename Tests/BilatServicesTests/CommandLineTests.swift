import Foundation
import Testing

/// Runs the built `bilat` binary, as a user would.
struct BilatRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runBilat(_ arguments: [String], database: String, stdin: String? = nil,
              executable: String? = nil) throws -> BilatRun {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("bilat") }
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: products.path + "/bilat"])
    }
    let process = Process()
    process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["BILAT_DB"] = database
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return BilatRun(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                    stderr: String(decoding: stderrData, as: UTF8.self))
}

@Suite("The bilat command, end to end")
struct CommandLineTests {
    @Test("ingesting the seeds lists exactly the two China–Canada meetings")
    func seedsEndToEnd() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path

        let ingest = try runBilat(["ingest", "seeds/articles"], database: db)
        let again = try runBilat(["ingest", "seeds/articles"], database: db)
        let meetings = try runBilat(["meetings", "China", "Canada", "--format", "json"], database: db)

        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("1 new"))
        #expect(again.stderr.contains("0 new, 1 unchanged"))
        #expect(meetings.status == 0)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(meetings.stdout.utf8)) as? [[String: Any]])
        let found = Set(rows.map { "\($0["date"] as? String ?? "") \($0["place"] as? String ?? "")" })
        #expect(found == ["2026-01-16 Beijing", "2025-10 Gyeongju"])
        for row in rows {
            #expect(row["countries"] as? [String] == ["CA", "CN"])
            #expect(row["participants"] as? [String] == ["Mark Carney", "Xi Jinping"])
            #expect(row["mode"] as? String == "in_person")
        }
    }

    @Test("meetings shows the newest --limit meetings and says on stderr that there are more; --all shows every one")
    func meetingsLimit() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        _ = try runBilat(["ingest", "seeds/articles"], database: db)

        let one = try runBilat(["meetings", "China", "Canada", "--format", "json", "--limit", "1"], database: db)
        let all = try runBilat(["meetings", "China", "Canada", "--format", "json", "--all"], database: db)
        let page = try runBilat(["meetings", "China", "Canada", "--format", "json"], database: db)
        let zero = try runBilat(["meetings", "China", "Canada", "--limit", "0"], database: db)

        let first = try #require(JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])
        #expect(one.status == 0)
        #expect(first.map { $0["date"] as? String } == ["2026-01-16"])
        #expect(one.stderr.contains("showing the newest meeting; there are more"))
        let every = try #require(JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(every.count == 2)
        #expect(!all.stderr.contains("there are more"))
        #expect(!page.stderr.contains("there are more"))
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--limit"))
    }

    @Test("show meeting gives each source sentence with offsets into the article")
    func showMeeting() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        _ = try runBilat(["ingest", "seeds/articles"], database: db)
        let list = try runBilat(["meetings", "CN", "CA", "--format", "json"], database: db)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? Int)

        let show = try runBilat(["show", "meeting", String(id), "--json"], database: db)

        #expect(show.status == 0)
        let detail = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let sources = try #require(detail["sources"] as? [[String: Any]])
        #expect(!sources.isEmpty)
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/articles/china-canada-2026-01-16.txt"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        for source in sources {
            let span = try #require(source["span"] as? [String: Int])
            let slice = String(String.UnicodeScalarView(scalars[span["start"]!..<span["end"]!]))
            #expect(slice == source["sentence"] as? String)
        }
    }

    @Test("show meeting says when its sources give different days, and which articles said what")
    func showMeetingDateConflict() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let lines = [("a", "2024-10-23", "met", "Wednesday"), ("b", "2024-10-24", "met", "Tuesday"),
                     ("c", "2024-10-24", "held talks with", "Wednesday")]
            .map { id, published, verb, day in
                #"{"id": "\#(id)", "published": "\#(published)", "text": "KAZAN - Chinese President Xi Jinping \#(verb) Indian Prime Minister Narendra Modi in Kazan on \#(day)."}"#
            }
        let feed = try folder.write(lines.joined(separator: "\n") + "\n", to: "feed.jsonl")
        _ = try runBilat(["ingest", feed.path], database: db)

        let text = try runBilat(["show", "meeting", "1"], database: db)
        let json = try runBilat(["show", "meeting", "1", "--json"], database: db)

        #expect(text.stdout.contains("date:         2024-10-23 (day precision)"))
        #expect(text.stdout.contains("Reported as (sources differ on date):"))
        #expect(text.stdout.contains("- 2024-10-22, Kazan, held: 1 article"))
        let detail = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(detail["conflicts"] as? [String] == ["date"])
        let reports = try #require(detail["reports"] as? [[String: Any]])
        #expect(reports.map { $0["date"] as? String } == ["2024-10-23", "2024-10-22"])
        #expect(reports.map { ($0["article_ids"] as? [String])?.count } == [2, 1])
    }

    @Test("extract prints one gold-schema line per article, for files, feeds and folders, and stores nothing")
    func extractCommand() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = repositoryRoot.appendingPathComponent("seeds/articles/china-canada-2026-01-16.txt").path
        let dev = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/dev").path
        let feed = try folder.write(#"{"id": "f1", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday."}"# + "\n", to: "feed.jsonl")

        let one = try runBilat(["extract", seed, "--json"], database: folder.appendingPathComponent("kb.sqlite").path)
        let lines = try runBilat(["extract", feed.path, dev, "--json"], database: folder.appendingPathComponent("kb.sqlite").path)

        #expect(one.status == 0, "\(one.stderr)")
        let seedFacts = try #require(JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((seedFacts["meetings"] as? [Any])?.count == 2)
        #expect((seedFacts["areas"] as? [Any])?.count == 13)
        #expect(lines.status == 0, "\(lines.stderr)")
        let objects = lines.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let devArticles = try FileManager.default.contentsOfDirectory(atPath: dev).filter {
            $0.hasSuffix(".txt") || $0.hasSuffix(".md")
        }.count
        let devFeedLines = try FileManager.default.contentsOfDirectory(atPath: dev).filter { $0.hasSuffix(".jsonl") }
            .map { try String(contentsOfFile: dev + "/" + $0, encoding: .utf8).split(separator: "\n").count }.reduce(0, +)
        #expect(objects.count == 1 + devArticles + devFeedLines)
        #expect(objects.first?["id"] as? String == "f1")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kb.sqlite").path))
    }

    @Test("usage errors and unknown countries exit 64 with the closest names; missing input exits 66")
    func exitCodes() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ingestedDatabase(in: folder, paths: ["seeds/articles"])

        let unknown = try runBilat(["meetings", "Canadda", "China"], database: db)
        let missing = try runBilat(["ingest", "no/such/folder"], database: db)
        let usage = try runBilat(["meetings"], database: db)

        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Canada"))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no/such/folder"))
        #expect(usage.status == 64)
    }

    @Test("an article on stdin goes in")
    func standardInput() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/articles/china-canada-2026-01-16.txt"), encoding: .utf8)

        let run = try runBilat(["ingest", "-"], database: db, stdin: text)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 new"))
    }

    @Test("Ctrl-C stops an ingest between articles with exit 130; running it again completes the set")
    func interrupt() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let lines = (0..<1500).map { i in
            #"{"id": "a\#(i)", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday for talks number \#(i)."}"#
        }
        let feed = try folder.write(lines.joined(separator: "\n") + "\n", to: "feed.jsonl")

        let process = try startBilat(["ingest", feed.path], database: db)
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let again = try runBilat(["ingest", feed.path], database: db)

        #expect([130, 0].contains(process.terminationStatus))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("failed") && again.stderr.contains(" 0 failed"))
        let counts = again.stderr.components(separatedBy: CharacterSet.decimalDigits.inverted).compactMap(Int.init)
        #expect(counts.count >= 2 && counts[0] + counts[1] == 1500, "\(again.stderr)")
    }

    @Test("a full disk stops the ingest with one clear message and exit 1, keeping the database sound")
    func fullDisk() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let lines = (0..<300).map { i in
            #"{"id": "a\#(i)", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday for talks number \#(i)."}"#
        }
        let feed = try folder.write(lines.joined(separator: "\n") + "\n", to: "feed.jsonl")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bilat")
        _ = try runBilat(["countries", "--format", "csv"], database: db)

        // A file size limit of 400 KiB stands in for a full disk (SIGXFSZ ignored, so writes fail with EFBIG).
        let full = try runBilat(["-c", "trap '' XFSZ; ulimit -f 400; exec \"$0\" ingest \"$1\" --db \"$2\"",
                                 binary.path, feed.path, db], database: db, executable: "/bin/bash")
        let after = try runBilat(["meetings", "CN", "IN", "--format", "json"], database: db)

        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("disk is full"))
        #expect(full.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bilat:") }.count == 1)
        #expect(after.status == 0)
    }
}

/// Starts `bilat` without waiting for it; its stdout is discarded, its stderr kept in a Pipe when asked.
func startBilat(_ arguments: [String], database: String, keepStderr: Bool = false) throws -> Process {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let process = Process()
    process.executableURL = products.appendingPathComponent("bilat")
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["BILAT_DB"] = database
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = keepStderr ? Pipe() : FileHandle.nullDevice
    try process.run()
    return process
}
