import BilatModel
import Foundation
import GRDB
import Testing
@testable import BilatStorage

@Suite("db check, db import and forget: linear in one article's sentences; db check read-only, the index against the text")
struct IntegrityCheckTests {
    /// One article of 8 MB whose 20,000 sentences ("A b.") come after 8,000,000 other scalars. The old
    /// check took `length()` of the whole text once a sentence, the old import `substr` of it (each
    /// loading the 8 MB and walking them to the sentence): 20,000 × 8 MB, minutes either way (at about
    /// 1 GB/s, the rate of the figures). Each text is read once now.
    static func longArticle() -> (article: Article, facts: ArticleFacts) {
        let count = 20_000
        let filler = 8_000_000
        let text = String(repeating: "z", count: filler) + " " + String(repeating: "A b. ", count: count)
        let sentences = (0..<count).map {
            Sentence(index: $0, span: SourceSpan(start: filler + 1 + $0 * 5, end: filler + 1 + $0 * 5 + 4), text: "A b.")
        }
        return (Article(id: "long", title: "Long", text: text), ArticleFacts(sentences: sentences))
    }

    @Test("db check of an 8 MB article of 20,000 sentences takes seconds, not minutes", .timeLimit(.minutes(1)))
    func checkIsLinear() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let long = Self.longArticle()
        _ = try store.save(long.article, facts: long.facts)

        #expect(try store.integrityProblems() == [])
    }

    /// A summit's thousands of reports share one bucket (pair, mode, year): a recount that reached
    /// each report's partners through the bucket index read the whole bucket once a report (over 4
    /// minutes at 468,000 articles where by article it takes 6 s). The planner chose the bucket index
    /// (three equal columns against one), so the plan is what is checked.
    @Test("the group-link recount finds a report's partners through its article, never by scanning its bucket")
    func linkRecountByArticle() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let recount = try #require(IntegrityRules.groups.first { $0.check == "group-links" }?.sql)
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + recount).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.hasPrefix("SEARCH b USING") && $0.contains("(article_key=?)") }, "\(plan)")
        #expect(!plan.contains { $0.contains("meeting_mention_by_bucket") }, "\(plan)")
    }

    @Test("db import of an 8 MB article of 20,000 sentences takes seconds, not minutes; its sentences are searchable",
          .timeLimit(.minutes(1)))
    func importIsLinear() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let long = Self.longArticle()
        _ = try store.save(long.article, facts: long.facts)
        var lines: [String] = []
        try store.exportNDJSON { lines.append($0) }
        let copy = try SQLiteStore(path: folder.url.appendingPathComponent("copy.sqlite").path)

        try copy.importNDJSON(lines: lines)

        let matches = try copy.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'b'")
        }
        #expect(matches == 20_000)
        #expect(try copy.integrityProblems() == [])
    }

    @Test("forgetting an 8 MB article of 20,000 sentences takes seconds, not minutes; the index keeps none of its words",
          .timeLimit(.minutes(1)))
    func forgetIsLinear() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let long = Self.longArticle()
        let other = TestArticle("China and France met in Paris. They talked about trade.", url: "https://example.org/1")
        _ = try store.save(long.article, facts: long.facts)
        _ = try store.save(other.article, facts: other.facts())

        try store.forget(articleID: long.article.id)

        let (matches, sentences) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'b OR trade'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence"))
        }
        #expect(matches == 1)
        #expect(sentences == 2)
        #expect(try store.integrityProblems() == [])
    }

    @Test("db check holds no lock a writer waits for: articles saved from another connection during each check commit")
    func checkLetsWritersGoOn() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let given = TestArticle("China and France met in Paris. They talked about trade.", url: "https://example.org/1")
        _ = try store.save(given.article, facts: given.facts())
        // Another connection, as another process's ingest would be; it does not wait for a lock.
        let writer = try DatabaseQueue(path: folder.databasePath)
        var saved = 0

        let problems = try store.integrityProblems(between: { check in
            saved += 1
            try writer.write { db in
                var derived = DerivedWrites()
                let next = TestArticle("France and Germany met after \(check), \(saved).", url: "https://example.org/w\(saved)")
                let connection = SQLiteWriteConnection(db: db)
                _ = try ArticleWriter(db: connection).save(next.article, facts: next.facts(), ingestedAt: "2026-01-01",
                                                           derived: &derived)
                try derived.apply(connection)
            }
        })

        #expect(problems == [])
        #expect(saved > 10)
        #expect(try store.articleCount() == 1 + saved)
        #expect(try store.integrityProblems() == [])
    }

    @Test("db check finds an article text changed under the full-text index, naming the sentences it can")
    func fullTextAgainstText() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let first = TestArticle("China and France met in Paris. They talked about trade.", url: "https://example.org/1")
        let second = TestArticle("India and Germany met in Delhi. They signed a pact.", url: "https://example.org/2")
        _ = try store.save(first.article, facts: first.facts())
        _ = try store.save(second.article, facts: second.facts())
        #expect(try store.integrityProblems() == [])

        // Same length, other words: only the index's words tell.
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE article SET text_zlib = sqlar_compress(CAST(replace(CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT),
                    'Paris', 'Lyons') AS BLOB)) WHERE id = ?
                """,
                           arguments: [first.article.id])
        }
        #expect(try store.integrityProblems().map(\.check) == ["fts-content"])

        // A word more in a sentence, the text as long: its count tells which.
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE article SET text_zlib = sqlar_compress(CAST(replace(CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT),
                    'a pact', 'a b cd') AS BLOB)) WHERE id = ?
                """,
                           arguments: [second.article.id])
        }
        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["fts-sentence", "fts-content"])
        #expect(problems.first?.detail == "sentence 4 of article \(second.article.id): 4 words indexed, 5 in its text")
    }

    @Test("the index check agrees with FTS5 on long words, long sentences, diacritics and astral scalars")
    func fullTextEdgeCases() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let longWord = String(repeating: "w", count: 40_000)  // FTS5 indexes its first 32,768 bytes
        let longSentence = (0..<300).map { "word\($0)" }.joined(separator: " ")  // a docsize varint of two bytes
        let text = "Erdoğan met Café Naïve in Zürich 🌍 today. \(longWord) ends here. \(longSentence). 東京 and Ελλάδα."
        let given = TestArticle(text, url: "https://example.org/edge")
        _ = try store.save(given.article, facts: given.facts())

        #expect(try store.integrityProblems() == [])
        let found = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'erdogan'")
        }
        #expect(found == 1)
    }
}
