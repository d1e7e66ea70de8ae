import BilatModel
import Foundation
import GRDB
@testable import BilatPostgres
import Testing
@testable import BilatStorage

/// A fresh folder per test, removed by the caller's `defer`.
struct TestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("bilat-storage-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var databasePath: String { url.appendingPathComponent("db/bilat.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A store in a new folder, with the reference countries the tests use.
func makeEmptyTestStore(_ folder: TestFolder) throws -> SQLiteStore {
    let store = try SQLiteStore(path: folder.databasePath)
    try store.syncCountries(testCountries)
    return store
}

/// The backends a storage test that goes through the repository protocols runs on: SQLite, and
/// PostgreSQL when a test server is given ($BILAT_TEST_POSTGRES_URL, which `.ci/run` sets; without it
/// the PostgreSQL cases are not generated, and the services suites report the server missing).
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let server: PostgresURL? = ProcessInfo.processInfo.environment["BILAT_TEST_POSTGRES_URL"]
        .flatMap { try? PostgresURL($0) }

    static var available: [StorageBackend] { server == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new, empty store of this backend with the test countries, and what removes it.
    func makeStore(_ folder: TestFolder) throws -> (store: any ArticleStore & RelationsQueries & KnowledgeBaseMaintenance,
                                                    drop: () -> Void) {
        switch self {
        case .sqlite:
            return (try makeEmptyTestStore(folder), {})
        case .postgres:
            let server = try #require(Self.server)
            let name = "bilat_s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let url = try PostgresStore.makeEmptyDatabase(String(name), besides: server)
            let store = try PostgresStore(url: url)
            try store.syncCountries(testCountries)
            return (store, { try? PostgresSession(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }
}

let testCountries = [
    Country(code: "CN", alpha3: "CHN", name: "China"),
    Country(code: "US", alpha3: "USA", name: "United States"),
    Country(code: "FR", alpha3: "FRA", name: "France"),
    Country(code: "DE", alpha3: "DEU", name: "Germany"),
    Country(code: "IN", alpha3: "IND", name: "India"),
]

/// An article whose sentences are its `. `-separated parts, with scalar offsets.
struct TestArticle {
    var article: Article
    var sentences: [Sentence]

    init(_ text: String, url: String? = nil, externalID: String? = nil, published: String? = "2025-10-15",
         title: String? = "A title") {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            let atEnd = i == scalars.count - 1
            if scalars[i] == "." && (atEnd || scalars[i + 1] == " ") || atEnd {
                let end = i + 1
                var body = String.UnicodeScalarView()
                body.append(contentsOf: scalars[start..<end])
                sentences.append(Sentence(index: sentences.count, span: SourceSpan(start: start, end: end),
                                          text: String(body)))
                start = end + 1
                i = end
            }
            i += 1
        }
        self.sentences = sentences
        article = Article(id: TestArticle.hash(text), externalID: externalID, url: url, source: "Test Wire",
                          title: title, published: published.flatMap(PartialDate.init(iso:)), text: text)
    }

    /// The span of the first sentence containing `needle`.
    func span(of needle: String) -> SourceSpan {
        sentences.first { $0.text.contains(needle) }!.span
    }

    func facts(meetings: [Meeting] = [], officials: [Official] = [], areas: [CooperationArea] = [],
               organizations: [Organization] = [], agreements: [Agreement] = [], statements: [BilatModel.Statement] = [],
               countries: [String] = []) -> ArticleFacts {
        ArticleFacts(published: article.published, sentences: sentences, meetings: meetings, officials: officials,
                     areas: areas, organizations: organizations, agreements: agreements, statements: statements,
                     countries: countries)
    }

    /// FNV-1a over the scalars: a stable stand-in for the SHA-256 the extractor computes.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.unicodeScalars {
            h ^= UInt64(scalar.value)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }
}

func date(_ iso: String) -> PartialDate { PartialDate(iso: iso)! }

/// Row counts of every plain table, to prove a save changed nothing.
/// Rows in each of bilat's tables, on either backend.
func rowCounts(_ store: any ArticleStore & RelationsQueries & KnowledgeBaseMaintenance) throws -> [String: Int] {
    if let sqlite = store as? SQLiteStore { return try rowCounts(sqlite) }
    let postgres = try #require(store as? PostgresStore)
    return try postgres.with { session in
        var counts: [String: Int] = [:]
        for row in try session.rows("""
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'bilat_migrations'
            """) {
            guard let table = row[0].text else { continue }
            if case .integer(let n) = try session.scalar("SELECT count(*) FROM \"\(table)\"") { counts[table] = Int(n) }
        }
        return counts
    }
}

/// Runs a statement on a store of either backend, outside bilat's write path (to damage it, say).
func execute(_ store: any ArticleStore & RelationsQueries & KnowledgeBaseMaintenance, _ sql: String) throws {
    if let sqlite = store as? SQLiteStore { return try sqlite.pool.write { try $0.execute(sql: sql) } }
    let postgres = try #require(store as? PostgresStore)
    try postgres.with { try $0.execute(sql) }
}

/// The first column of a query's rows, as text, on a store of either backend.
func rows(_ store: any ArticleStore & RelationsQueries & KnowledgeBaseMaintenance, _ sql: String) throws -> [String] {
    if let sqlite = store as? SQLiteStore { return try sqlite.pool.read { try String.fetchAll($0, sql: sql) } }
    let postgres = try #require(store as? PostgresStore)
    return try postgres.with { try $0.rows(sql).compactMap { $0.first?.text } }
}

func rowCounts(_ store: SQLiteStore) throws -> [String: Int] {
    try store.pool.read { db in
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentence_fts%'
            """)
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"")
        }
        return counts
    }
}

/// Problems `PRAGMA integrity_check` and `PRAGMA foreign_key_check` report; empty when clean.
/// bilat's rules (`db check`) on a store of any backend, and SQLite's own checks on a file.
func consistencyProblems(_ store: any ArticleStore & RelationsQueries & KnowledgeBaseMaintenance) throws -> [String] {
    var problems = try store.integrityProblems().map { "\($0)" }
    if let sqlite = store as? SQLiteStore { problems += try consistencyProblems(sqlite) }
    return problems
}

func consistencyProblems(_ store: SQLiteStore) throws -> [String] {
    try store.pool.read { db in
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "\($0)" }
        return integrity + foreignKeys
    }
}
