import ArgumentParser
import BilatPostgres
import BilatStorage
import Foundation

extension Bilat {
    /// `bilat db ...`: the database file itself.
    struct Db: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Look after the database file: backup, export, import.",
            discussion: HelpText.reflow("""
                Examples:
                  bilat db backup ~/backups/bilat.sqlite
                  bilat db export -o kb.ndjson
                """),
            subcommands: [
                DatabaseBackup.self,
                DatabaseExport.self,
                DatabaseImport.self,
                DatabaseCheck.self,
            ]
        )
    }
}

/// A knowledge base ingest and forget write to: a SQLite file or a PostgreSQL server.
protocol WritableStore: ArticleStore, KnowledgeBaseMaintenance {
    /// Stops writing to a database found damaged (SQLite's file; nothing to do on a server).
    func distrust()
}

extension SQLiteStore: WritableStore {}

extension PostgresStore: WritableStore {
    public func distrust() {}
}

extension DatabaseOptions {
    /// The store of ingest and forget: the PostgreSQL server --db names, else the file (`writableStore()`).
    func writableKnowledgeStore() throws -> any WritableStore {
        if let url = try postgresURL() { return try postgresStore(url) }
        return try writableStore()
    }

    /// The database as messages name it: the file's path, or the server's URL without its password.
    var displayName: String {
        (try? postgresURL())?.map(\.description) ?? path
    }

    /// The store for a command that writes (ingest, forget, import): opened as `openStore()` opens it,
    /// refusing a damaged file before anything is written to it.
    func writableStore() throws -> SQLiteStore {
        try requireFile(for: "this command")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { throw folderFailure }
        do {
            return try naming { try SQLiteStore(path: path, refusingDamage: true) }
        } catch let failure as DatabaseFailure {
            throw failure
        } catch {
            throw Failure.runtime("\(error)")
        }
    }
}
