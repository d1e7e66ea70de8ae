import BilatModel
import Foundation
import GRDB
import Testing
@testable import BilatStorage

/// Schema 0010: article text stored compressed, read as plain text through the views.
@Suite struct CompressedTextTests {
    static let long = String(repeating: "China and France met in Paris. They talked about trade and energy. ", count: 20)
        + "Le ministre a parlé à Zürich 🙂. Fin."

    @Test("a text is stored compressed when that is smaller, as it is otherwise, and read back exactly")
    func roundTrip() throws {
        for text in ["", "Short.", "Zürich 🙂 Ωμέγα.", Self.long] {
            let stored = ArticleText.stored(text)
            #expect(stored.size == text.utf8.count)
            if text.utf8.count > 100 { #expect(stored.blob.count < stored.size / 2) }
            if stored.blob.count == stored.size { #expect(stored.blob == Data(text.utf8)) }
            let bytes = try stored.blob.withUnsafeBytes { try ArticleText.bytes($0, size: stored.size) }
            #expect(String(decoding: bytes, as: UTF8.self) == text)
        }
        // A prefix holds the first scalars whole (and no more than a little past them), or the whole text.
        let stored = ArticleText.stored(Self.long)
        let scalars = Array(Self.long.unicodeScalars)
        for count in [0, 1, 10, 300, scalars.count - 6, scalars.count - 1, scalars.count, scalars.count + 5] {
            let bytes = try stored.blob.withUnsafeBytes { try ArticleText.prefix($0, size: stored.size, scalars: count) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Self.long.utf8.starts(with: bytes))
            #expect(text.unicodeScalars.count >= min(count, scalars.count))
            #expect(bytes.count <= min(Self.long.utf8.count, count * 4 + 256 + 4))
        }
        let damaged = Data([0x78, 0x9c, 1, 2, 3, 4])
        #expect(throws: ArticleText.Damaged.self) { try damaged.withUnsafeBytes { try ArticleText.bytes($0, size: 100) } }
    }

    @Test("schema 0010 compresses the text of a schema-8 database; views, search, check and forget still work")
    func migratesSchema8() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let before = try SchemaMigrations.bundledFiles().filter { $0.lastPathComponent < "0010" }
        let first = TestArticle(Self.long, url: "https://example.org/1")
        let second = TestArticle("India and Germany met in Delhi. They signed a pact. Ça va.", url: "https://example.org/2")
        let viewsBefore: [[String]]
        do {
            let store = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: before))
            try store.syncCountries(testCountries)
            try store.pool.write { db in
                try insertSchema8(first, key: 1, firstSentence: 1, db)
                try insertSchema8(second, key: 2, firstSentence: Int64(first.sentences.count) + 1, db)
            }
            viewsBefore = try Self.views(store)
        }
        #expect(viewsBefore.count == first.sentences.count + second.sentences.count)

        let store = try SQLiteStore(path: folder.databasePath)
        #expect(try Self.views(store) == viewsBefore)
        try store.pool.read { db in
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('article')")
            #expect(!columns.contains("text") && columns.contains("text_zlib") && columns.contains("text_size"))
            let rows = try Row.fetchAll(db, sql: "SELECT text_size, length(text_zlib) FROM article ORDER BY key")
            #expect(rows[0][0] as Int == Self.long.utf8.count && (rows[0][1] as Int) < Self.long.utf8.count / 4)
            #expect(try String.fetchAll(db, sql: "SELECT text FROM article_text ORDER BY key")
                    == [first.article.text, second.article.text])
        }
        #expect(try store.integrityProblems() == [])
        #expect(try store.search(SearchQuery(text: "trade")).count == 20)
        #expect(try store.search(SearchQuery(text: "Zurich")).first?.source.sentence == "Le ministre a parlé à Zürich 🙂.")

        // Forgetting takes the article's words out of the index, read from the compressed text.
        try store.forget(articleID: first.article.id)
        #expect(try store.search(SearchQuery(text: "trade")).isEmpty)
        #expect(try store.integrityProblems() == [])
    }

    @Test("the stock sqlite3 shell reads the views as plain text", .enabled(if: Self.tool("sqlite3"), "sqlite3 is not installed"))
    func sqlite3Shell() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try Self.filled(folder)
        let expected = try Self.views(store)
        let shell = try Self.run("sqlite3", ["-separator", "\u{1f}", "-newline", "\u{1e}", folder.databasePath,
                                              "SELECT id, text FROM sentence_text ORDER BY id"])
        #expect(shell == expected.map { $0.joined(separator: "\u{1f}") + "\u{1e}" }.joined())
        let article = try Self.run("sqlite3", [folder.databasePath, "SELECT text FROM article_text"])
        #expect(article == Self.long + "\n")
    }

    @Test("Python's sqlite3 (Datasette) reads the views with the bundled plugin",
          .enabled(if: Self.tool("python3"), "python3 is not installed"))
    func pythonPlugin() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try Self.filled(folder)
        let expected = try Self.views(store)
        let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/datasette-plugins").path
        let script = """
            import sqlite3, sys
            sys.path.insert(0, sys.argv[1])
            import bilat_sqlar
            conn = sqlite3.connect(sys.argv[2])
            bilat_sqlar.prepare_connection(conn)
            for id, text in conn.execute("SELECT id, text FROM sentence_text ORDER BY id"):
                sys.stdout.write(f"{id}\\x1f{text}\\x1e")
            """
        let output = try Self.run("python3", ["-c", script, plugins, folder.databasePath])
        #expect(output == expected.map { $0.joined(separator: "\u{1f}") + "\u{1e}" }.joined())
    }

    @Test("db export writes an article's text as plain text; db import stores it compressed again")
    func exportImport() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try Self.filled(folder)
        var lines: [String] = []
        try store.exportNDJSON { lines.append($0) }
        let article = try #require(lines.first { $0.contains(#""table":"article""#) })
        let row = try #require(try JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: Any])["row"] as? [String: Any]
        #expect(row?["text"] as? String == Self.long)
        #expect(row?["text_zlib"] == nil && row?["text_size"] == nil)

        let copy = try SQLiteStore(path: folder.url.appendingPathComponent("copy/kb.sqlite").path)
        try copy.importNDJSON(lines: lines)
        #expect(try Self.views(copy) == Self.views(store))
        let sizes = try copy.pool.read { db in try Row.fetchOne(db, sql: "SELECT text_size, length(text_zlib) FROM article") }
        #expect(sizes?[0] == Self.long.utf8.count && (sizes?[1] as Int? ?? .max) < Self.long.utf8.count / 4)
    }

    static func filled(_ folder: TestFolder) throws -> SQLiteStore {
        let store = try makeEmptyTestStore(folder)
        let article = TestArticle(long, url: "https://example.org/1")
        _ = try store.save(article.article, facts: article.facts())
        return store
    }

    static func views(_ store: SQLiteStore) throws -> [[String]] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, text FROM sentence_text ORDER BY id").map { [String($0[0] as Int64), $0[1]] }
        }
    }

    static func tool(_ name: String) -> Bool { (try? run("sh", ["-c", "command -v \(name)"])) != nil }

    /// Runs a tool; its stdout, or an error when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Stores an article and its sentences (full-text rows included) as schema 8 held them, without the
/// writer, which writes the current schema.
func insertSchema8(_ given: TestArticle, key: Int64, firstSentence: Int64, _ db: Database) throws {
    try db.execute(sql: """
        INSERT INTO article(key, id, url, source, title, published, ingested_at, text, first_sentence, sentence_count)
        VALUES (?, ?, ?, ?, ?, ?, '2025-10-15T00:00:00Z', ?, ?, ?)
        """, arguments: [key, given.article.id, given.article.url, given.article.source, given.article.title,
                         given.article.published?.iso, given.article.text, firstSentence, given.sentences.count])
    for (offset, sentence) in given.sentences.enumerated() {
        let id = firstSentence + Int64(offset)
        try db.execute(sql: "INSERT INTO sentence(id, article_key, start_offset, end_offset) VALUES (?, ?, ?, ?)",
                       arguments: [id, key, sentence.span.start, sentence.span.end])
        try db.execute(sql: "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)", arguments: [id, sentence.text])
    }
}
