@testable import BilatPostgres
import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

/// The PostgreSQL server the tests use: `BILAT_TEST_POSTGRES_URL` (`.ci/run` starts a throwaway one
/// with scripts/postgres-test-server and sets it). Without it, the tests that need a server skip, and
/// say so in the test report.
enum PostgresTestServer {
    static let url: PostgresURL? = ProcessInfo.processInfo.environment["BILAT_TEST_POSTGRES_URL"]
        .flatMap { try? PostgresURL($0) }

    /// A new, empty database on the test server, dropped by `drop()`.
    struct Database {
        let url: PostgresURL
        let admin: PostgresSession

        init() throws {
            let server = try #require(PostgresTestServer.url)
            admin = try PostgresSession(url: server)
            var url = server
            url.database = "bilat_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try admin.execute("CREATE DATABASE \(url.database)")
            self.url = url
        }

        func drop() {
            try? admin.execute("DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)")
        }
    }
}

@Suite("PostgreSQL backend: the same knowledge base behind the same protocols",
       .enabled(if: PostgresTestServer.url != nil, "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one)"))
struct PostgresBackendTests {
    /// The dev and multi fixture corpora ingested into a SQLite file, and its export.
    static func sqliteKnowledgeBase(_ folder: URL) throws -> (store: SQLiteStore, lines: [String]) {
        let store = try KnowledgeBaseFixtures.makeStore(folder)
        for corpus in try KnowledgeBaseFixtures.articles(in: "dev") + KnowledgeBaseFixtures.articles(in: "multi") {
            _ = try store.save(corpus.article, facts: KnowledgeBaseFixtures.extractor.extract(corpus.article))
        }
        var lines: [String] = []
        try store.exportNDJSON { lines.append($0) }
        return (store, lines)
    }

    static func importing(_ lines: [String], into store: PostgresStore) throws {
        var iterator = lines.makeIterator()
        try store.importNDJSON { iterator.next() }
    }

    @Test("a SQLite export imported into PostgreSQL exports again as the same lines, and every query answers the same")
    func sameKnowledgeBase() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (sqlite, lines) = try Self.sqliteKnowledgeBase(folder)
        #expect(lines.count > 1000)

        let postgres = try PostgresStore(url: database.url)
        try Self.importing(lines, into: postgres)
        var again: [String] = []
        try postgres.exportNDJSON { again.append($0) }
        #expect(again == lines)
        #expect(try postgres.articleCount() == sqlite.articleCount())

        let pairs = try sqlite.stats(topPairs: 8).mostActivePairs.map(\.countries)
        #expect(pairs.count == 8)
        let everyMeeting = try sqlite.meetings(MeetingFilter())
        let meetingIDs = everyMeeting.map(\.id)
        // Every two of the sides of every meeting of more sides (side by side in its key or not).
        var twoSides: Set<[String]> = []
        for sides in everyMeeting.map(\.countries) where sides.count >= 3 {
            for (i, first) in sides.enumerated() {
                for second in sides[(i + 1)...] { twoSides.insert([first, second]) }
            }
        }
        let sidePairs = twoSides.sorted { $0.joined() < $1.joined() }
        #expect(sidePairs.count >= 6)
        let officialIDs = try sqlite.officials(country: nil).map(\.id)
        // One case a query, each asked of both stores (the protocols' own values compared).
        let cases: [(String, (any KnowledgeQuerying) throws -> AnyHashable)] = [
            ("every meeting", { try $0.meetings(MeetingFilter()) }),
            ("a page of the busiest pairs' meetings", { store in try pairs.map { try store.meetings(MeetingFilter(countries: $0, limit: 5)) } }),
            ("every two sides of a meeting of more, all and a page", { store in
                try sidePairs.map { [try store.meetings(MeetingFilter(countries: $0)), try store.meetings(MeetingFilter(countries: $0, limit: 3))] }
            }),
            ("one country, phone calls, dated", { try $0.meetings(MeetingFilter(countries: ["US"], from: PartialDate(iso: "2024"), mode: .phone)) }),
            ("planned meetings", { try $0.meetings(MeetingFilter(status: .planned)) }),
            ("meetings with an area", { try $0.meetings(MeetingFilter(countries: ["CN"], area: "trade")) }),
            ("every meeting in detail", { store in try meetingIDs.map { try store.meeting(id: $0) } }),
            ("sources of every meeting", { try $0.meetingSources(ids: meetingIDs) }),
            ("agreements", { try $0.agreements(MeetingFilter()) }),
            ("agreements of a pair", { store in try pairs.map { try store.agreements(MeetingFilter(countries: $0)) } }),
            ("statements", { try $0.statements(MeetingFilter()) }),
            ("statements of a pair, dated", { store in try pairs.map { try store.statements(MeetingFilter(countries: $0, from: PartialDate(iso: "2025"))) } }),
            ("officials", { try $0.officials(country: nil) }),
            ("officials of China", { try $0.officials(country: "CN") }),
            ("officials named", { try $0.officials(named: "xi") }),
            ("official names", { try $0.officialNames() }),
            ("every official in detail", { store in try officialIDs.map { try store.official(id: $0) } }),
            ("agreement 1", { try $0.agreement(id: 1) }),
            ("areas of China", { try $0.areas(countries: ["CN"]) }),
            ("areas everywhere", { try $0.areas(countries: []) }),
            ("stats", { try $0.stats(topPairs: 10) }),
        ]
        for (name, query) in cases {
            #expect(try query(postgres) == query(sqlite), "\(name)")
        }
    }

    @Test("a pair's page is read in its order from meeting_pair_page: a page of the pair's meetings read, not all of them, merged with the multilateral ones, no country's meetings joined")
    func pairPageReadInOrder() throws {
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let store = try PostgresStore(url: database.url)
        let session = try PostgresSession(url: database.url)
        try session.execute("INSERT INTO country(code, alpha3, name) VALUES ('CN', 'CHN', 'China'), ('US', 'USA', 'United States'), ('IN', 'IND', 'India')")
        // 3,000 meetings of the pair (every tenth undated), 3,000 of another pair, 30 of three sides.
        try session.execute("""
            INSERT INTO meeting(date, date_precision, date_first_day, mode, status, country_key)
            SELECT d, CASE WHEN d IS NULL THEN NULL ELSE 'day' END, d, 'in_person', 'held', k
            FROM (SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE to_char(date '2000-01-01' + i, 'YYYY-MM-DD') END AS d, k
                  FROM generate_series(1, 3000) i, (VALUES ('CN,US'), ('CN,IN')) keys(k)) x
            """)
        try session.execute("""
            INSERT INTO meeting(date, date_precision, date_first_day, mode, status, country_key)
            SELECT to_char(date '2000-01-01' + i * 100, 'YYYY-MM-DD'), 'day', to_char(date '2000-01-01' + i * 100, 'YYYY-MM-DD'),
                   'phone', 'held', 'CN,IN,US' FROM generate_series(1, 30) i
            """)
        try session.execute("""
            INSERT INTO meeting_country(meeting_id, country, country_key)
            SELECT m.id, c, m.country_key FROM meeting m, unnest(string_to_array(m.country_key, ',')) c
            """)
        try session.execute("ANALYZE")

        let all = try store.meetings(MeetingFilter(countries: ["US", "CN"]))
        #expect(all.count == 3030)
        #expect(all.last?.date == nil)
        for limit in [1, 10, 101] {
            let filter = MeetingFilter(countries: ["US", "CN"], limit: limit)
            #expect(try store.meetings(filter).map(\.id) == all.prefix(limit).map(\.id))
            // EXPLAIN ANALYZE: the pair's meetings come from meeting_pair_page, in order, no more than a page.
            let (query, values) = PostgresStore.meetingQuery(filter)
            let plan = try session.rows("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + query, values, unnamed: true)
                .compactMap { $0.first?.text }
            let shown = plan.joined(separator: "\n")
            let scan = try #require(plan.first { $0.contains("Index Scan using meeting_pair_page") }, "\(shown)")
            let read = try #require(scan.firstMatch(of: /actual rows=(\d+)/).flatMap { Int($0.1) }, "\(scan)")
            #expect(read <= limit, "\(shown)")
            // The multilateral ones: read from meeting_multilateral, no country's meetings joined to find them
            // (the page's plan, before the subplans of its meetings' lists).
            let page = plan.prefix { !$0.contains("SubPlan") }
            #expect(page.contains { $0.contains("meeting_multilateral") }, "\(shown)")
            #expect(!page.contains { $0.contains("Hash") || $0.contains("Seq Scan") || $0.contains("meeting_country") }, "\(shown)")
        }
    }

    @Test("search: the same sentences as SQLite's for whole words and prefixes, matches marked, filters applied")
    func search() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (sqlite, lines) = try Self.sqliteKnowledgeBase(folder)
        let postgres = try PostgresStore(url: database.url)
        try Self.importing(lines, into: postgres)
        for text in ["trade", "Kishid", "energy cooperation", "Sao Paulo", "nothingsuchword"] {
            // The rank differs (ts_rank against bm25): the sets of sentences are compared.
            let expected = Set(try sqlite.search(SearchQuery(text: text, limit: 1000)).map { $0.source })
            let found = try postgres.search(SearchQuery(text: text, limit: 1000))
            #expect(Set(found.map(\.source)) == expected, "\(text)")
            if text != "nothingsuchword" { #expect(!found.isEmpty, "\(text)") }
            for hit in found where text == "trade" { #expect(hit.snippet.lowercased().contains("[trade]"), "\(hit.snippet)") }
        }
        let chinese = try postgres.search(SearchQuery(text: "trade", countries: ["CN"], limit: 1000))
        #expect(Set(chinese.map(\.source)) == Set(try sqlite.search(SearchQuery(text: "trade", countries: ["CN"], limit: 1000)).map(\.source)))
        #expect(try postgres.search(SearchQuery(text: "trade", limit: 1000, candidates: 3)).count == 3)
    }

    @Test("import refuses a knowledge base that is not empty, another schema, an unknown table and a repeated row, naming the line and keeping nothing")
    func importRefusals() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (_, lines) = try Self.sqliteKnowledgeBase(folder)
        let postgres = try PostgresStore(url: database.url)

        var otherSchema = lines
        otherSchema[0] = try TransferFormat.headerLine(migrations: ["0001_initial"])
        #expect(throws: TransferError.self) { try Self.importing(otherSchema, into: postgres) }

        let unknown = Array(lines.prefix(3)) + [#"{"row":{"a":1},"table":"nope"}"#]
        #expect(throws: TransferError.unknownTable(line: 4, table: "nope")) { try Self.importing(unknown, into: postgres) }

        // The 40th line again, further on: its key is taken.
        var repeated = lines
        repeated.insert(lines[40], at: 60)
        do {
            try Self.importing(repeated, into: postgres)
            Issue.record("a repeated row was imported")
        } catch TransferError.malformed(let line, let reason) {
            #expect(line == 61)
            #expect(reason.contains("a second"), "\(reason)")
        }
        #expect(try postgres.articleCount() == 0)

        try Self.importing(lines, into: postgres)
        #expect(throws: TransferError.notEmpty(database.url.description)) { try Self.importing(lines, into: postgres) }
    }

    @Test("db check: clean after an import; a miscounted group, a meeting without source and words that are not the text's are found; an import breaking a rule keeps nothing")
    func check() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (_, lines) = try Self.sqliteKnowledgeBase(folder)

        // A meeting's only source left out of the export: the import refuses the whole.
        let firstMeeting = try #require(lines.first { $0.contains(#""table":"meeting""#) })
        let id = try #require(firstMeeting.firstMatch(of: /"id":(\d+)/)?.1)
        let unsound = lines.filter { !($0.contains(#""table":"meeting_source""#) && $0.contains(#""meeting_id":\#(id),"#)) }
        #expect(unsound.count < lines.count)
        let postgres = try PostgresStore(url: database.url)
        do {
            try Self.importing(unsound, into: postgres)
            Issue.record("an import without a meeting's sources was kept")
        } catch TransferError.unsound(let problems) {
            #expect(problems.contains(IntegrityProblem(check: "meeting-without-source", detail: "meeting \(id)")), "\(problems)")
        }
        #expect(try postgres.articleCount() == 0)

        try Self.importing(lines, into: postgres)
        #expect(try postgres.integrityProblems() == [])
        let session = try PostgresSession(url: database.url)
        try session.execute("UPDATE meeting_unit SET articles = articles + 1, held = held WHERE id = (SELECT min(id) FROM meeting_unit)")
        try session.execute("UPDATE sentence SET words = to_tsvector('simple', 'nothing') WHERE id = (SELECT min(id) FROM sentence)")
        let checks = Set(try postgres.integrityProblems().map(\.check))
        #expect(checks == ["group-counts", "sentence-words"])
        let run = try runBilat(["db", "check"], database: database.url.description)
        #expect(run.status == 1)
        #expect(run.stdout.contains("sentence-words"), "\(run.stdout)")

        // Many sentences: twenty named, the rest counted.
        try session.execute("UPDATE sentence SET words = to_tsvector('simple', 'nothing') WHERE id IN (SELECT id FROM sentence ORDER BY id LIMIT 25)")
        let words = try postgres.integrityProblems().filter { $0.check == "sentence-words" }
        #expect(words.count == 21)
        #expect(words.last?.detail == "and 5 more sentences")
    }

    @Test("processes opening a new database at once migrate it once; a later open finds it migrated")
    func concurrentMigration() async throws {
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let url = database.url
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try PostgresStore(url: url).articleCount() } }
            for try await count in group { #expect(count == 0) }
        }
        let session = try PostgresSession(url: url)
        let applied = try session.rows("SELECT identifier FROM bilat_migrations").compactMap { $0.first?.text }
        #expect(applied == (try BackendSupport.postgresMigrationFiles().map { $0.deletingPathExtension().lastPathComponent }))
        #expect(try PostgresStore(url: url).exportMigrations == BackendSupport.sqliteMigrationNames())
    }

    @Test("bilat db export | bilat db import - --db postgres://… moves a knowledge base, and the query commands read it")
    func commandLine() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (sqlite, _) = try Self.sqliteKnowledgeBase(folder)
        let export = try runBilat(["db", "export"], database: sqlite.path)
        #expect(export.status == 0)
        let imported = try runBilat(["db", "import", "-"], database: database.url.description, stdin: export.stdout)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("import: \(try sqlite.articleCount()) articles"))
        for arguments in [["meetings", "China", "--format", "json"], ["stats", "--format", "json"],
                          ["timeline", "Japan", "--format", "json"], ["show", "meeting", "1", "--format", "json"]] {
            let fromFile = try runBilat(arguments, database: sqlite.path)
            let fromServer = try runBilat(arguments, database: database.url.description)
            #expect(fromServer.status == 0, "\(arguments): \(fromServer.stderr)")
            // The timeline names the moment it was made.
            let generated = /"generated":"[^"]*"/
            #expect(fromServer.stdout.replacing(generated, with: "") == fromFile.stdout.replacing(generated, with: ""),
                    "\(arguments)")
        }
        let again = try runBilat(["db", "export"], database: database.url.description)
        #expect(again.stdout == export.stdout)
    }
}

@Suite("PostgreSQL URLs and the commands that do not take one yet (no server needed)")
struct PostgresURLTests {
    @Test("URLs: user, password, port, database and sslmode read; the password never shown")
    func parsing() throws {
        let url = try PostgresURL("postgres://ann:s3cr%2Ft@db.example:6543/kb?sslmode=prefer")
        #expect(url.user == "ann")
        #expect(url.password == "s3cr/t")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "kb")
        #expect(url.tls == .prefer)
        #expect(!url.description.contains("s3cr"))
        #expect(try PostgresURL("postgresql://ann@localhost/kb").tls == .disable)
        #expect(try PostgresURL("postgres://ann@db.example/kb").tls == .verifyFull)
        #expect(try PostgresURL("postgres://ann@db.example/kb").description == "postgres://ann@db.example:5432/kb?sslmode=verify-full")
        for mode in PostgresURL.TLSMode.allCases {
            #expect(try PostgresURL("postgres://ann@db.example/kb?sslmode=\(mode.rawValue)").tls == mode)
        }
        #expect(try PostgresURL("postgres://ann@db.example/kb").port == 5432)
        #expect(url.prepares)
        let unprepared = try PostgresURL("postgres://ann@localhost/kb?prepare=off&sslmode=require")
        #expect(!unprepared.prepares && unprepared.tls == .require)
        #expect(unprepared.description == "postgres://ann@localhost:5432/kb?sslmode=require&prepare=off")
        #expect(try PostgresURL(unprepared.description) == unprepared)
        for bad in ["postgres://ann@db.example/kb?prepare=sometimes", "postgres://db.example/kb", "postgres://ann@db.example", "postgres://ann@/kb",
                    "postgres://ann@db.example/kb?sslmode=sometimes", "postgres://ann@db.example/kb?x=1"] {
            #expect(throws: PostgresURL.Invalid.self, "\(bad)") { try PostgresURL(bad) }
        }
        do {
            _ = try PostgresURL("postgres://ann:hunter2@db.example/kb?sslmode=no")
        } catch let error as PostgresURL.Invalid {
            #expect(!error.description.contains("hunter2"))
        }
        #expect(PostgresURL.names("POSTGRES://a@b/c") && !PostgresURL.names("kb.sqlite"))
    }

    @Test("db backup says it takes a file, not a server (exit 64); a bad URL is a usage error; an unreachable server exit 1, for a query and for ingest")
    func unsupportedCommands() throws {
        let url = "postgres://nobody@127.0.0.1:1/none"
        let backup = try runBilat(["db", "backup", "/tmp/x.sqlite"], database: url)
        #expect(backup.status == 64, "\(backup.stderr)")
        #expect(backup.stderr.contains("pg_dump"), "\(backup.stderr)")
        let ingest = try runBilat(["ingest", "seeds/articles"], database: url)
        #expect(ingest.status == 1, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("cannot reach"), "\(ingest.stderr)")
        let bad = try runBilat(["meetings", "China"], database: "postgres://nobody@host")
        #expect(bad.status == 64, "\(bad.stderr)")
        let unreachable = try runBilat(["meetings", "China"], database: url)
        #expect(unreachable.status == 1, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("cannot reach"), "\(unreachable.stderr)")
    }
}

@Suite("PostgreSQL TLS", .enabled(if: PostgresTestServer.url != nil, "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one)"))
struct PostgresTLSTests {
    @Test("a server without TLS: prefer reads it in clear; require and verify-full refuse it, saying why (exit 1)")
    func serverWithoutTLS() throws {
        let server = try #require(PostgresTestServer.url)
        // The test server (scripts/postgres-test-server) is started without TLS.
        var url = server
        url.tls = .prefer
        #expect(try runBilat(["stats"], database: url.description).status == 0)
        for mode in [PostgresURL.TLSMode.require, .verifyFull] {
            url.tls = mode
            let run = try runBilat(["stats"], database: url.description)
            #expect(run.status == 1)
            #expect(run.stderr.contains("the server does not offer TLS, which sslmode=\(mode.rawValue) asks for"), "\(run.stderr)")
        }
    }
}

@Suite("PostgreSQL statements: prepared once a connection when run again")
struct PostgresPreparedStatementTests {
    @Test("each $N outside quoted text is cast to its value's type; a NULL's is left to the server")
    func typedParameters() {
        let sql = "SELECT $1, '$2', $2 || 'x$3', $3, $10"
        let values: [TransferValue] = [.integer(1), .text("a"), .null, .real(1), .real(2), .real(3), .real(4), .real(5), .real(6), .blob(Data([1]))]
        #expect(PostgresSession.typed(sql, values) == "SELECT $1::int8, '$2', $2::text || 'x$3', $3, $10::bytea")
    }

    @Test("a statement with parameters is prepared the second time it runs, then reused; its answers do not change",
          .enabled(if: PostgresTestServer.url != nil, "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one)"))
    func preparedOnSecondRun() throws {
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let session = try PostgresSession(url: database.url)
        try session.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score DOUBLE PRECISION)")
        let insert = "INSERT INTO t (id, name, score) VALUES ($1, $2, $3) RETURNING id"
        #expect(try session.scalar(insert, [.integer(1), .text("one"), .real(0.5)]) == .integer(1))
        #expect(session.preparedCount == 0)
        #expect(try session.scalar(insert, [.integer(2), .text("two"), .real(1.5)]) == .integer(2))
        #expect(session.preparedCount == 1)
        #expect(try session.scalar(insert, [.integer(3), .text("three"), .real(2.5)]) == .integer(3))
        // A NULL makes another statement (its parameter's type left to the server).
        #expect(try session.scalar(insert, [.integer(4), .null, .real(3.5)]) == .integer(4))
        #expect(try session.scalar(insert, [.integer(5), .null, .real(4.5)]) == .integer(5))
        #expect(session.preparedCount == 2)
        let select = "SELECT id, name, score FROM t WHERE id >= $1 AND name IS NOT DISTINCT FROM $2 ORDER BY id"
        for _ in 0..<3 {
            #expect(try session.rows(select, [.integer(2), .text("three")]) == [[.integer(3), .text("three"), .real(2.5)]])
        }
        #expect(session.preparedCount == 3)
        // A query asked to run unnamed is planned for its values each time, never prepared.
        for _ in 0..<3 {
            #expect(try session.rows(select + " LIMIT $3", [.integer(2), .text("three"), .integer(5)], unnamed: true)
                    == [[.integer(3), .text("three"), .real(2.5)]])
        }
        #expect(session.preparedCount == 3)
        // A statement of many rows stays unnamed, however often it runs.
        let many = "SELECT count(*) FROM t WHERE id IN (" + (1...300).map { "$\($0)" }.joined(separator: ", ") + ")"
        for _ in 0..<3 {
            #expect(try session.scalar(many, (1...300).map { .integer(Int64($0)) }) == .integer(5))
        }
        #expect(session.preparedCount == 3)
        // prepare=off (a pooler in transaction mode): nothing is prepared, the answers are the same.
        var unpreparedURL = database.url
        unpreparedURL.prepares = false
        let unprepared = try PostgresSession(url: unpreparedURL)
        for _ in 0..<3 {
            #expect(try unprepared.rows(select, [.integer(2), .text("three")]) == [[.integer(3), .text("three"), .real(2.5)]])
        }
        #expect(unprepared.preparedCount == 0)
        // A statement the server refuses fails as before, prepared or not, with its SQLSTATE (which the
        // write path's retries read).
        for id in [1, 2] {
            let failure = #expect(throws: PostgresFailure.self) { try session.execute(insert, [.integer(Int64(id)), .text("again"), .real(0)]) }
            #expect(failure?.sqlState == "23505")
        }
    }
}
