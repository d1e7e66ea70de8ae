import Foundation
import GRDB

/// The schema as the ordered `Migrations/NNNN_name.sql` files bundled with the binary.
enum SchemaMigrations {
    /// The bundled migration files, sorted by name.
    static func bundledFiles() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw StorageError.migrationsNotBundled
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw StorageError.migrationsNotBundled }
        return files
    }

    /// A migrator with one migration per file, identified by the file name without `.sql`.
    ///
    /// A data step is code of today's write path, which writes today's schema: it runs in the last
    /// migration of the upgrade, not in the one that asked for it (0009's re-clustering writes the pair
    /// column 0012 adds). The migration that asks records its number in the file's header
    /// (`PRAGMA user_version`, 0 when no step is pending), so that an upgrade stopped between the two
    /// still runs the step when it resumes: every step from that number on is pending.
    static func migrator(files: [URL]) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        let last = files.last?.deletingPathExtension().lastPathComponent
        for file in files {
            let sql = try String(contentsOf: file, encoding: .utf8)
            let name = file.deletingPathExtension().lastPathComponent
            // The last migration runs with foreign keys on: a data step deletes meetings, whose rows must
            // go with them (with deferred checks, cascades do not run and the final check fails).
            migrator.registerMigration(name, foreignKeyChecks: name == last ? .immediate : .deferred) { db in
                try db.execute(sql: sql)
                var pending = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if dataSteps[name] != nil, pending == 0, let number = Int(name.prefix(4)) {
                    pending = number
                    try db.execute(sql: "PRAGMA user_version = \(number)")
                }
                if name == last, pending > 0 {
                    for step in dataSteps.keys.sorted() where Int(step.prefix(4)) ?? 0 >= pending {
                        try dataSteps[step]?(db)
                    }
                    try db.execute(sql: "PRAGMA user_version = 0")
                }
            }
        }
        return migrator
    }

    /// What a migration needs done in code after the upgrade's last file, by migration name.
    static let dataSteps: [String: @Sendable (Database) throws -> Void] = [
        // The meetings clustered again from the report groups the file made (rebuilding every
        // meeting's derived rows, ids kept where the meeting survives).
        "0009_meeting_report_groups": { db in
            let buckets = try MeetingBucket.fetchAll(db, sql: "SELECT DISTINCT country_key, mode, bucket_year FROM meeting_unit")
            try MeetingConsolidation(db: SQLiteWriteConnection(db: db)).recompute(Set(buckets), rebuild: true)
        },
    ]

    /// The bundled schema's migrator.
    static func bundledMigrator() throws -> DatabaseMigrator {
        try migrator(files: bundledFiles())
    }
}
