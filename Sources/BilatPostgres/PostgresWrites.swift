import BilatModel
import BilatStorage
import Foundation
import Synchronization

/// bilat's write path (``WritePath``) on a PostgreSQL session, inside the caller's transaction.
///
/// Several processes may ingest into one database at once. Each batch is one transaction (READ
/// COMMITTED); what two of them could do to one thing at once is serialised by transaction-scoped
/// advisory locks, taken before the thing is read:
/// - a **meeting bucket** (a pair, a mode, a year): its report groups are counted and its meetings
///   re-clustered by one writer at a time. A batch writes its articles without them, then locks the
///   buckets its reports fall in, all at once in sorted order, for the last step of its transaction
///   (``DerivedWrites``); the rare bucket found earlier (an article it replaces, an official merged
///   into another) is locked when found, and the cycle that may then close is broken by PostgreSQL's
///   deadlock detection, the batch retried (``PostgresStore/save(batch:)``).
/// - the **creation of an official or an agreement**: a writer that finds none looks again under the
///   lock before it creates one (a country's officials, an agreement's key), so that one person is never
///   created twice and a full name always sees the bare names it settles (``CreationLock``: full names,
///   the common case, hold their locks shared). The first time a batch must create an agreement it
///   takes the locks of all its agreements, in order (``batchAgreementLocks``).
/// Advisory locks rather than SERIALIZABLE: every conflict here is known in advance and narrow (one
/// bucket), and a serializable batch would be retried whole for any overlap of its reads, which two
/// writers of one news stream have all the time (the same officials, the same pairs).
final class PostgresWriteConnection: WriteConnection {
    let session: PostgresSession
    var backend: WriteBackend { .postgres }
    /// Locks held in this transaction (so that each is asked for once).
    private(set) var heldBuckets = Set<MeetingBucket>()
    private(set) var heldCreations = Set<CreationLock>()
    /// Set from the third try of a batch on: a key violation is then the article's, not a conflict.
    var keyViolationsEndArticle = false
    /// Sentence ids reserved for the batch, handed out in order.
    private var reserved: Range<Int64> = 0..<0

    /// The advisory lock classes (the first of the two keys) of bilat's locks.
    static let bucketLockClass: Int32 = 42_420
    static let creationLockClass: Int32 = 42_421
    static let sentenceIDLockClass: Int32 = 42_422

    init(_ session: PostgresSession) {
        self.session = session
    }

    // MARK: Statements

    private static let translations = Mutex<[String: String]>([:])

    /// The statement with `$N` placeholders for its `?N` and `?` ones (outside quoted text).
    static func translated(_ sql: String) -> String {
        if let done = translations.withLock({ $0[sql] }) { return done }
        var next = 0
        let out = rewritingPlaceholders(in: sql, marker: "?") { digits in
            guard digits.isEmpty else { return "$" + digits }
            next += 1
            return "$\(next)"
        }
        translations.withLock { $0[sql] = out }
        return out
    }

    /// An `INSERT INTO t(…) VALUES (?, …, ?) [tail]` without RETURNING: its rows may be sent together.
    struct RowInsert {
        let head: String
        let tail: String
        let width: Int
    }

    private static let rowInserts = Mutex<[String: RowInsert?]>([:])

    /// The statement as a ``RowInsert`` when it is one (one tuple of `?`, nothing read back).
    static func rowInsert(_ sql: String) -> RowInsert? {
        if let known = rowInserts.withLock({ $0[sql] }) { return known }
        var shape: RowInsert?
        if sql.hasPrefix("INSERT INTO"), !sql.contains("RETURNING"), !sql.contains("SELECT"),
           let values = sql.range(of: "VALUES ("), let close = sql[values.upperBound...].firstIndex(of: ")") {
            let tuple = sql[values.upperBound..<close]
            if tuple.allSatisfy({ $0 == "?" || $0 == "," || $0 == " " }) {
                shape = RowInsert(head: String(sql[..<values.lowerBound]), tail: String(sql[sql.index(after: close)...]),
                                  width: tuple.filter { $0 == "?" }.count)
            }
        }
        rowInserts.withLock { $0[sql] = .some(shape) }
        return shape
    }

    /// Rows of the last ``RowInsert`` statement, not sent yet: an article's links to its sentences, its
    /// countries, its reports' participants go to the server as one statement each, not one a row (a
    /// round trip to the server costs more than the row). Sent before any other statement, so that
    /// statements run in the order the write path gives them.
    private var held: (sql: String, shape: RowInsert, values: [TransferValue], rows: Int)?

    /// Sends the rows held back, if any.
    func flush() throws {
        guard let batch = held else { return }
        held = nil
        var tuples: [String] = []
        tuples.reserveCapacity(batch.rows)
        for row in 0..<batch.rows {
            tuples.append("(" + (1...batch.shape.width).map { "$\(row * batch.shape.width + $0)" }.joined(separator: ", ") + ")")
        }
        try session.execute(batch.shape.head + "VALUES " + tuples.joined(separator: ", ") + batch.shape.tail, batch.values)
    }

    func execute(_ sql: String, _ values: [TransferValue]) throws {
        guard let shape = Self.rowInsert(sql), values.count == shape.width else {
            try flush()
            return try session.execute(Self.translated(sql), values)
        }
        if held?.sql != sql { try flush() }
        if held == nil { held = (sql, shape, [], 0) }
        held?.values += values
        held?.rows += 1
        // PostgreSQL takes at most 65,535 parameters a statement.
        if let count = held?.values.count, count + shape.width > 30_000 { try flush() }
    }

    func each(_ sql: String, _ values: [TransferValue], _ body: (SQLRow) throws -> Void) throws {
        try flush()
        for row in try session.rows(Self.translated(sql), values) { try body(SQLRow(row)) }
    }

    // MARK: What PostgreSQL does its own way

    func insertArticle(_ row: ArticleRowValues) throws -> Int64 {
        try flush()
        let key = try session.scalar("""
            INSERT INTO article(id, external_id, url, source, title, published, ingested_at, body_start,
                                dateline_city, first_sentence, sentence_count, text)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING key
            """, [.text(row.id), row.externalID.sqlValue, row.url.sqlValue, row.source.sqlValue, row.title.sqlValue,
                  row.published.sqlValue, .text(row.ingestedAt), .integer(Int64(row.bodyStart)),
                  row.datelineCity.sqlValue, .integer(row.firstSentence), .integer(Int64(row.sentenceCount)),
                  .text(row.text)])
        guard let key = key?.integer else { throw PostgresFailure("\(session.url): no key returned for a new article") }
        // Its names, unique over the knowledge base (schema 0012a): a second article of this text, url or
        // feed id is refused here, as article's own unique keys refused it before.
        let names = Self.articleNames(id: .text(row.id), url: row.url.sqlValue, externalID: row.externalID.sqlValue)
        try session.execute("INSERT INTO article_name(name, article_key) VALUES "
            + names.indices.map { "($\($0 + 1), $\(names.count + 1))" }.joined(separator: ", "),
            names + [.integer(key)])
        return key
    }

    func deleteArticle(key: Int64) throws {
        try flush()
        for row in try session.rows("DELETE FROM article WHERE key = $1 RETURNING id, url, external_id", [.integer(key)]) {
            let names = Self.articleNames(id: row[0], url: row[1], externalID: row[2])
            try session.execute("DELETE FROM article_name WHERE article_key = $1 AND name IN ("
                + names.indices.map { "$\($0 + 2)" }.joined(separator: ", ") + ")", [.integer(key)] + names)
        }
    }

    /// An article's rows of `article_name`: its id, and its url and feed id when it has them.
    static func articleNames(id: TransferValue, url: TransferValue, externalID: TransferValue) -> [TransferValue] {
        [("id:", id), ("url:", url), ("external:", externalID)].compactMap { prefix, value in
            if case .text(let text) = value { .text(prefix + text) } else { nil }
        }
    }

    /// Reserves `count` consecutive sentence ids for the batch, outside its transaction: the sequence
    /// moves under a session lock held for two statements, so that two writers' blocks never
    /// interleave; ids of a batch rolled back are left unused.
    func reserveSentenceIDs(_ count: Int) throws {
        try flush()
        guard count > 0 else { reserved = 0..<0; return }
        try session.execute("SELECT pg_advisory_lock($1::int, 0)", [.integer(Int64(Self.sentenceIDLockClass))])
        defer { try? session.execute("SELECT pg_advisory_unlock($1::int, 0)", [.integer(Int64(Self.sentenceIDLockClass))]) }
        let first = try session.scalar("""
            SELECT setval(pg_get_serial_sequence('sentence', 'id'), nextval(pg_get_serial_sequence('sentence', 'id')) + $1 - 1) - $1 + 1
            """, [.integer(Int64(count))])
        guard let first = first?.integer else { throw PostgresFailure("\(session.url): no sentence ids returned") }
        reserved = first..<(first + Int64(count))
    }

    func takeSentenceIDs(_ count: Int) throws -> Int64 {
        if reserved.count < count { try reserveSentenceIDs(count) }
        let first = reserved.lowerBound
        reserved = (first + Int64(count))..<reserved.upperBound
        return first
    }

    /// One statement a few thousand sentences, each with its search words made from its article's text
    /// by the expression of the `sentence-words` rule.
    func insertSentences(articleKey: Int64, _ sentences: [(id: Int64, start: Int, end: Int)]) throws {
        try flush()
        for chunk in stride(from: 0, to: sentences.count, by: 5_000) {
            let part = sentences[chunk..<min(chunk + 5_000, sentences.count)]
            var values: [TransferValue] = [.integer(articleKey)]
            values.reserveCapacity(1 + part.count * 3)
            var tuples: [String] = []
            tuples.reserveCapacity(part.count)
            for sentence in part {
                let n = values.count
                tuples.append("($\(n + 1)::bigint, $\(n + 2)::bigint, $\(n + 3)::bigint)")
                values += [.integer(sentence.id), .integer(Int64(sentence.start)), .integer(Int64(sentence.end))]
            }
            try session.execute("""
                INSERT INTO sentence(id, article_key, start_offset, end_offset, words)
                SELECT v.id, a.key, v.start_offset, v.end_offset, \(PostgresStore.searchWords(PostgresStore.sentenceText("v")))
                FROM (VALUES \(tuples.joined(separator: ", "))) AS v(id, start_offset, end_offset)
                JOIN article a ON a.key = $1
                """, values)
        }
    }

    /// Nothing to do: a sentence's search words are made as it is inserted.
    func indexSentences(_ sentences: [(id: Int64, text: String)]) throws {}

    /// Nothing to do: the sentences go with their article (a foreign key), their words with them.
    func unindexSentences(articleKey: Int64) throws -> ClosedRange<Int64>? { nil }

    func lockBucket(_ bucket: MeetingBucket) throws {
        guard heldBuckets.insert(bucket).inserted else { return }
        try flush()
        try session.execute("SELECT pg_advisory_xact_lock($1::int, hashtext($2))",
                            [.integer(Int64(Self.bucketLockClass)),
                             .text("\(bucket.countryKey)|\(bucket.mode.rawValue)|\(bucket.year.map(String.init) ?? "")")])
    }

    /// The locks of creating the batch's agreements (``WritePath/agreementLocks(of:)``), taken all at
    /// once, in order, the first time the batch must create one: two writers of the same events so never
    /// wait on each other's in a cycle. An official's locks are taken as it is created (those of full
    /// names are shared); a cycle through the rarer exclusive ones is a deadlock, and the batch is retried.
    var batchAgreementLocks: [CreationLock] = []

    func lockCreation(_ lock: CreationLock) throws {
        guard !heldCreations.contains(lock), !heldCreations.contains(CreationLock(name: lock.name, shared: false)) else { return }
        try flush()
        var wanted = lock.isAgreement ? batchAgreementLocks.filter { !heldCreations.contains($0) } : []
        if !wanted.contains(lock) { wanted.append(lock) }
        for next in wanted.sorted() {
            try session.execute("SELECT pg_advisory_xact_lock\(next.shared ? "_shared" : "")($1::int, hashtext($2))",
                                [.integer(Int64(Self.creationLockClass)), .text(next.name)])
            heldCreations.insert(next)
        }
    }

    func lockOfficial(_ id: Int64) throws {
        try flush()
        try session.execute("SELECT id FROM official WHERE id = $1 FOR UPDATE", [.integer(id)])
    }

    /// Runs `body` in a savepoint: an article the server refuses is rolled back alone. The locks taken
    /// inside a savepoint rolled back are released with it, so they are forgotten here too.
    func savepoint(_ body: () throws -> Void) throws {
        let buckets = heldBuckets, creations = heldCreations
        try flush()
        try session.execute("SAVEPOINT bilat_article")
        do {
            try body()
            try flush()
            try session.execute("RELEASE SAVEPOINT bilat_article")
        } catch {
            held = nil
            if !endsBatch(error) {
                try session.execute("ROLLBACK TO SAVEPOINT bilat_article")
                heldBuckets = buckets
                heldCreations = creations
            }
            throw error
        }
    }

    /// An error that ends the batch rather than one article: the server out of reach, or a conflict with
    /// another writer (a deadlock, a serialization failure, a key another writer stored meanwhile), for
    /// which the batch is tried again.
    static func isFatal(_ error: any Error) -> Bool {
        guard let failure = error as? PostgresFailure else { return false }
        guard let state = failure.sqlState else { return true }
        return isConflict(state) || state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57")
    }

    /// Whether `error`, met in an article, ends the batch (``isFatal``) or that article alone. A key
    /// violation ends the batch, to be tried again, while it may be another writer's doing; once the
    /// batch has been tried twice (``keyViolationsEndArticle``), it is the article's own (a fact naming a
    /// country the table lacks), and the article fails alone, as on SQLite.
    func endsBatch(_ error: any Error) -> Bool {
        guard Self.isFatal(error) else { return false }
        return !(keyViolationsEndArticle && Self.isKeyViolation((error as? PostgresFailure)?.sqlState))
    }

    /// A unique or foreign key refused.
    static func isKeyViolation(_ state: String?) -> Bool { state == "23505" || state == "23503" }

    /// SQLSTATEs of a conflict between writers: serialization failure, deadlock, a unique key another
    /// writer stored first, a foreign key to an official another writer merged into a new one.
    static func isConflict(_ state: String?) -> Bool {
        state == "40001" || state == "40P01" || isKeyViolation(state)
    }
}

extension PostgresStore: ArticleStore, KnowledgeBaseMaintenance {
    public func save(_ article: Article, facts: ArticleFacts) throws -> SaveOutcome {
        guard let result = try save(batch: [(article, facts)]).first else { return .unchanged }
        return try result.get()
    }

    /// One transaction a batch (``writing(prepare:_:)``).
    public func save(batch: [(article: Article, facts: ArticleFacts)]) throws -> [Result<SaveOutcome, any Error>] {
        let ingestedAt = Date().formatted(.iso8601)
        return try writing(prepare: { connection in
            connection.batchAgreementLocks = WritePath.agreementLocks(of: batch)
            try connection.reserveSentenceIDs(WritePath.sentenceCount(of: batch))
        }) { connection in
            try WritePath.save(batch, ingestedAt: ingestedAt, on: connection,
                               savepoint: connection.savepoint, isFatal: connection.endsBatch)
        }
    }

    /// Runs `body` in one transaction on a write connection (`prepare` first, outside it), the rows it
    /// holds back sent before the commit. A conflict with another writer (a deadlock between locks, an
    /// article or official another writer stored first) rolls the transaction back whole; it is then
    /// run again, up to eight times, after a random pause.
    func writing<T>(prepare: (PostgresWriteConnection) throws -> Void = { _ in },
                    _ body: (PostgresWriteConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try with { session in
                    let connection = PostgresWriteConnection(session)
                    connection.keyViolationsEndArticle = attempt >= 2
                    try prepare(connection)
                    return try session.transaction {
                        let value = try body(connection)
                        try connection.flush()
                        return value
                    }
                }
            } catch let failure as PostgresFailure where PostgresWriteConnection.isConflict(failure.sqlState) && attempt < 8 {
                attempt += 1
                Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.25) * Double(attempt))
            }
        }
    }

    public func containsArticle(id: String) throws -> Bool {
        try with { try WritePath.isStored(id: id, on: PostgresWriteConnection($0)) }
    }

    public func storedUnchanged(_ articles: [Article]) throws -> Set<String> {
        try with { try WritePath.storedUnchanged(articles, on: PostgresWriteConnection($0)) }
    }

    public func syncCountries(_ countries: [Country]) throws {
        try with { session in
            let wanted = Dictionary(countries.map { ($0.code.uppercased(), [$0.alpha3.uppercased(), $0.name]) },
                                    uniquingKeysWith: { _, last in last })
            var stored: [String: [String]] = [:]
            for row in try session.rows("SELECT code, alpha3, name FROM country") {
                if let code = row[0].text { stored[code] = [row[1].text ?? "", row[2].text ?? ""] }
            }
            if wanted.allSatisfy({ stored[$0.key] == $0.value }) { return }
            try session.transaction {
                for (code, value) in wanted.sorted(by: { $0.key < $1.key }) where stored[code] != value {
                    try session.execute("""
                        INSERT INTO country(code, alpha3, name) VALUES ($1, $2, $3)
                        ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, name = excluded.name
                        """, [.text(code), .text(value[0]), .text(value[1])])
                }
            }
        }
    }

    public func findArticle(_ reference: String) throws -> ArticleMatch {
        let text = reference.trimmingCharacters(in: .whitespaces)
        return try with { session in
            let columns = "id, external_id, url, source, title, published"
            let exact = try session.rows("""
                SELECT \(columns) FROM article WHERE id = $1
                UNION SELECT \(columns) FROM article WHERE url = $1
                UNION SELECT \(columns) FROM article WHERE external_id = $1
                """, [.text(text)])
            if exact.count == 1 { return .found(try Self.articleSummary(exact[0])) }
            if exact.count > 1 { return .ambiguous(exact.compactMap { $0[0].text }.sorted()) }
            let lowered = text.lowercased()
            guard lowered.count >= 8, lowered.allSatisfy(\.isHexDigit) else { return .none }
            let prefixed = try session.rows("""
                SELECT \(columns) FROM article WHERE id COLLATE "C" >= $1 AND id COLLATE "C" < $1 || 'g'
                ORDER BY id COLLATE "C" LIMIT 10
                """, [.text(lowered)])
            switch prefixed.count {
            case 0: return .none
            case 1: return .found(try Self.articleSummary(prefixed[0]))
            default: return .ambiguous(prefixed.compactMap { $0[0].text })
            }
        }
    }

    static func articleSummary(_ row: [TransferValue]) throws -> ArticleSummary {
        ArticleSummary(id: row[0].text ?? "", externalID: row[1].text, url: row[2].text, source: row[3].text,
                       title: row[4].text,
                       published: try BackendSupport.storedDate(row[5].text, table: "article", column: "published"))
    }

    public func forget(articleID: String) throws {
        try writing { try WritePath.forget(articleID: articleID, on: $0) }
    }
}
