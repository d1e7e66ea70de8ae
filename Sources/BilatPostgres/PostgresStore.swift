import BilatModel
import BilatStorage
import Foundation
import Synchronization

/// The knowledge base on a PostgreSQL server (`--db postgres://USER@HOST/DB`): the repository
/// protocols of the SQLite store on the same schema (Migrations/postgres), for a knowledge base shared
/// by a team over the network.
///
/// One connection a store; the store's calls take turns on it. The schema is brought up to date when
/// the store opens, in one transaction under an advisory lock, so that processes starting at once
/// migrate it once.
public final class PostgresStore: Sendable {
    public let url: PostgresURL
    let session: Mutex<PostgresSession>
    /// SQLite's migration names this schema matches: what an export's header lists.
    let exportMigrations: [String]

    /// Connects and migrates. Throws ``PostgresFailure`` when the server cannot be reached or refuses.
    public init(url: PostgresURL) throws {
        self.url = url
        let session = try PostgresSession(url: url)
        let number = try Self.migrate(session)
        exportMigrations = try BackendSupport.sqliteMigrationNames().filter { $0.prefix(4) <= number }
        self.session = Mutex(session)
    }

    /// Runs `body` with the store's connection, one call at a time.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try session.withLock { session in try body(session) }
    }

    /// Applies the bundled migrations not yet applied; returns the schema's number (`0010`).
    private static func migrate(_ session: PostgresSession) throws -> Substring {
        let files = try BackendSupport.postgresMigrationFiles()
        let names = files.map { $0.deletingPathExtension().lastPathComponent }
        // Up to date, the common case: one read, no lock, no transaction (a query command's start-up).
        if try session.scalar("SELECT to_regclass('bilat_migrations')::text") != .null {
            let applied = try session.rows("SELECT identifier FROM bilat_migrations").compactMap { $0.first?.text }
            if Set(applied) == Set(names) { return names.last?.prefix(4) ?? "0000" }
        }
        try session.transaction {
            // Any number: one lock every bilat process agrees on, released at the transaction's end.
            try session.execute("SELECT pg_advisory_xact_lock(4242180001)")
            // 0000: the table of applied migrations, if it is not there yet.
            try session.executeScript(try String(contentsOf: files[0], encoding: .utf8))
            let applied = Set(try session.rows("SELECT identifier FROM bilat_migrations").compactMap { $0.first?.text })
            if let unknown = applied.subtracting(names).sorted().last {
                throw PostgresFailure("\(session.url): its schema has migration \(unknown), which this bilat does not "
                                      + "know: it was made by a newer bilat")
            }
            for (file, name) in zip(files, names) where !applied.contains(name) {
                try session.executeScript(try String(contentsOf: file, encoding: .utf8))
                try session.execute("INSERT INTO bilat_migrations(identifier) VALUES ($1)", [.text(name)])
            }
        }
        return names.last?.prefix(4) ?? "0000"
    }

    public func articleCount() throws -> Int {
        try with { try Int($0.scalar("SELECT count(*) FROM article")?.integer ?? 0) }
    }
}

// MARK: - Export and import

extension PostgresStore {
    /// Tables of the schema, parents before children, in the order SQLite's export lists them (names
    /// in byte order within a rank), so that both backends export a knowledge base as the same lines.
    /// `sentence` counts as having no parent, as in SQLite, where its article is not a foreign key; the
    /// pair's tables that name an article count it as their parent, as in SQLite, where it is one (0012a
    /// dropped those foreign keys here). `article_name` is not exported: an import makes it again.
    static func tablesInExportOrder(_ session: PostgresSession) throws -> [String] {
        let names = try session.rows("""
            SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
                AND tablename NOT IN ('bilat_migrations', 'article_name')
            ORDER BY tablename COLLATE "C"
            """).compactMap { $0.first?.text }
        var parents: [String: Set<String>] = [:]
        for table in PostgresIntegrityRules.pairTablesNamingArticles { parents[table] = ["article"] }
        for row in try session.rows("""
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """) {
            guard let child = row[0].text, let parent = row[1].text, child != parent, child != "sentence" else { continue }
            parents[child, default: []].insert(parent)
        }
        return TransferFormat.dependencyOrder(names, parents: parents)
    }

    /// A table's exported columns, in the table's order, with their types: every column but the
    /// sentences' search words (made again on import).
    static func columns(_ session: PostgresSession, _ table: String) throws -> [(name: String, type: String)] {
        try session.rows("""
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 AND NOT (table_name = 'sentence' AND column_name = 'words')
            ORDER BY ordinal_position
            """, [.text(table)]).compactMap { row in row[0].text.map { ($0, row[1].text ?? "") } }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes the knowledge base as `bilat db export` does for SQLite (``TransferFormat``), read in one
    /// snapshot (REPEATABLE READ) through a cursor, a few thousand rows at a time.
    public func exportNDJSON(_ writeLine: (String) throws -> Void) throws {
        try with { session in
            try session.transaction("REPEATABLE READ") {
                try writeLine(try TransferFormat.headerLine(migrations: exportMigrations))
                for table in try Self.tablesInExportOrder(session) {
                    let columns = try Self.columns(session, table)
                    // SQLite's order: every column, text by bytes (BINARY), NULL first.
                    let order = columns.map { column in
                        Self.quoted(column.name) + (column.type == "text" ? " COLLATE \"C\"" : "") + " NULLS FIRST"
                    }.joined(separator: ", ")
                    try session.execute("DECLARE bilat_export NO SCROLL CURSOR FOR SELECT "
                                        + columns.map { Self.quoted($0.name) }.joined(separator: ", ")
                                        + " FROM \(Self.quoted(table)) ORDER BY \(order)")
                    while true {
                        let rows = try session.rows("FETCH 5000 FROM bilat_export")
                        if rows.isEmpty { break }
                        for row in rows {
                            try writeLine(try TransferFormat.rowLine(
                                table: table, values: zip(columns, row).map { ($0.name, $1) }))
                        }
                    }
                    try session.execute("CLOSE bilat_export")
                }
            }
        }
    }

    /// Reads an export (of either backend) into this database, which must hold no article yet, in one
    /// transaction: a line that is not a row of the schema, or a row the schema refuses (a second row
    /// with a key already read, a missing parent), stops the import with its line number and nothing
    /// kept; rows that break the knowledge base's rules (those of `db check`) keep nothing either
    /// (``TransferError/unsound(_:)``). Rows are inserted a thousand at a time; when the server refuses a batch, its rows are tried
    /// again one by one to name the line.
    public func importNDJSON(nextLine: () throws -> String?) throws {
        try with { session in
            try session.transaction {
                try session.execute("LOCK TABLE article IN EXCLUSIVE MODE")
                guard try session.scalar("SELECT count(*) FROM article")?.integer == 0 else {
                    throw TransferError.notEmpty(url.description)
                }
                let tables = Set(try Self.tablesInExportOrder(session))
                // The sentence table's column types: its rows go in through a VALUES list joined to their
                // article (for their search words), where a parameter is typed by its cast alone.
                let sentenceTypes = Dictionary(try Self.columns(session, "sentence"), uniquingKeysWith: { a, _ in a })
                var batch = ImportBatch()
                var number = 0
                var header = false
                while let line = try nextLine() {
                    number += 1
                    switch try TransferFormat.parse(line, number: number, expectingHeader: !header) {
                    case .blank: continue
                    case .header(let exported):
                        guard exported == exportMigrations else {
                            throw TransferError.schemaMismatch(exported: exported, here: exportMigrations)
                        }
                        header = true
                    case .row(let table, let values):
                        guard tables.contains(table) else { throw TransferError.unknownTable(line: number, table: table) }
                        let columns = values.keys.sorted()
                        if batch.table != table || batch.columns != columns || batch.full {
                            try batch.flush(session)
                            batch = ImportBatch(table: table, columns: columns,
                                                types: table == "sentence" ? sentenceTypes : [:])
                        }
                        batch.rows.append((number, columns.map { values[$0] ?? .null }))
                    }
                }
                try batch.flush(session)
                guard header else {
                    throw TransferError.malformed(line: number + 1, reason: "the file ends before the export's first line")
                }
                try Self.moveSequences(session)
                // Each article's names (``PostgresWriteConnection/articleNames``); a name two articles
                // share is left to the `article-names` rule below to report.
                try session.execute("""
                    INSERT INTO article_name(name, article_key)
                    SELECT 'id:' || id, key FROM article
                    UNION ALL SELECT 'url:' || url, key FROM article WHERE url IS NOT NULL
                    UNION ALL SELECT 'external:' || external_id, key FROM article WHERE external_id IS NOT NULL
                    ON CONFLICT DO NOTHING
                    """)
                // Keys, foreign keys and CHECKs held row by row; bilat's own rules are checked once all is in,
                // but the search words, made from the text by the rule's own expression as the sentences
                // went in (checking them again was a fifth of an import).
                let problems = try PostgresIntegrityRules.problems(session, skipping: ["sentence-words"])
                guard problems.isEmpty else { throw TransferError.unsound(problems) }
            }
        }
    }

    /// Rows of one table with the same columns, inserted together.
    struct ImportBatch {
        var table = ""
        var columns: [String] = []
        /// For `sentence`: each column's type. Its rows are selected from a VALUES list joined to their
        /// article, so that each gets its search words as it is inserted, not by rewriting every
        /// sentence afterwards (an UPDATE of all of them was a fifth of an import).
        var types: [String: String] = [:]
        var rows: [(line: Int, values: [TransferValue])] = []

        /// A thousand rows, or PostgreSQL's 65,535 parameters a statement.
        var full: Bool { rows.count >= 1000 || (rows.count + 1) * columns.count > 65_000 }

        func flush(_ session: PostgresSession) throws {
            guard !rows.isEmpty else { return }
            try session.execute("SAVEPOINT bilat_batch")
            do {
                try session.execute(insert(rows: rows.count), rows.flatMap(\.values))
                try session.execute("RELEASE SAVEPOINT bilat_batch")
                return
            } catch let error as PostgresFailure where error.sqlState != nil {
                try session.execute("ROLLBACK TO SAVEPOINT bilat_batch")
            }
            let one = insert(rows: 1)
            for row in rows {
                do {
                    try session.execute(one, row.values)
                } catch let error as PostgresFailure where error.sqlState != nil {
                    throw TransferError.malformed(line: row.line, reason: Self.refusal(error, table: table))
                }
            }
        }

        /// The INSERT of `count` rows, parameters `$1…` row after row. A sentence's search words are made
        /// from its article's text as the `sentence-words` rule makes them (LEFT JOIN: a sentence whose
        /// article is missing still meets its foreign key).
        func insert(rows count: Int) -> String {
            let names = columns.map(PostgresStore.quoted)
            let tuples = (0..<count).map { row in
                "(" + columns.enumerated().map { i, column in
                    "$\(row * columns.count + i + 1)" + (table == "sentence" ? "::\(types[column] ?? "text")" : "")
                }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
            guard table == "sentence" else {
                return "INSERT INTO \(PostgresStore.quoted(table)) (" + names.joined(separator: ", ") + ") VALUES " + tuples
            }
            return "INSERT INTO sentence (" + names.joined(separator: ", ") + ", words) SELECT "
                + names.map { "v." + $0 }.joined(separator: ", ") + ", "
                + PostgresStore.searchWords(PostgresStore.sentenceText("v"))
                + " FROM (VALUES " + tuples + ") AS v(" + names.joined(separator: ", ")
                + ") LEFT JOIN article a ON a.key = v.article_key"
        }

        static func refusal(_ error: PostgresFailure, table: String) -> String {
            error.sqlState == "23505"
                ? "a second \(table) row with the key of one already read (\(error.description))"
                : "PostgreSQL refused this \(table) row: \(error.description)"
        }
    }

    /// A sentence's text, cut from its article `a` by the offsets of the sentence row `alias`.
    static func sentenceText(_ alias: String) -> String {
        "substr(a.text, (\(alias).start_offset + 1)::int, (\(alias).end_offset - \(alias).start_offset)::int)"
    }

    /// The search words of a text, as FTS5's unicode61 tokenizer cuts them: runs of letters and digits,
    /// lower-cased, without diacritics. Everything else is cut away first, so that PostgreSQL's parser
    /// sees no URL, e-mail or hyphenated word (which it would keep whole: "biden-kishida-white-house").
    static func searchWords(_ text: String) -> String {
        "to_tsvector('simple', unaccent(regexp_replace(\(text), '[^[:alnum:]]+', ' ', 'g')))"
    }

    /// Moves each identity column's sequence past the largest id imported, so that new rows get new ids.
    static func moveSequences(_ session: PostgresSession) throws {
        for row in try session.rows("""
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """) {
            guard let table = row[0].text, let column = row[1].text else { continue }
            try session.execute("""
                SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(\(quoted(column))) FROM \(quoted(table))), 0) + 1, false)
                """, [.text(table), .text(column)])
        }
    }
}

extension PostgresStore {
    /// A new, empty database `name` on the server of `url` (dropped first when it exists), reached through
    /// `url`'s database: what `bilat-bench --writers` ingests into, one fresh database a run.
    public static func makeEmptyDatabase(_ name: String, besides url: PostgresURL) throws -> PostgresURL {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw PostgresFailure("\(name): a database name of letters, digits and _ only")
        }
        let session = try PostgresSession(url: url)
        try session.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try session.execute("CREATE DATABASE \(name)")
        var made = url
        made.database = name
        return made
    }
}
