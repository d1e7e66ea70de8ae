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
    static func migrator(files: [URL]) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in files {
            let sql = try String(contentsOf: file, encoding: .utf8)
            let name = file.deletingPathExtension().lastPathComponent
            // A migration with a data step runs with foreign keys on: the step deletes meetings, whose
            // rows must go with them (with deferred checks, cascades do not run and the final check fails).
            migrator.registerMigration(name, foreignKeyChecks: dataSteps[name] == nil ? .deferred : .immediate) { db in
                try db.execute(sql: sql)
                try dataSteps[name]?(db)
            }
        }
        return migrator
    }

    /// What a migration needs done in code after its file, by migration name.
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
