import ArgumentParser
import BilatServices
import BilatStorage
import Foundation

/// `bilat db backup FILE`
struct DatabaseBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the live database to FILE with SQLite's online backup API.",
        discussion: HelpText.reflow("""
            Ingests and queries may go on meanwhile; FILE is a complete database of its own. It
            appears only once whole and on disk (written beside it under a temporary name, then
            renamed); an existing FILE is replaced only with --force.

            Example:
              bilat db backup ~/backups/bilat-$(date +%F).sqlite
            """)
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to write.")
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
        try reporting {
            let backup = try PartialFile(replacing: file)
            if backup.exists, !force { throw Failure.runtime("\(file) exists; pass --force to replace it") }
            let store = try database.queryStore()
            if [store.path, store.path + "-wal", store.path + "-shm"].contains(where: backup.isSameFile(as:)) {
                throw Failure.runtime("\(file) is the database itself; back it up to another file")
            }
            defer { backup.discard() }
            try backup.create().close()
            do {
                try store.backup(to: backup.temporary)
            } catch let error where [.full, .readOnly].contains(StorageError.databaseProblem(error)) {
                // The copy's file could not be written: the database read was not the problem.
                let reason = StorageError.databaseProblem(error) == .full
                    ? "the disk is full, or the file size limit was reached" : "the file or its folder is read-only"
                throw Failure.runtime("\(file): cannot write the backup (\(reason))")
            }
            try backup.commit(replacing: force)
            Terminal.note("backup: \(file)")
        }
    }
}

/// `bilat db export [-o FILE]`
struct DatabaseExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole knowledge base as NDJSON (one row a line), for `bilat db import`.",
        discussion: HelpText.reflow("""
            The first line names the schema's migrations; then {"table", "row"} lines, parents before
            children. `bilat db import` of the output into a new database gives back the same rows.

            Example:
              bilat db export -o kb.ndjson && bilat db import kb.ndjson --db new.sqlite
            """)
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: "Write to FILE instead of stdout (atomically); - is stdout.")
    var output: String?

    func run() throws {
        try reporting {
            // Either backend writes the same lines; a SQLite file is spared from being the output.
            let export: ((String) throws -> Void) throws -> Void
            let sparing: String?
            if let url = try database.postgresURL() {
                export = try database.postgresStore(url).exportNDJSON
                sparing = nil
            } else {
                let store = try database.queryStore()
                (export, sparing) = (store.exportNDJSON, store.path)
            }
            try AtomicOutput.write(to: output, sparing: sparing) { sink in
                try export { line in
                    sink.write(line + "\n")
                    try sink.check()
                }
            }
        }
    }
}

/// `bilat db import FILE`
struct DatabaseImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an NDJSON export into a new, empty database, in one transaction.",
        discussion: HelpText.reflow("""
            The import commits only a sound knowledge base: a line that is not a row of this schema, or
            a second row with the key of one already read, stops it (exit 65, the line named); once
            loaded, the rows must pass PRAGMA foreign_key_check and the rules of `bilat db check`, else
            nothing is kept (exit 65, the problems listed) and the database stays empty.

            Example:
              bilat db import kb.ndjson --db restored.sqlite
            """)
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "An export written by `bilat db export` (- for stdin).")
    var file: String

    func run() throws {
        try reporting {
            guard file == "-" || FileManager.default.fileExists(atPath: file) else {
                throw Failure.missingInput("\(file): no such file")
            }
            // The input opened first: one that cannot be read leaves no new database behind.
            let lines: TextLines
            do {
                lines = try TextLines(path: file)
            } catch let error as InputError {
                throw Failure.badInput(error.description)
            }
            // A refused row or an unreadable line is bad input, named with the file.
            func loading(_ body: () throws -> Void) throws {
                do {
                    try body()
                } catch let error as TransferError {
                    throw Failure.badInput("\(file): \(error)")
                } catch let error as InputError {
                    throw Failure.badInput(error.description)
                }
            }
            if let url = try database.postgresURL() {
                let store = try database.postgresStore(url)
                try loading { try store.importNDJSON(nextLine: lines.next) }
                return Terminal.note("import: \(try store.articleCount()) articles into \(url)")
            }
            let store = try database.writableStore()
            try loading { try store.importNDJSON(nextLine: lines.next) }
            Terminal.note("import: \(try store.articleCount()) articles")
        }
    }
}
