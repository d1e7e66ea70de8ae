import BilatModel
import Foundation
import GRDB

/// The statements bilat's write path (ingest, forget: ``ArticleWriter``, ``MeetingUnits``,
/// ``MeetingConsolidation``, ``OfficialResolver``, ``ArticleRemoval``) runs, on either backend: one
/// write path over this small protocol, not a copy per database.
///
/// Statements are written once, in the SQL both SQLite and PostgreSQL read (`INSERT … ON CONFLICT DO
/// NOTHING`, `IS NOT DISTINCT FROM`, `RETURNING`), with `?` or `?N` placeholders (PostgreSQL's
/// connection numbers them `$N`). What differs between the backends is asked of the connection: how an
/// article's text and its sentences' search words are stored, how sentence ids are taken, and the locks
/// that let several processes write one PostgreSQL database at once (no-ops on SQLite, whose writers
/// take turns on the whole file).
public protocol WriteConnection {
    var backend: WriteBackend { get }
    /// Runs a statement; its rows, if any, are not read.
    func execute(_ sql: String, _ values: [TransferValue]) throws
    /// Calls `body` with each row of a query, its cells in column order.
    func each(_ sql: String, _ values: [TransferValue], _ body: (SQLRow) throws -> Void) throws

    /// Stores an article's row and returns its key (`article.key`).
    func insertArticle(_ values: ArticleRowValues) throws -> Int64
    /// Deletes an article's row (what hangs on it by foreign key goes with it).
    func deleteArticle(key: Int64) throws
    /// `count` consecutive sentence ids, the first returned, for one article's sentences.
    func takeSentenceIDs(_ count: Int) throws -> Int64
    /// Stores an article's sentences (ids from ``takeSentenceIDs(_:)``), searchable once the transaction's
    /// derived writes are applied (``indexSentences(_:)``).
    func insertSentences(articleKey: Int64, _ sentences: [(id: Int64, start: Int, end: Int)]) throws
    /// Makes the sentences stored in the transaction searchable: SQLite's FTS5 index takes their text.
    func indexSentences(_ sentences: [(id: Int64, text: String)]) throws
    /// Takes a stored article's sentences out of the search index before the article is deleted, and
    /// returns their id range to delete afterwards (nil when the backend's foreign keys delete them).
    func unindexSentences(articleKey: Int64) throws -> ClosedRange<Int64>?

    /// Holds, until the transaction ends, the lock of one meeting bucket (a pair, a mode, a year): two
    /// writers never regroup or re-cluster one bucket at once.
    func lockBucket(_ bucket: MeetingBucket) throws
    /// Holds, until the transaction ends, the lock of creating `lock`'s entities: a writer about to
    /// create an entity looks again under the lock, so that two writers never create one twice.
    func lockCreation(_ lock: CreationLock) throws
    /// Locks an official's row until the transaction ends, before it is merged into another: a writer
    /// still linking facts to it finishes first, so that its rows move with the others.
    func lockOfficial(_ id: Int64) throws
}

/// What the shared write path asks the backend it runs on.
public enum WriteBackend: Sendable {
    case sqlite, postgres

    /// True when other processes write at once, so that the write path takes its locks.
    var locks: Bool { self == .postgres }

    /// An aggregate of a column's integers, joined by commas (no order promised).
    func joinedIDs(_ column: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(column))"
        case .postgres: "string_agg(\(column)::text, ',')"
        }
    }
}

/// The lock a writer holds to create an entity (``WriteConnection/lockCreation(_:)``), until it commits.
/// An agreement: its own key. An official of a country is resolved among that country's officials and
/// the country-less ones, and a full name settles the bare ones ("Xi" into "Xi Jinping"): creating a
/// full name holds its country's lock and the lock of all officials shared (full names created at once
/// do not wait on each other), a bare name its country's lock alone, a country-less name (which may be
/// any country's) the lock of all officials alone.
public struct CreationLock: Hashable, Comparable, Sendable {
    public var name: String
    public var shared: Bool

    public init(name: String, shared: Bool) {
        self.name = name
        self.shared = shared
    }

    public static func < (a: CreationLock, b: CreationLock) -> Bool {
        (a.name, a.shared ? 1 : 0) < (b.name, b.shared ? 1 : 0)
    }

    static func agreement(_ record: AgreementRecord) -> CreationLock {
        CreationLock(name: "agreement|\(record.countryKey)|\(record.kind.rawValue)|\(record.date ?? "")|\(record.title ?? "")",
                     shared: false)
    }

    /// The locks of creating an official of `country` (nil: of no country), in order.
    static func official(country: String?, singleWord: Bool) -> [CreationLock] {
        guard let country else { return [CreationLock(name: "official|*", shared: false)] }
        return [CreationLock(name: "official|*", shared: true),
                CreationLock(name: "official|\(country.uppercased())", shared: !singleWord)]
    }

    public var isAgreement: Bool { name.hasPrefix("agreement|") }
}

/// An article's row as the writer stores it; the connection stores the text as its backend does.
public struct ArticleRowValues {
    public var id: String
    public var externalID: String?
    public var url: String?
    public var source: String?
    public var title: String?
    public var published: String?
    public var ingestedAt: String
    public var bodyStart: Int
    public var datelineCity: String?
    public var text: String
    public var firstSentence: Int64
    public var sentenceCount: Int
}

/// One row of a query, its cells in column order.
public struct SQLRow {
    public var values: [TransferValue]

    public init(_ values: [TransferValue]) { self.values = values }

    func int(_ i: Int) throws -> Int64 {
        guard case .integer(let v) = values[i] else { throw StorageError.invalidStoredValue(table: "row", column: "\(i)", value: "\(values[i])") }
        return v
    }

    func optionalInt(_ i: Int) -> Int64? {
        if case .integer(let v) = values[i] { v } else { nil }
    }

    func text(_ i: Int) throws -> String {
        guard case .text(let v) = values[i] else { throw StorageError.invalidStoredValue(table: "row", column: "\(i)", value: "\(values[i])") }
        return v
    }

    func optionalText(_ i: Int) -> String? {
        if case .text(let v) = values[i] { v } else { nil }
    }
}

/// A value bound to a statement of the write path.
public protocol SQLArgument {
    var sqlValue: TransferValue { get }
}

extension Int64: SQLArgument { public var sqlValue: TransferValue { .integer(self) } }
extension Int: SQLArgument { public var sqlValue: TransferValue { .integer(Int64(self)) } }
extension String: SQLArgument { public var sqlValue: TransferValue { .text(self) } }
extension Optional: SQLArgument where Wrapped: SQLArgument {
    public var sqlValue: TransferValue { self?.sqlValue ?? .null }
}

extension WriteConnection {
    func execute(_ sql: String, _ arguments: any SQLArgument...) throws {
        try execute(sql, Self.values(arguments))
    }

    func rows(_ sql: String, _ arguments: any SQLArgument...) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try each(sql, Self.values(arguments)) { rows.append($0) }
        return rows
    }

    /// The first column of the first row, when there is one and it is an integer.
    func integer(_ sql: String, _ arguments: any SQLArgument...) throws -> Int64? {
        var value: Int64?
        try each(sql, Self.values(arguments)) { row in
            if value == nil { value = row.optionalInt(0) }
        }
        return value
    }

    private static func values(_ arguments: [any SQLArgument]) -> [TransferValue] {
        var values: [TransferValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(argument.sqlValue) }
        return values
    }

    /// The first column of every row, as integers.
    func integers(_ sql: String, _ arguments: any SQLArgument...) throws -> [Int64] {
        var values: [Int64] = []
        try each(sql, Self.values(arguments)) { row in
            if let v = row.optionalInt(0) { values.append(v) }
        }
        return values
    }
}

// MARK: - SQLite

/// The write path on SQLite, inside a GRDB write transaction: cached prepared statements.
struct SQLiteWriteConnection: WriteConnection {
    let db: Database
    var backend: WriteBackend { .sqlite }

    /// The values as GRDB binds them. Existentials, not `DatabaseValue`s: GRDB's initializer from a
    /// sequence of concrete values maps them through a key path, unspecialised across the module
    /// boundary, which cost a sixth of an ingest (callgrind).
    private static func arguments(_ values: [TransferValue]) -> StatementArguments {
        var boxed: [(any DatabaseValueConvertible)?] = []
        boxed.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .null: boxed.append(nil)
            case .integer(let v): boxed.append(v)
            case .real(let v): boxed.append(v)
            case .text(let v): boxed.append(v)
            case .blob(let v): boxed.append(v)
            }
        }
        return StatementArguments(boxed)
    }

    func execute(_ sql: String, _ values: [TransferValue]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(values))
    }

    func each(_ sql: String, _ values: [TransferValue], _ body: (SQLRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(values))
        while let row = try rows.next() {
            var cells: [TransferValue] = []
            cells.reserveCapacity(row.count)
            for index in 0..<row.count {
                switch (row[index] as DatabaseValue).storage {
                case .null: cells.append(.null)
                case .int64(let v): cells.append(.integer(v))
                case .double(let v): cells.append(.real(v))
                case .string(let v): cells.append(.text(v))
                case .blob(let v): cells.append(.blob(v))
                }
            }
            try body(SQLRow(cells))
        }
    }

    func insertArticle(_ row: ArticleRowValues) throws -> Int64 {
        let text = ArticleText.stored(row.text)
        try db.cachedStatement(sql: """
            INSERT INTO article(id, external_id, url, source, title, published, ingested_at, body_start,
                                dateline_city, text_zlib, text_size, first_sentence, sentence_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [row.id, row.externalID, row.url, row.source, row.title, row.published,
                                   row.ingestedAt, row.bodyStart, row.datelineCity, text.blob, text.size,
                                   row.firstSentence, row.sentenceCount])
        return db.lastInsertedRowID
    }

    func deleteArticle(key: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM article WHERE key = ?").execute(arguments: [key])
    }

    /// The id after the largest stored sentence id: one writer at a time, so the range is free.
    func takeSentenceIDs(_ count: Int) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM sentence")) ?? 1
    }

    func insertSentences(articleKey: Int64, _ sentences: [(id: Int64, start: Int, end: Int)]) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO sentence(id, article_key, start_offset, end_offset) VALUES (?, ?, ?, ?)
            """)
        for sentence in sentences {
            try insert.execute(arguments: [sentence.id, articleKey, sentence.start, sentence.end])
        }
    }

    func indexSentences(_ sentences: [(id: Int64, text: String)]) throws {
        let index = try db.cachedStatement(sql: "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)")
        for sentence in sentences {
            try index.execute(arguments: [sentence.id, sentence.text])
        }
    }

    /// Takes the article's sentences out of the full-text index, their text cut from the article's in one
    /// pass (``SentenceTexts``), and returns their range of ids, to delete once the article is gone. The
    /// triggers of schema 0008 would cut each sentence with `substr` of the whole text, quadratic in the
    /// sentences of one article (16 s to forget one of 100,000): the article's range is emptied here, so
    /// that its delete triggers find no sentence, and the sentences go after it, when their own delete
    /// trigger finds no article.
    func unindexSentences(articleKey key: Int64) throws -> ClosedRange<Int64>? {
        guard let article = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT text_zlib, first_sentence, first_sentence + sentence_count - 1, text_size FROM article
            WHERE key = ? AND sentence_count > 0
            """), arguments: [key]) else { return nil }
        let range: StatementArguments = [article[1], article[2]]
        // The range alone, as the trigger has it: the article's text names their terms.
        let spans = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, start_offset, end_offset FROM sentence WHERE id BETWEEN ? AND ? ORDER BY id
            """), arguments: range).map { (id: $0[0] as Int64, start: $0[1] as Int, end: $0[2] as Int) }
        let unindex = try db.cachedStatement(sql: "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', ?, ?)")
        try SentenceTexts.withText(article, blob: 0, size: 3) { utf8 in
            for sentence in SentenceTexts.cut(spans, in: utf8) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[sentence.bytes]), as: UTF8.self)
                try unindex.execute(arguments: [sentence.id, text])
            }
        }
        try db.cachedStatement(sql: "UPDATE article SET sentence_count = 0 WHERE key = ?").execute(arguments: [key])
        return (article[1] as Int64)...(article[2] as Int64)
    }

    func lockBucket(_ bucket: MeetingBucket) throws {}
    func lockCreation(_ lock: CreationLock) throws {}
    func lockOfficial(_ id: Int64) throws {}
}
