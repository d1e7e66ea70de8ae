import BilatModel
import Foundation
import GRDB
import Testing
@testable import BilatStorage

@Suite("Migrations")
struct MigrationTests {
    /// A database in `folder` holding one article, its store closed again.
    static func storeOneArticle(in folder: TestFolder) throws -> TestArticle {
        let given = TestArticle("China and France met. They talked.")
        let store = try makeEmptyTestStore(folder)
        _ = try store.save(given.article, facts: given.facts())
        return given
    }

    @Test("a new database gets every bundled migration, WAL mode and foreign keys")
    func newDatabase() throws {
        let folder = try TestFolder()
        defer { folder.remove() }

        let store = try SQLiteStore(path: folder.databasePath)

        let files = try SchemaMigrations.bundledFiles().map { $0.deletingPathExtension().lastPathComponent }
        #expect(try store.appliedMigrations() == files)
        #expect(files.first == "0001_initial")
        let (journal, foreignKeys) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
    }

    @Test("reopening keeps the data and applies nothing twice")
    func reopen() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let given = try Self.storeOneArticle(in: folder)

        let reopened = try SQLiteStore(path: folder.databasePath)

        #expect(try reopened.articleCount() == 1)
        #expect(try reopened.containsArticle(id: given.article.id))
        let recorded = try reopened.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations")
        }
        let bundled = try SchemaMigrations.bundledFiles().count
        #expect(recorded == bundled)
    }

    @Test("a database from an older binary gets only the migrations it lacks")
    func appliesOnlyMissing() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let files = try SchemaMigrations.bundledFiles()
        let older = try SchemaMigrations.migrator(files: [files[0]])
        do {
            // An article as version 1 stored it (the code of that version wrote these rows).
            let store = try SQLiteStore(path: folder.databasePath, migrator: older)
            try store.syncCountries(testCountries)
            try store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO article(id, ingested_at, text) VALUES ('cccc3333', '2025-01-01T00:00:00Z', 'China and France met.');
                    INSERT INTO sentence(article_id, position, start_offset, end_offset, text)
                        VALUES ('cccc3333', 0, 0, 21, 'China and France met.');
                    """)
            }
        }
        var newer = try SchemaMigrations.migrator(files: files)
        newer.registerMigration("9999_test_extra") { db in
            try db.execute(sql: "INSERT INTO country(code, alpha3, name) VALUES ('ZZ', 'ZZZ', 'Testland')")
        }

        let store = try SQLiteStore(path: folder.databasePath, migrator: newer)

        #expect(try store.articleCount() == 1)
        let (applied, extraRows) = try store.pool.read { db in
            (try newer.appliedMigrations(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM country WHERE code = 'ZZ'"))
        }
        #expect(applied == newer.migrations)
        #expect(extraRows == 1)
        #expect(try store.containsArticle(id: "cccc3333"))
        #expect(try store.integrityProblems() == [])
    }

    @Test("schema 0007: source links become primary-key tables without a sentence index; NULL sentences become 0, once")
    func compactSourceLinks() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let files = try SchemaMigrations.bundledFiles()
        let upTo6 = files.filter { $0.lastPathComponent < "0007" }
        #expect(upTo6.count == 6)
        let given = TestArticle("China and France met. They talked.")
        do {
            let store = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: upTo6))
            try store.syncCountries(testCountries)
            // Links as version 6 allowed them: a UNIQUE index lets two NULL sentences through.
            try store.pool.write { db in
                try insertBeforeSchema8(given, key: 1, firstSentence: 1, db)
                try db.execute(sql: """
                    INSERT INTO official(id, name, country) VALUES (1, 'Xi Jinping', 'CN');
                    INSERT INTO official_source(official_id, article_key, sentence_id) VALUES (1, 1, NULL), (1, 1, NULL), (1, 1, 1);
                    INSERT INTO article_area(article_key, area, sentence_id) VALUES (1, 'trade', NULL), (1, 'trade', 2);
                    """)
            }
        }

        let store = try SQLiteStore(path: folder.databasePath)

        try store.pool.read { db in
            #expect(try Int64.fetchAll(db, sql: "SELECT sentence_id FROM official_source ORDER BY sentence_id") == [0, 1])
            #expect(try Int64.fetchAll(db, sql: "SELECT sentence_id FROM article_area ORDER BY sentence_id") == [0, 2])
            for table in ["official_source", "meeting_source", "meeting_mention_source", "article_area",
                          "article_organization", "agreement_source"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
                #expect(sql.contains("WITHOUT ROWID"), "\(table)")
                let indexed = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?)", arguments: [table])
                #expect(!indexed.contains { $0.hasSuffix("_by_sentence") }, "\(table): \(indexed)")
            }
        }
        #expect(try store.integrityProblems() == [])
        try store.forget(articleID: given.article.id)
        let left = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM official_source"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM article_area"))
        }
        #expect(left.0 == 0 && left.1 == 0)
    }

    @Test("db check finds a link whose sentence is not in the link's article")
    func linkSentenceCheck() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let first = TestArticle("China and France met. They talked.", url: "https://example.org/1")
        let second = TestArticle("Japan and Korea met.", url: "https://example.org/2")
        _ = try store.save(first.article, facts: first.facts())
        _ = try store.save(second.article, facts: second.facts())
        #expect(try store.integrityProblems() == [])

        try store.pool.write { db in
            let secondKey = try Int64.fetchOne(db, sql: "SELECT key FROM article WHERE id = ?", arguments: [second.article.id])!
            let firstSentence = try Int64.fetchOne(db, sql: """
                SELECT s.id FROM sentence s JOIN article a ON a.key = s.article_key WHERE a.id = ?
                """, arguments: [first.article.id])!
            try db.execute(sql: "INSERT INTO article_area(article_key, area, sentence_id) VALUES (?, 'trade', ?)",
                           arguments: [secondKey, firstSentence])
        }

        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["link-sentence"])
        #expect(problems.first?.detail.hasPrefix("article_area trade: sentence") == true)
    }

    @Test("schema 0008: sentences keep their ids and text, articles record their range, the index is gone")
    func sentenceRanges() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let upTo7 = try SchemaMigrations.bundledFiles().filter { $0.lastPathComponent < "0008" }
        #expect(upTo7.count == 7)
        let first = TestArticle("China and France met in Paris. They talked about trade.", url: "https://example.org/1")
        let second = TestArticle("Japan and Korea met. Trade grew. Both sides spoke.", url: "https://example.org/2")
        let empty = TestArticle("China.", url: "https://example.org/3")
        let sentencesBefore: [[String]]
        do {
            let store = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: upTo7))
            try store.syncCountries(testCountries)
            try store.pool.write { db in
                try insertBeforeSchema8(first, key: 1, firstSentence: 1, db)
                try insertBeforeSchema8(second, key: 2, firstSentence: 3, db)
                try insertBeforeSchema8(empty, key: 3, firstSentence: 6, sentences: false, db)
            }
            sentencesBefore = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, article_key, position, text FROM sentence_text ORDER BY id")
                    .map { row in [String(row[0] as Int64), String(row[1] as Int64), String(row[2] as Int64), row[3]] }
            }
        }
        #expect(sentencesBefore.count == 5)

        let store = try SQLiteStore(path: folder.databasePath)
        try store.pool.read { db in
            let after = try Row.fetchAll(db, sql: "SELECT id, article_key, position, text FROM sentence_text ORDER BY id")
                .map { row in [String(row[0] as Int64), String(row[1] as Int64), String(row[2] as Int64), row[3]] }
            #expect(after == sentencesBefore)
            let ranges = try Row.fetchAll(db, sql: "SELECT first_sentence, sentence_count FROM article ORDER BY key")
                .map { [$0[0] as Int64, $0[1] as Int64] }
            #expect(ranges == [[1, 2], [3, 3], [0, 0]])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('sentence')") == [])
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('sentence')")
            #expect(columns == ["id", "article_key", "start_offset", "end_offset"])
        }
        #expect(try store.integrityProblems() == [])
        #expect(try store.search(SearchQuery(text: "trade")).count == 2)

        // A new article's sentences follow the last ones; forgetting an article takes its range only.
        let third = TestArticle("France and Japan met. Trade was discussed.", url: "https://example.org/4")
        _ = try store.save(third.article, facts: third.facts())
        try store.forget(articleID: second.article.id)
        let (ids, matches) = try store.pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM sentence ORDER BY id"),
             try Int64.fetchAll(db, sql: "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH 'trade' ORDER BY rowid"))
        }
        #expect(ids == [1, 2, 6, 7])
        #expect(matches == [2, 7])
        #expect(try store.integrityProblems() == [])
    }

    @Test("schema 0008 refuses a database whose article has sentence ids that are not consecutive")
    func sentenceRangesRefuseGaps() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let upTo7 = try SchemaMigrations.bundledFiles().filter { $0.lastPathComponent < "0008" }
        do {
            let store = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: upTo7))
            try store.syncCountries(testCountries)
            try store.pool.write { db in
                try insertBeforeSchema8(TestArticle("China and France met. They talked."), key: 1, firstSentence: 1, db)
                try db.execute(sql: "UPDATE sentence SET id = 10 WHERE id = 2")
            }
        }
        #expect {
            _ = try SQLiteStore(path: folder.databasePath)
        } throws: { error in
            "\(error)".contains("each article's sentence ids are consecutive")
        }
    }

    @Test("db check finds a sentence outside its article's range and a range that lost a sentence")
    func sentenceRangeChecks() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let given = TestArticle("China and France met. They talked.", url: "https://example.org/1")
        _ = try store.save(given.article, facts: given.facts())
        #expect(try store.integrityProblems() == [])
        try store.pool.write { db in
            try db.execute(sql: "UPDATE article SET sentence_count = 1")
        }
        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["sentence-range"])
        #expect(problems.first?.detail.contains("outside the article's sentences 1..1") == true)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE article SET sentence_count = 3")
        }
        #expect(try store.integrityProblems().map(\.check) == ["sentence-count"])
    }

    @Test("a database from a newer bilat is refused with a message naming the migration")
    func refusesNewerDatabase() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        do {
            let store = try SQLiteStore(path: folder.databasePath)
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('0099_from_the_future')")
            }
        }

        let error = #expect(throws: StorageError.self) {
            _ = try SQLiteStore(path: folder.databasePath)
        }

        #expect(error?.description.contains("0099_from_the_future") == true)
        #expect(error?.description.contains("upgrade bilat") == true)
    }

    @Test("opening creates the missing parent folder")
    func createsFolder() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("a/b/c/bilat.sqlite").path

        _ = try SQLiteStore(path: path)

        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("opened to read only, a current database answers and is not written; an older one asks to be upgraded first")
    func readingOnly() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        _ = try Self.storeOneArticle(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.databasePath))

        let reader = try SQLiteStore(readingOnly: folder.databasePath)
        #expect(try reader.articleCount() == 1)
        #expect(throws: (any Error).self) { try reader.pool.write { db in try db.execute(sql: "DELETE FROM article") } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.databasePath)) == before)

        let older = folder.databasePath + ".v1.sqlite"
        _ = try SQLiteStore(path: older, migrator: SchemaMigrations.migrator(files: [try SchemaMigrations.bundledFiles()[0]]))
        #expect {
            _ = try SQLiteStore(readingOnly: older)
        } throws: { error in
            guard case StorageError.needsUpgrade(let path) = error else { return false }
            return path == older && "\(error)".contains("older bilat")
        }
    }
}

/// Stores an article and its sentences (full-text rows included) as schemas 3 to 7 held them, without
/// the writer, which writes the current schema.
func insertBeforeSchema8(_ given: TestArticle, key: Int64, firstSentence: Int64, sentences: Bool = true,
                         _ db: Database) throws {
    try db.execute(sql: """
        INSERT INTO article(key, id, url, source, title, published, ingested_at, text)
        VALUES (?, ?, ?, ?, ?, ?, '2025-10-15T00:00:00Z', ?)
        """, arguments: [key, given.article.id, given.article.url, given.article.source, given.article.title,
                         given.article.published?.iso, given.article.text])
    guard sentences else { return }
    for (offset, sentence) in given.sentences.enumerated() {
        let id = firstSentence + Int64(offset)
        try db.execute(sql: "INSERT INTO sentence(id, article_key, position, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, key, sentence.index, sentence.span.start, sentence.span.end])
        try db.execute(sql: "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)", arguments: [id, sentence.text])
    }
}
