import GRDB

extension StorageError {
    /// True when `error` is SQLite's "database is busy/locked": another process held the database
    /// longer than the busy timeout. Callers report it with exit code 75 (EX_TEMPFAIL): try again.
    public static func isDatabaseBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}
