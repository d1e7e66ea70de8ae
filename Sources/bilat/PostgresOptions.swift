import BilatPostgres
import BilatServices
import BilatStorage
import Foundation

/// `--db postgres://USER@HOST[:PORT]/DATABASE` (or such a `$BILAT_DB`): the knowledge base on a
/// PostgreSQL server. Every command works on it but `db backup` (the server's own tools back it up:
/// pg_dump), which says so.
extension DatabaseOptions {
    /// The server named by --db or $BILAT_DB; nil for a file. A URL that does not parse is a usage error.
    func postgresURL() throws -> PostgresURL? {
        guard PostgresURL.names(path) else { return nil }
        do {
            return try PostgresURL(path)
        } catch let error as PostgresURL.Invalid {
            throw Failure.usage(error.description)
        }
    }

    /// The PostgreSQL store, connected and migrated; a server that cannot be reached or refuses is a
    /// runtime failure naming the URL (its password left out).
    func postgresStore(_ url: PostgresURL) throws -> PostgresStore {
        do {
            return try PostgresStore(url: url)
        } catch let error as PostgresFailure {
            throw Failure.runtime(error.description)
        }
    }

    /// Refuses a PostgreSQL --db for a command that works only on a SQLite file (`db backup`).
    func requireFile(for command: String) throws {
        guard let url = try postgresURL() else { return }
        throw Failure.usage("""
            \(command) works on a SQLite file, not on a PostgreSQL server (\(url)): back a server's database up \
            with pg_dump, or copy it into a file: bilat db export --db \(url) | bilat db import - --db kb.sqlite
            """)
    }
}
