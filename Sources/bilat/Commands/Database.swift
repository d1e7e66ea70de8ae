import ArgumentParser

extension Bilat {
    /// `bilat db ...`: the database file itself.
    struct Db: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Look after the database file: backup, export, import.",
            discussion: """
                Examples:
                  bilat db backup ~/backups/bilat.sqlite
                  bilat db export -o kb.ndjson
                """,
            subcommands: [
                DatabaseBackup.self,
                DatabaseExport.self,
                DatabaseImport.self,
                DatabaseCheck.self,
            ]
        )
    }
}
