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
            migrator.registerMigration(file.deletingPathExtension().lastPathComponent) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    /// The bundled schema's migrator.
    static func bundledMigrator() throws -> DatabaseMigrator {
        try migrator(files: bundledFiles())
    }
}
