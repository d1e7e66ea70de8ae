import BilatModel
import Foundation
import GRDB

/// The bilat knowledge base in one SQLite file (WAL mode), schema from the bundled `Migrations/`.
public struct SQLiteStore: Sendable {
    /// The database file.
    public let path: String
    /// A pool of connections, or, for a database opened to read only, one read-only connection.
    let pool: any DatabaseWriter
    /// Stamps the file again at the end of the command when it was found sound (see ``DamageGuard``);
    /// nil for a database opened to read only.
    let restamp: Restamp?

    /// Opens (creating when missing) the database at `path` and applies the migrations it lacks.
    /// Throws ``StorageError/newerDatabase(path:unknownMigrations:)`` for a file from a newer bilat.
    public init(path: String) throws {
        try self.init(path: path, refusingDamage: false)
    }

    /// Opens as ``init(path:)`` does; a command that writes passes `refusingDamage: true`: a damaged file
    /// then throws ``StorageError/damaged(path:problems:)`` before anything is written to it, migrations
    /// included (see ``DamageGuard``).
    public init(path: String, refusingDamage: Bool) throws {
        try self.init(path: path, migrator: SchemaMigrations.bundledMigrator(), refusingDamage: refusingDamage)
    }

    /// Opens with a given migrator; tests use it to simulate older and newer binaries.
    init(path: String, migrator: DatabaseMigrator, refusingDamage: Bool = false) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StorageError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        // A save touches pages all over the indexes of a large database (meeting buckets, officials,
        // the article hash); SQLite's default 2 MB page cache stops holding them at a few thousand
        // articles and each save then reads its pages back from the file. 32 MB a connection.
        // 8 KiB pages (new files only: an existing file keeps its page size) hold three 2.5 KB articles
        // where 4 KiB pages hold one: article text on 4 KiB pages took 39 MB for 25 MB of text.
        // No memory map (PRAGMA mmap_size): it spared pread copies in a long-lived process, but mapped
        // pages count in the resident set (an ingest of 10,000 articles 68 -> 188 MB, a 10,000-event
        // export 86 -> 328 MB) and a command run once gained nothing (export 0.39 s either way).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 8192; PRAGMA cache_size = -32768")
            ArticleText.register(in: db)
        }
        let damageGuard = DamageGuard(path: path)
        let sound: Bool
        do {
            sound = refusingDamage ? try damageGuard.refuseDamage() : damageGuard.isStamped()
        } catch let error where StorageError.isDatabaseBusy(error) {
            // A file another process is making (turning it to WAL locks it): nothing to find damaged yet;
            // left unstamped, the next writer checks it.
            sound = false
        }
        pool = try Self.openAndMigrate(path, configuration: configuration, migrator: migrator)
        self.path = path
        restamp = Restamp(damageGuard, armed: sound)
    }

    /// Opens an existing database to read only, for queries where the file or its folder cannot be
    /// written (a knowledge base shared read-only). A WAL database whose -shm file is absent and cannot be
    /// made is opened as immutable: SQLite then takes no locks and trusts that no one writes the file
    /// meanwhile (its owner still could: a query during such a write may read a half-written state). Throws
    /// ``StorageError/needsUpgrade(path:)`` when this bilat would first have to migrate it.
    public init(readingOnly path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -32768")
            ArticleText.register(in: db)
        }
        let migrator = try SchemaMigrations.bundledMigrator()
        func open(_ name: String) throws -> (DatabaseQueue, Set<String>) {
            let queue = try DatabaseQueue(path: name, configuration: configuration)
            return (queue, try queue.read { db in try migrator.appliedIdentifiers(db) })
        }
        let queue: DatabaseQueue
        let applied: Set<String>
        do {
            (queue, applied) = try open(path)
        } catch {
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            (queue, applied) = try open("file:\(escaped)?immutable=1")
        }
        let known = Set(migrator.migrations)
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else { throw StorageError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
        guard applied == known else { throw StorageError.needsUpgrade(path: path) }
        self.path = path
        self.pool = queue
        restamp = nil
    }

    /// Opens the pool and applies the missing migrations. Processes opening one new file at the same
    /// moment race each other, and a loser tries again, up to eight times, a little later each time
    /// (about 2 s in all):
    /// - creating the file, it may get SQLITE_BUSY at once, without the busy timeout (turning a new
    ///   file to WAL takes a lock the busy handler does not wait for);
    /// - migrating it, two may start the same migration: the loser's transaction fails on what the
    ///   winner made (SQLITE_ERROR) or, for a migration that can run twice (0007 rebuilds tables under
    ///   new names), when recording it (SQLITE_CONSTRAINT on grdb_migrations), and is rolled back;
    ///   tried again, it finds nothing left to do.
    /// A migration that fails on its own still fails, at the last attempt.
    private static func openAndMigrate(_ path: String, configuration: Configuration,
                                       migrator: DatabaseMigrator) throws -> DatabasePool {
        var attempt = 0
        while true {
            var migrating = false
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                let known = Set(migrator.migrations)
                let unknown = try pool.read { db in try migrator.appliedIdentifiers(db) }.subtracting(known)
                guard unknown.isEmpty else {
                    throw StorageError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
                }
                migrating = true
                try migrator.migrate(pool)
                return pool
            } catch let error as DatabaseError where attempt < 8 && (StorageError.isDatabaseBusy(error)
                        || migrating && [.SQLITE_ERROR, .SQLITE_CONSTRAINT].contains(error.resultCode)) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Identifiers of the migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        let migrator = try SchemaMigrations.bundledMigrator()
        return try pool.read { db in try migrator.appliedMigrations(db) }
    }
}

extension SQLiteStore: ArticleStore {
    public func save(_ article: Article, facts: ArticleFacts) throws -> SaveOutcome {
        let ingestedAt = Date().formatted(.iso8601)
        return try pool.write { db in
            var derived = DerivedWrites()
            let connection = SQLiteWriteConnection(db: db)
            let outcome = try ArticleWriter(db: connection).save(article, facts: facts, ingestedAt: ingestedAt,
                                                                 derived: &derived)
            try derived.apply(connection)
            return outcome
        }
    }

    public func save(batch: [(article: Article, facts: ArticleFacts)]) throws -> [Result<SaveOutcome, any Error>] {
        let ingestedAt = Date().formatted(.iso8601)
        return try pool.write { db in
            try WritePath.save(batch, ingestedAt: ingestedAt, on: SQLiteWriteConnection(db: db),
                               savepoint: { body in try db.inSavepoint { try body(); return .commit } },
                               isFatal: { StorageError.databaseProblem($0) != nil })
        }
    }

    public func containsArticle(id: String) throws -> Bool {
        try pool.read { db in try WritePath.isStored(id: id, on: SQLiteWriteConnection(db: db)) }
    }

    public func storedUnchanged(_ articles: [Article]) throws -> Set<String> {
        try pool.read { db in try WritePath.storedUnchanged(articles, on: SQLiteWriteConnection(db: db)) }
    }

    public func articleCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
    }

    public func syncCountries(_ countries: [Country]) throws {
        // Read first: every ingest syncs at start, and a write here would wait for (and, on a loaded
        // machine, lose to) another ingest holding the write lock between its articles.
        let wanted = Dictionary(countries.map { ($0.code.uppercased(), [$0.alpha3.uppercased(), $0.name]) },
                                uniquingKeysWith: { _, last in last })
        let stored = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT code, alpha3, name FROM country").reduce(into: [String: [String]]()) {
                $0[$1["code"]] = [$1["alpha3"], $1["name"]]
            }
        }
        if wanted.allSatisfy({ stored[$0.key] == $0.value }) { return }
        try pool.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO country(code, alpha3, name) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET alpha3 = excluded.alpha3, name = excluded.name
                WHERE alpha3 IS NOT excluded.alpha3 OR name IS NOT excluded.name
                """)
            for country in countries {
                try upsert.execute(arguments: [country.code.uppercased(), country.alpha3.uppercased(), country.name])
            }
        }
    }
}
