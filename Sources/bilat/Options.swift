import ArgumentParser
import BilatExtraction
import BilatPostgres
import BilatServices
import BilatStorage
import Foundation

/// `--db`, shared by every command that opens the knowledge base.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file, or a PostgreSQL server as postgres://USER@HOST[:PORT]/DATABASE (default: $BILAT_DB, else ~/.local/share/bilat/bilat.sqlite).")
    var db: String?

    /// The path chosen by --db, $BILAT_DB or the default data folder.
    var path: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let fromEnv = env["BILAT_DB"], !fromEnv.isEmpty { return fromEnv }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("bilat/bilat.sqlite")
    }

    /// The knowledge base must be there (exit 66 when not): a folder or a missing file is no database.
    func requireExistingFile() throws {
        try requireFile(for: "this command")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure.missingInput("no knowledge base at \(path) (bilat ingest creates one; --db or $BILAT_DB names another)")
        }
        if isFolder.boolValue { throw folderFailure }
    }

    /// `--db` naming a folder, which SQLite would report as a read-only database.
    var folderFailure: Failure {
        .missingInput("\(path) is a folder, not a database file (--db names the file, e.g. \((path as NSString).appendingPathComponent("bilat.sqlite")))")
    }

    func openStore() throws -> SQLiteStore {
        try requireFile(for: "this command")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { throw folderFailure }
        do {
            return try naming { try SQLiteStore(path: path) }
        } catch let failure as DatabaseFailure {
            throw failure
        } catch {
            throw Failure.runtime("\(error)")
        }
    }

    /// Runs `body`; a failure of the database as a whole (read-only, full, busy, damaged) comes out
    /// naming this database's file.
    func naming<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error where StorageError.databaseProblem(error) != nil {
            throw DatabaseFailure(path: path, problem: StorageError.databaseProblem(error)!)
        }
    }

    /// The store for a command that only reads: opened as usual, else, when the file or its folder
    /// cannot be written, read-only (a knowledge base shared read-only still answers queries). A
    /// command that only reads never makes a database: a mistyped --db or $BILAT_DB would otherwise
    /// answer every query with nothing, leaving an empty file behind.
    func queryStore() throws -> SQLiteStore {
        try requireExistingFile()
        do {
            return try openStore()
        } catch let failure as DatabaseFailure where failure.problem == .readOnly && FileManager.default.fileExists(atPath: path) {
            do {
                return try naming { try SQLiteStore(readingOnly: path) }
            } catch let error as StorageError {
                throw Failure.runtime("\(error)")
            } catch {
                throw failure
            }
        }
    }

    /// The knowledge base of a query command (it must exist; see `queryStore`).
    func knowledge() throws -> KnowledgeBase {
        let queries: any KnowledgeQuerying = if let url = try postgresURL() { try postgresStore(url) } else { try queryStore() }
        return KnowledgeBase(queries: queries, countries: CountryLookup(reference: try loadReference(places: false)))
    }
}

/// The bundled reference data; `places: false` for commands that only look names up (faster to load).
func loadReference(places: Bool = true) throws -> ReferenceData {
    do {
        return try places ? ReferenceData.bundled() : ReferenceData.bundledForLookup()
    } catch {
        throw Failure.runtime("cannot load bilat's reference data: \(error)")
    }
}

/// A failure reported once, at the edge, with its exit code.
enum Failure: Error, CustomStringConvertible {
    case runtime(String)
    case usage(String)
    case badInput(String)
    case missingInput(String)

    var description: String {
        switch self {
        case .runtime(let m), .usage(let m), .badInput(let m), .missingInput(let m): m
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .runtime: ExitCode(1)
        case .usage: ExitCode(64)
        case .badInput: ExitCode(65)
        case .missingInput: ExitCode(66)
        }
    }
}

/// A failure of the database as a whole, with the file it concerns: exit 75 when busy, else 1.
struct DatabaseFailure: Error, CustomStringConvertible {
    let path: String
    let problem: DatabaseProblem

    var description: String {
        if problem == .corrupt { return "\(path): the database file is damaged or not a bilat database. \(DatabaseProblem.wayOut(path))" }
        guard problem == .readOnly else { return "\(path): \(problem)" }
        // SQLite gives its -wal and -shm files the database file's permissions when it makes them: a
        // database once read-only may keep read-only companions after the file itself is writable again.
        let folder = (path as NSString).deletingLastPathComponent
        let candidates = [path, path + "-wal", path + "-shm"].filter { FileManager.default.fileExists(atPath: $0) }
            + [folder.isEmpty ? "." : folder]
        let locked = candidates.filter { !FileManager.default.isWritableFile(atPath: $0) }
        return "\(path): \(problem)" + (locked.isEmpty ? "" : " (not writable: \(locked.joined(separator: ", ")))")
    }

    var exitCode: ExitCode { ExitCode(problem == .busy ? 75 : 1) }
}

/// Runs a command body, printing a failure to stderr with its exit code: an unknown country or area
/// (a word of bilat's fixed lists) is a usage error (64); a person the knowledge base does not hold is
/// not found (66), as a missing file is.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        Terminal.error(failure.description)
        throw failure.exitCode
    } catch let failure as DatabaseFailure {
        Terminal.error(failure.description)
        throw failure.exitCode
    } catch let unknown as UnknownCountryError {
        Terminal.error(unknown.description)
        throw ExitCode(64)
    } catch let repeated as RepeatedCountryError {
        Terminal.error(repeated.description)
        throw ExitCode(64)
    } catch let request as TimelineRequestError {
        Terminal.error(request.description)
        throw ExitCode(64)
    } catch let unknown as UnknownNameError {
        Terminal.error(unknown.description)
        throw ExitCode(unknown.kind == "area" ? 64 : 66)
    } catch let failure as PostgresFailure {
        Terminal.error(failure.description)
        throw ExitCode(1)
    } catch let error where StorageError.databaseProblem(error) != nil {
        let problem = StorageError.databaseProblem(error)!
        Terminal.error(problem.description)
        throw ExitCode(problem == .busy ? 75 : 1)
    }
}
