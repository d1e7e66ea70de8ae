import GRDB

/// A failure of the database itself rather than of one article: further writes would fail alike.
public enum DatabaseProblem: Sendable, Equatable, CustomStringConvertible {
    /// Another process held the database past the busy timeout (exit 75: try again).
    case busy
    /// The disk, or the file size limit, is full.
    case full
    /// The file or its folder is read-only.
    case readOnly
    /// The operating system failed a read or write.
    case ioError
    /// The file is damaged or not a database.
    case corrupt
    /// The database server cannot be reached, or stopped answering.
    case unreachable

    public var description: String {
        switch self {
        case .busy: "the database is busy: another process kept it locked past the timeout; try again"
        case .full: "the disk is full (or the file size limit was reached); free space and run the same command again"
        case .readOnly: "the database is read-only; check the permissions of the file and its folder, or choose another --db"
        case .ioError: "a disk I/O error stopped the database (is the disk full or gone?); fix it and run the same command again"
        case .corrupt: "the database file is damaged or not a bilat database. \(Self.wayOut(nil))"
        case .unreachable: "the database server cannot be reached or stopped answering; check that it runs, then run the same command again"
        }
    }

    /// What to do with a damaged database file (`path`, when known, goes into the commands).
    public static func wayOut(_ path: String?, listing: Bool = true) -> String {
        // Quoted for a POSIX shell, to be pasted as it is.
        let db = path.map { " --db '" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" } ?? ""
        return "Keep a copy of it as it is (`bilat db backup\(db) damaged-copy.sqlite`), save what is still readable "
            + "(`bilat db export\(db) -o kb.ndjson`, then `bilat db import kb.ndjson --db NEW.sqlite`), "
            + "or restore a backup" + (listing ? "; `bilat db check\(db)` lists the damage" : "")
    }
}

extension StorageError {
    /// What is wrong with the database when `error` is a failure of the database as a whole.
    public static func databaseProblem(_ error: any Error) -> DatabaseProblem? {
        if let error = error as? any ReportsDatabaseProblem { return error.databaseProblem }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .full
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .readOnly
        case .SQLITE_IOERR: return error.extendedResultCode == .SQLITE_IOERR_WRITE ? .full : .ioError
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt
        default: return nil
        }
    }

    /// SQLite's own words for a failure, without the statement that met it.
    public static func sqliteMessage(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }

    /// True when `error` is SQLite's "database is busy/locked" past the busy timeout.
    public static func isDatabaseBusy(_ error: any Error) -> Bool {
        databaseProblem(error) == .busy
    }
}

/// An error of another backend that may be a failure of the database as a whole (which ends an ingest)
/// rather than of one article.
public protocol ReportsDatabaseProblem: Error {
    var databaseProblem: DatabaseProblem? { get }
}
