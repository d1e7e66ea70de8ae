import Foundation

/// Why the store could not open or answer; each message says how to fix the problem.
public enum StorageError: Error, CustomStringConvertible, Sendable {
    /// The database has migrations this bilat does not know: a newer bilat wrote it.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// A database opened to read only was written by an older bilat and needs its migrations first.
    case needsUpgrade(path: String)
    /// The schema files are missing from the binary's resources.
    case migrationsNotBundled
    /// The folder that should hold the database could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A stored value is not what the schema promises (the file was edited by hand).
    case invalidStoredValue(table: String, column: String, value: String)
    /// `PRAGMA quick_check` found the file damaged; a command that writes refuses it.
    case damaged(path: String, problems: [String])

    public var description: String {
        switch self {
        case let .newerDatabase(path, unknown):
            "database \(path) was written by a newer bilat (migration \(unknown.joined(separator: ", ")) unknown); "
                + "upgrade bilat, or point --db at another file"
        case let .needsUpgrade(path):
            "database \(path) was written by an older bilat and cannot be upgraded where it is read-only; "
                + "run any bilat command once where it can be written"
        case .migrationsNotBundled:
            "the schema migrations are not bundled with this bilat (Migrations/ missing from the BilatStorage "
                + "resources); rebuild bilat with `swift build`"
        case let .cannotCreateFolder(path, reason):
            "cannot make the folder \(path) for the database (\(reason)); make it by hand or choose another --db path"
        case let .damaged(path, problems):
            "database \(path) is damaged (PRAGMA quick_check: \(Self.summary(of: problems))); nothing was written to it. "
                + DatabaseProblem.wayOut(path)
        case let .invalidStoredValue(table, column, value):
            "\(table).\(column) holds \"\(value)\", which bilat cannot read; fix or delete that row, "
                + "or re-ingest into a new database"
        }
    }
}

extension StorageError {
    /// The first problems SQLite's checks report, on one line: their rows may hold several lines, the
    /// first headed "*** in database main ***".
    public static func summary(of problems: [String], first count: Int = 3) -> String {
        let lines = problems.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
        return lines.prefix(count).joined(separator: "; ") + (lines.count > count ? "; and \(lines.count - count) more" : "")
    }
}

extension StorageError {
    /// An INSERT … RETURNING id that returned no row.
    static func noID(_ table: String) -> StorageError {
        .invalidStoredValue(table: table, column: "id", value: "no id returned")
    }
}
