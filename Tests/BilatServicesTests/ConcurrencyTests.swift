import Foundation
import Testing

@Suite("Concurrent use of one database by several processes")
struct ConcurrencyTests {
    @Test("two ingests at once both finish, and queries keep answering meanwhile")
    func twoIngestsAndQueries() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        var feeds: [String] = []
        for side in 0..<2 {
            let lines = (0..<400).map { i in
                #"{"id": "s\#(side)-\#(i)", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, talks \#(side)-\#(i). They discussed trade."}"#
            }
            feeds.append(try folder.write(lines.joined(separator: "\n") + "\n", to: "feed\(side).jsonl").path)
        }
        // The knowledge base exists before the queries start: a query never makes one.
        #expect(try runBilat(["ingest", "-q", "seeds/articles"], database: db).status == 0)

        let first = try startBilat(["ingest", feeds[0]], database: db, keepStderr: true)
        let second = try startBilat(["ingest", feeds[1]], database: db, keepStderr: true)
        var answers: [Int32] = []
        while first.isRunning || second.isRunning {
            answers.append(try runBilat(["meetings", "China", "India", "--format", "csv"], database: db).status)
        }
        first.waitUntilExit()
        second.waitUntilExit()
        let errors = [first, second].map { String(decoding: ($0.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let stats = try runBilat(["db", "export"], database: db)

        #expect(first.terminationStatus == 0, "\(errors[0])")
        #expect(second.terminationStatus == 0, "\(errors[1])")
        #expect(!errors.joined().contains("locked"))
        #expect(!answers.isEmpty && answers.allSatisfy { $0 == 0 }, "\(answers)")
        #expect(stats.stdout.components(separatedBy: "\"table\":\"article\"").count - 1 == 801)
    }

    @Test("processes that make a new database at the same moment all run: one migrates, the others wait or retry")
    func newDatabaseOpenedAtOnce() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<4 {
            let db = folder.appendingPathComponent("kb\(round).sqlite").path
            let processes = try (0..<6).map { _ in
                try startBilat(["ingest", "-q", "seeds/articles"], database: db, keepStderr: true)
            }
            for process in processes { process.waitUntilExit() }
            let errors = processes.map {
                String(decoding: ($0.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "round \(round): \(errors.joined())")
        }
    }
}
