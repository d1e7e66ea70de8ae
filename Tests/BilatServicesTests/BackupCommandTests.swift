import BilatStorage
import Foundation
import GRDB
import Testing

/// `bilat db backup FILE` as a user runs it: a complete copy, written atomically, never over an
/// existing file without --force.
@Suite("The backup command, end to end")
struct BackupCommandTests {
    static func database(in folder: URL) throws -> String {
        try ingestedDatabase(in: folder, at: "kb/kb.sqlite")
    }

    /// Every table of the file (SQLite's, the full-text index's and the migrations' too) with its rows,
    /// in a stable order, and the schema. The full-text table reads its content through the view
    /// `sentence_text`, which uncompresses the article text with `sqlar_uncompress` (schema 0010).
    static func contents(of path: String) throws -> [String: [String]] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in ArticleText.register(in: db) }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var tables = ["sqlite_master": try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
                .map(\.description).sorted()]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                    .map(\.description).sorted()
            }
            return tables
        }
    }

    static func expectSameTables(_ backup: String, as source: String) throws {
        let copied = try contents(of: backup)
        let original = try contents(of: source)
        #expect(copied.keys.sorted() == original.keys.sorted())
        for (table, rows) in original {
            #expect(copied[table] == rows, "table \(table)")
        }
        #expect(original["article"]?.count ?? 0 > 20 && original["meeting"]?.isEmpty == false)
    }

    @Test("db backup FILE writes a complete copy: every table's rows are the source's, no temporary file is left")
    func completeCopy() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let target = folder.appendingPathComponent("backups/kb-backup.sqlite")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)

        let run = try runBilat(["db", "backup", target.path], database: db)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("backup: \(target.path)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
                    == ["kb-backup.sqlite"])
        try Self.expectSameTables(target.path, as: db)
    }

    @Test("an existing FILE is refused without --force and left as it was; --force replaces it, keeping its mode; the database itself is refused")
    func existingFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let target = try folder.write("yesterday's backup\n", to: "backup.sqlite")
        #expect(chmod(target.path, 0o600) == 0)

        let refused = try runBilat(["db", "backup", target.path], database: db)

        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("bilat: \(target.path) exists; pass --force to replace it"), "\(refused.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "yesterday's backup\n")
        #expect(try leftovers(in: folder).isEmpty)

        let forced = try runBilat(["db", "backup", "--force", target.path], database: db)

        #expect(forced.status == 0, "\(forced.stderr)")
        try Self.expectSameTables(target.path, as: db)
        #expect(OutputFileTests.permissions(target.path) == 0o600)
        #expect(try leftovers(in: folder).isEmpty)

        let before = try Self.contents(of: db)
        let itself = try runBilat(["db", "backup", "--force", db], database: db)
        #expect(itself.status == 1 && itself.stderr.contains("is the database itself"), "\(itself.stderr)")
        #expect(try Self.contents(of: db) == before)
    }

    static var permissionsBind: Bool { DatabaseFileFaultTests.permissionsBind }

    @Test("a knowledge base shared read-only (file and folder) is backed up too",
          .enabled(if: permissionsBind, "root without setpriv: a chmod does not bind bilat"))
    func readOnlySource() throws {
        let folder = try makeTemporaryFolder()
        let db = try Self.database(in: folder)
        let kbFolder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        defer {
            chmod(kbFolder, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(db, 0o444) == 0 && chmod(kbFolder, 0o555) == 0)
        let target = folder.appendingPathComponent("backup.sqlite").path
        let beside = try FileManager.default.contentsOfDirectory(atPath: kbFolder).sorted()

        let run = try DatabaseFileFaultTests.runBound(["db", "backup", target], database: db)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: kbFolder).sorted() == beside,
                "nothing written beside the source")
        try Self.expectSameTables(target, as: db)
    }
}
