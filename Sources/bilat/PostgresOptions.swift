import BilatPostgres
import BilatServices
import BilatStorage
import Foundation

/// `--db postgres://USER@HOST[:PORT]/DATABASE` (or such a `$BILAT_DB`): the knowledge base on a
/// PostgreSQL server. The queries, `db export`, `db import` and `db check` work on it; the commands that
/// write articles (ingest, forget) and `db backup` do not yet, and say so.
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

    /// Refuses a PostgreSQL --db for a command that works only on a SQLite file so far.
    func requireFile(for command: String) throws {
        guard let url = try postgresURL() else { return }
        throw Failure.usage("""
            \(command) works on a SQLite file only, not yet on PostgreSQL (\(url)); meanwhile ingest into a \
            file and move it: bilat db export --db kb.sqlite | bilat db import - --db \(url)
            """)
    }
}
