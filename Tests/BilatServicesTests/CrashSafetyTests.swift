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
        let feed = try folder.write(ArticleCompleteness.feed(count), to: "feed.jsonl")
        // Every other run commits 50 articles at a time (a savepoint an article).
        let storedCounts = try ArticleCompleteness.killedIngests(of: feed, database: db, runs: 6, seed: 2026,
                                                                 pauseMilliseconds: 150..<850, batch: 50)
        let final = try runBilat(["ingest", feed.path], database: db)
        let stored = try ArticleCompleteness.check(database: db)

        #expect(final.status == 0, "\(final.stderr)")
        #expect(stored.articles == count, "stored after each kill: \(storedCounts)")
        #expect(stored.incomplete.isEmpty)
    }
}

/// Reads a knowledge base through `bilat db export` and finds articles stored without their sentences.
enum ArticleCompleteness {
    /// A feed of `count` reports of one meeting, each a new article.
    static func feed(_ count: Int) -> String {
        (0..<count).map { i in
            #"{"id": "k\#(i)", "published": "2024-10-23", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, round \#(i). The two leaders discussed trade, energy and border peace. Xi said both sides should be partners."}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Starts `bilat ingest FEED` `runs` times (every other run with `--batch BATCH`), each killed with
    /// SIGKILL after a random pause, and expects every article stored after each kill to be whole, and
    /// `afterEach` to hold; returns the number of articles stored after each kill.
    static func killedIngests(of feed: URL, database: String, runs: Int, seed: UInt64, pauseMilliseconds: Range<UInt64>,
                              batch: Int, afterEach: () throws -> Void = {}) throws -> [Int] {
        var generator = SplitMix64(seed: seed)
        var storedCounts: [Int] = []
        for run in 0..<runs {
            let process = try startBilat(["ingest"] + (run % 2 == 1 ? ["--batch", String(batch)] : []) + [feed.path],
                                         database: database)
            let pause = pauseMilliseconds.lowerBound + generator.next() % UInt64(pauseMilliseconds.count)
            Thread.sleep(forTimeInterval: Double(pause) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let stored = try check(database: database)
            #expect(stored.incomplete.isEmpty, "articles without their sentences: \(stored.incomplete)")
            storedCounts.append(stored.articles)
            try afterEach()
        }
        return storedCounts
    }

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
