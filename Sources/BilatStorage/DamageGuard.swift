import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps writers out of a damaged database file, at the cost of one `PRAGMA quick_check` when the
/// file changed since it was last known sound.
///
/// SQLite reads only the pages a statement needs: an ingest appends at the right edge of each b-tree
/// and commits into a file whose other pages are damaged (flipped bytes, a bad copy), adding to the
/// damage. `PRAGMA quick_check` reads every page (0.3 s of CPU for 84 MB, so seconds for 1 GB): run
/// before every write, it would make `forget` of one article slow on a large file. So the file, when
/// found sound, is stamped: `FILE-checked` beside it holds the file's device, inode, size, modification
/// and change times. The kernel moves the change time on every write and no program can set it back:
/// a write by anything that left no stamp (another program, a copy, a process killed before its end)
/// makes the next writer check again. A bilat process that opened a stamped (or checked) file stamps
/// it again when it lets it go (``Restamp``), after its own writes; a concurrent writer's later
/// checkpoint only costs the next writer a check.
///
/// Limits: damage done while a bilat process has the file open is stamped with its own writes, and
/// bytes that change on the medium without a write (bit rot) leave the times alone; `bilat db check`
/// reads everything, and removes the stamp when it finds damage.
struct DamageGuard: Sendable {
    let path: String

    var stampPath: String { path + "-checked" }

    /// The file's identity and times as `stat` gives them; nil when it cannot be read.
    func fingerprint() -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return "bilat checked \(info.st_dev) \(info.st_ino) \(info.st_size) "
            + "\(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)\n"
    }

    /// True when the stamp names the file as it is now.
    func isStamped() -> Bool {
        guard let now = fingerprint(), let data = FileManager.default.contents(atPath: stampPath) else { return false }
        return String(decoding: data, as: UTF8.self) == now
    }

    /// Stamps the file as `fingerprint` described it. A stamp that cannot be written only costs the
    /// next writer a check (a torn one reads as another file's).
    func stamp(_ fingerprint: String?) {
        guard let fingerprint else { return }
        try? Data(fingerprint.utf8).write(to: URL(fileURLWithPath: stampPath))
    }

    func removeStamp() {
        try? FileManager.default.removeItem(atPath: stampPath)
    }

    /// For a command about to write: true when the file is sound as far as a stamp or
    /// `PRAGMA quick_check` can tell (a file not made yet is); throws
    /// ``StorageError/damaged(path:problems:)`` otherwise. The check reads through a read-only
    /// connection of its own, before the pool (whose opening writes a transaction) touches the file.
    func refuseDamage() throws -> Bool {
        guard FileManager.default.fileExists(atPath: path), !isStamped() else { return true }
        let before = fingerprint()
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        let problems = try queue.unsafeRead { db in try IntegrityCheck.problems(db, "PRAGMA quick_check") }
        guard problems.isEmpty else { throw StorageError.damaged(path: path, problems: problems) }
        stamp(before)
        return true
    }
}

/// Stamps a sound file again when the last copy of its store goes (the end of a command), after a
/// passive checkpoint has copied this process's transactions into it, so that the file's times are
/// final: the pool's own close then finds nothing left to copy. The checkpoint goes through a
/// connection of its own: the last copy of a store may go on any thread, the pool's writer's included.
/// Disarmed when damage was seen.
final class Restamp: @unchecked Sendable {
    private let damageGuard: DamageGuard
    private let lock = NSLock()
    private var armed: Bool

    init(_ damageGuard: DamageGuard, armed: Bool) {
        self.damageGuard = damageGuard
        self.armed = armed
    }

    func arm(_ value: Bool) {
        lock.withLock { armed = value }
    }

    deinit {
        guard armed, let queue = try? DatabaseQueue(path: damageGuard.path) else { return }
        // Passive: readers of other processes are not waited for; what they still hold is copied by a
        // later checkpoint, which changes the times again and costs the next writer a check.
        _ = try? queue.inDatabase { db in try db.checkpoint(.passive) }
        try? queue.close()
        damageGuard.stamp(damageGuard.fingerprint())
    }
}

extension SQLiteStore {
    /// Forgets that the file was sound: a command that met damage calls it, so that the next writer
    /// checks the file (and refuses it) instead of trusting its stamp.
    public func distrust() {
        restamp?.arm(false)
        DamageGuard(path: path).removeStamp()
    }
}
