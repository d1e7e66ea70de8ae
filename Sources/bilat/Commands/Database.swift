import ArgumentParser
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

extension DatabaseOptions {
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
