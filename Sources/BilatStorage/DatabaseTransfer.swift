import Foundation
import GRDB

/// Why a knowledge-base export could not be imported.
public enum TransferError: Error, CustomStringConvertible, Equatable {
    case notEmpty(String)
    case malformed(line: Int, reason: String)
    case unknownTable(line: Int, table: String)
    case schemaMismatch(exported: [String], here: [String])
    /// The rows loaded break the knowledge base's rules (those of `bilat db check`); nothing was kept.
    case unsound([IntegrityProblem])

    public var description: String {
        switch self {
        case .notEmpty(let path):
            "\(path) already holds articles; import into a new database file (--db NEW.sqlite)"
        case .malformed(let line, let reason): "line \(line): \(reason)"
        case .unknownTable(let line, let table): "line \(line): no table \(table) in this bilat's schema"
        case .schemaMismatch(let exported, let here):
            "the export was made with migrations \(exported.joined(separator: ", ")) but this database has "
                + "\(here.joined(separator: ", ")); import it with the bilat that made it"
        case .unsound(let problems):
            "its rows do not make a sound knowledge base (\(problems.count) problem(s), nothing imported):\n"
                + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
                + (problems.count > 20 ? "\n  and \(problems.count - 20) more" : "")
        }
    }
}

/// Backup, export and import of the whole knowledge base.
extension SQLiteStore {
    /// Copies the live database to `destination` with SQLite's online backup API (readers and
    /// writers may go on meanwhile); the copy is a complete database of its own. `destination` is
    /// meant to be a new file renamed into place once whole: it gets no rollback journal, so a copy
    /// that fails midway is a damaged file to delete (and no `-journal` file is left beside it).
    public func backup(to destination: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = OFF") }
        let copy = try DatabaseQueue(path: destination, configuration: configuration)
        try pool.backup(to: copy)
        try copy.close()
    }

    /// Writes the knowledge base as NDJSON: a header line with the schema's migrations, then one line
    /// per row, `{"table": T, "row": {column: value}}`, tables in foreign-key order, rows in key order.
    public func exportNDJSON(_ writeLine: (String) throws -> Void) throws {
        try pool.read { db in
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            try writeLine(try TransferFormat.headerLine(migrations: migrations))
            for table in try Self.tablesInDependencyOrder(db) {
                let rows = try Row.fetchCursor(db, sql: "SELECT \(try Self.exportedColumns(db, table)) FROM \(table.quotedDatabaseIdentifier) ORDER BY \(try Self.orderClause(db, table))")
                while let row = try rows.next() {
                    try writeLine(try TransferFormat.rowLine(table: table, values: row.map { ($0, Self.transferValue($1)) }))
                }
            }
        }
    }

    /// Reads an export made by ``exportNDJSON(_:)`` into this database, which must hold no article yet,
    /// all in one transaction that commits only a whole and sound knowledge base: a line that is not a
    /// row of the schema, or a second row with the same key, stops the import there (its number in the
    /// error); once loaded, the foreign keys and the knowledge base's rules (those of `bilat db check`)
    /// are checked, and any problem rolls everything back (``TransferError/unsound(_:)``).
    public func importNDJSON(lines: some Sequence<String>) throws {
        var iterator = lines.makeIterator()
        try importNDJSON { iterator.next() }
    }

    /// As ``importNDJSON(lines:)``, the lines read one at a time by `nextLine` (nil at the end): an error
    /// it throws (the input cannot be read) rolls the import back, as a bad line does.
    public func importNDJSON(nextLine: () throws -> String?) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM article") == 0 else { throw TransferError.notEmpty(path) }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let tables = Set(try Self.tablesInDependencyOrder(db))
            var number = 0
            var header = false
            while let line = try nextLine() {
                number += 1
                let table: String, row: [String: TransferValue]
                switch try TransferFormat.parse(line, number: number, expectingHeader: !header) {
                case .blank: continue
                case .header(let exported):
                    let here = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                    guard exported == here else { throw TransferError.schemaMismatch(exported: exported, here: here) }
                    header = true
                    continue
                case .row(let name, let values):
                    (table, row) = (name, values)
                }
                guard tables.contains(table) else { throw TransferError.unknownTable(line: number, table: table) }
                var values = row.mapValues(Self.databaseValue)
                if table == "article", let text = row["text"] {
                    // The export holds an article's text as text; it is stored compressed (schema 0010).
                    guard case .text(let text) = text else {
                        throw TransferError.malformed(line: number, reason: "an article's text is not a string")
                    }
                    values["text"] = nil
                    let compressed = ArticleText.stored(text)
                    values["text_zlib"] = compressed.blob.databaseValue
                    values["text_size"] = compressed.size.databaseValue
                }
                let columns = values.keys.sorted()
                // A plain INSERT: a row whose key is taken is an error, where INSERT OR REPLACE deleted the
                // first row and, by cascade, its children.
                let sql = "INSERT INTO \(table.quotedDatabaseIdentifier)("
                    + columns.map(\.quotedDatabaseIdentifier).joined(separator: ",") + ") VALUES ("
                    + columns.map { _ in "?" }.joined(separator: ",") + ")"
                let arguments = StatementArguments(columns.map { values[$0] ?? .null })
                do {
                    try db.cachedStatement(sql: sql).execute(arguments: arguments)
                } catch let error as DatabaseError where StorageError.databaseProblem(error) == nil {
                    throw TransferError.malformed(line: number, reason: Self.refusal(error, table: table))
                }
            }
            guard header else {
                throw TransferError.malformed(line: number + 1, reason: "the file ends before the export's first line")
            }
            // The export leaves the full-text index out: it is made again from the sentences' text.
            try Self.indexSentences(db)
            let problems = try IntegrityCheck(db: db).knowledgeProblems()
            guard problems.isEmpty else { throw TransferError.unsound(problems) }
        }
    }

    /// Fills the full-text index from the articles' text, each read once; FTS5's 'rebuild' reads it
    /// through the view `sentence_text`, once a sentence (quadratic in the sentences of one article).
    private static func indexSentences(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts) VALUES ('delete-all')")
        let insert = try db.makeStatement(sql: "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)")
        try SentenceTexts.forEachArticle(db) { _, utf8, sentences in
            for sentence in sentences {
                let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[sentence.bytes]), as: UTF8.self)
                try insert.execute(arguments: [sentence.id, text])
            }
        }
    }

    /// Why SQLite refused a row, in words.
    private static func refusal(_ error: DatabaseError, table: String) -> String {
        let message = StorageError.sqliteMessage(error)
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
            return "a second \(table) row with the key of one already read (\(message))"
        default:
            return "SQLite refused this \(table) row: \(message)"
        }
    }

    /// Plain tables of the schema (no SQLite, FTS shadow or migration tables), parents before children.
    static func tablesInDependencyOrder(_ db: Database) throws -> [String] {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
              AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
              AND name NOT IN (SELECT name || suffix FROM sqlite_master,
                  (SELECT '_data' AS suffix UNION SELECT '_idx' UNION SELECT '_content' UNION SELECT '_docsize'
                   UNION SELECT '_config') WHERE sql LIKE 'CREATE VIRTUAL%')
            ORDER BY name
            """)
        var parents: [String: Set<String>] = [:]
        for name in names {
            parents[name] = Set(try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name]))
                .intersection(names).subtracting([name])
        }
        return TransferFormat.dependencyOrder(names, parents: parents)
    }

    /// Every column, so that rows come out in one stable order whatever the table's key.
    private static func orderClause(_ db: Database, _ table: String) throws -> String {
        try db.columns(in: table).map { $0.name.quotedDatabaseIdentifier }.joined(separator: ", ")
    }

    /// The columns a table's rows are exported with: all of them, but an article's text as its plain
    /// text (`text`) instead of its stored form (`text_zlib`, `text_size`), for people and tools to read.
    private static func exportedColumns(_ db: Database, _ table: String) throws -> String {
        guard table == "article" else { return "*" }
        let columns = try db.columns(in: table).map(\.name).filter { $0 != "text_zlib" && $0 != "text_size" }
        return (columns.map(\.quotedDatabaseIdentifier)
                + ["CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT) AS text"]).joined(separator: ", ")
    }

    private static func transferValue(_ value: DatabaseValue) -> TransferValue {
        switch value.storage {
        case .null: .null
        case .int64(let v): .integer(v)
        case .double(let v): .real(v)
        case .string(let v): .text(v)
        case .blob(let v): .blob(v)
        }
    }

    private static func databaseValue(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .text(let v): v.databaseValue
        case .blob(let v): v.databaseValue
        }
    }
}
