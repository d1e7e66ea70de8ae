import BilatCorpusGenerator
import Foundation
import Testing

@Suite("Crash safety: SIGKILL during ingest")
struct CrashSafetyTests {
    @Test("after each kill every article is whole or absent, and the ingest run again completes the set")
    func killedIngests() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let count = 1200
        let lines = (0..<count).map { i in
            #"{"id": "k\#(i)", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, round \#(i). The two leaders discussed trade, energy and border peace. Xi said both sides should be partners."}"#
        }
        let feed = try folder.write(lines.joined(separator: "\n") + "\n", to: "feed.jsonl")
        var generator = SplitMix64(seed: 2026)
        var storedCounts: [Int] = []

        for run in 0..<6 {
            // Every other run commits 50 articles at a time (a savepoint an article).
            let process = try startBilat(["ingest"] + (run % 2 == 1 ? ["--batch", "50"] : []) + [feed.path], database: db)
            Thread.sleep(forTimeInterval: 0.15 + Double(generator.next() % 700) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let stored = try ArticleCompleteness.check(database: db)
            #expect(stored.incomplete.isEmpty, "articles without their sentences: \(stored.incomplete)")
            storedCounts.append(stored.articles)
        }
        let final = try runBilat(["ingest", feed.path], database: db)
        let stored = try ArticleCompleteness.check(database: db)

        #expect(final.status == 0, "\(final.stderr)")
        #expect(stored.articles == count, "stored after each kill: \(storedCounts)")
        #expect(stored.incomplete.isEmpty)
    }
}

/// Reads a knowledge base through `bilat db export` and finds articles stored without their sentences.
enum ArticleCompleteness {
    static func check(database: String) throws -> (articles: Int, incomplete: Set<String>) {
        let export = try runBilat(["db", "export"], database: database)
        var articles: [Int: String] = [:]
        var withSentences = Set<Int>()
        for line in export.stdout.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let table = object["table"] as? String, let row = object["row"] as? [String: Any] else { continue }
            if table == "article", let key = row["key"] as? Int, let id = row["id"] as? String { articles[key] = id }
            if table == "sentence", let key = row["article_key"] as? Int { withSentences.insert(key) }
        }
        return (articles.count, Set(articles.filter { !withSentences.contains($0.key) }.values))
    }
}
