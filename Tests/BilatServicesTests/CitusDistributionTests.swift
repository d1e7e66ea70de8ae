@testable import BilatPostgres
import BilatModel
import BilatStorage
import Foundation
import Testing

/// scripts/citus-distribute.sql, read: each table's place in a Citus cluster, in the file's order.
struct CitusPlan {
    enum Placement: Equatable {
        case reference
        /// Spread by `column`, kept with the tables of `group` (the first table of its group names it).
        case distributed(column: String, group: String)
    }

    var tables: [(name: String, placement: Placement)] = []

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/citus-distribute.sql")

    init(_ text: String) throws {
        let reference = /^SELECT create_reference_table\('([a-z_]+)'\);$/
        let distributed = /^SELECT create_distributed_table\('([a-z_]+)', '([a-z_]+)', colocate_with => '([a-z_]+)'\);$/
        for line in text.split(separator: "\n").map(String.init) where !line.hasPrefix("--") && !line.isEmpty {
            if let match = line.wholeMatch(of: reference) {
                tables.append((String(match.1), .reference))
            } else if let match = line.wholeMatch(of: distributed) {
                let name = String(match.1), with = String(match.3)
                let group = with == "none" ? name : try #require(tables.first { $0.name == with }.flatMap {
                    if case .distributed(_, let group) = $0.placement { group } else { nil }
                }, "\(name) is kept with \(with), which is not distributed before it")
                tables.append((name, .distributed(column: String(match.2), group: group)))
            } else {
                Issue.record("a line of citus-distribute.sql the test does not read: \(line)")
            }
        }
    }

    func placement(_ table: String) -> Placement? { tables.first { $0.name == table }?.placement }
}

/// What Citus would refuse when `plan` distributes the schema of `session`'s database: the rules of
/// Citus's create_distributed_table (a unique key of a spread table holds its column; a foreign key
/// between spread tables joins two tables kept together, with the column at the same place on both
/// sides; none from a reference table to a spread one; no SET NULL, SET DEFAULT or ON UPDATE CASCADE
/// over the column; a table's referenced tables placed before it), checked in the catalog.
enum CitusRules {
    static func problems(_ plan: CitusPlan, _ session: PostgresSession) throws -> [String] {
        var problems: [String] = []
        let tables = try session.rows("""
            SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'bilat_migrations'
            """).compactMap { $0.first?.text }
        for table in tables where plan.placement(table) == nil { problems.append("\(table) is not placed") }
        for (table, _) in plan.tables where !tables.contains(table) { problems.append("\(table) is placed but not in the schema") }
        if Set(plan.tables.map(\.name)).count != plan.tables.count { problems.append("a table is placed twice") }

        func attribute(_ table: String, _ column: String) throws -> Int64? {
            try session.scalar("""
                SELECT attnum::int8 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2 AND attnotnull
                """, [.text(table), .text(column)])?.integer
        }
        var groupTypes: [String: String] = [:]
        for (table, placement) in plan.tables {
            guard case .distributed(let column, let group) = placement else { continue }
            guard let number = try attribute(table, column) else {
                problems.append("\(table).\(column) is not a NOT NULL column"); continue
            }
            let type = try session.scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = $1::regclass AND attnum = $2",
                                          [.text(table), .integer(number)])?.text ?? "?"
            if let other = groupTypes[group], other != type {
                problems.append("\(table).\(column) is \(type), its group's column \(other)")
            }
            groupTypes[group] = type
            for row in try session.rows("""
                SELECT i.indexrelid::regclass::text, array_to_string(i.indkey::int2[], ',') FROM pg_index i
                WHERE i.indrelid = $1::regclass AND i.indisunique
                """, [.text(table)]) {
                let columns = (row[1].text ?? "").split(separator: ",").compactMap { Int64($0) }
                if !columns.contains(number) {
                    problems.append("unique key \(row[0].text ?? "?") of \(table) does not hold \(column)")
                }
            }
        }

        for row in try session.rows("""
            SELECT c.conname::text, c.conrelid::regclass::text, c.confrelid::regclass::text,
                   array_to_string(c.conkey, ','), array_to_string(c.confkey, ','), c.confdeltype::text, c.confupdtype::text
            FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """) {
            let name = row[0].text ?? "?", child = row[1].text ?? "?", parent = row[2].text ?? "?"
            func numbers(_ value: TransferValue) -> [Int64] {
                (value.text ?? "").split(separator: ",").compactMap { Int64($0) }
            }
            let childColumns = numbers(row[3]), parentColumns = numbers(row[4])
            guard let childPlace = plan.placement(child), let parentPlace = plan.placement(parent) else { continue }
            let order = plan.tables.map(\.name)
            if child != parent, let c = order.firstIndex(of: child), let p = order.firstIndex(of: parent), p > c {
                problems.append("\(name): \(child) is placed before \(parent), which it names")
            }
            switch (childPlace, parentPlace) {
            case (.reference, .reference):
                continue
            case (.reference, .distributed):
                problems.append("\(name): from reference table \(child) to spread table \(parent)")
            case (.distributed(let column, let group), _):
                guard let own = try attribute(child, column) else { continue }
                let at = childColumns.firstIndex(of: own)
                if at != nil, ["n", "d"].contains(row[5].text) || ["n", "d", "c"].contains(row[6].text) {
                    problems.append("\(name): sets \(child).\(column) by its ON DELETE or ON UPDATE action")
                }
                guard case .distributed(let parentColumn, let parentGroup) = parentPlace else { continue }
                if parentGroup != group { problems.append("\(name): \(child) and \(parent) are not kept together") }
                let parentOwn = try attribute(parent, parentColumn)
                if at == nil || parentOwn.flatMap(parentColumns.firstIndex(of:)) != at {
                    problems.append("\(name): does not join \(child).\(column) to \(parent).\(parentColumn)")
                }
            }
        }
        return problems
    }
}

@Suite("A schema Citus can distribute (scripts/citus-distribute.sql), checked on plain PostgreSQL",
       .enabled(if: PostgresTestServer.url != nil, "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one)"))
struct CitusDistributionTests {
    @Test("every table is placed, and every key and foreign key is one Citus accepts for that placement")
    func keysFitThePlan() throws {
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        _ = try PostgresStore(url: database.url)
        let plan = try CitusPlan(String(contentsOf: CitusPlan.file, encoding: .utf8))
        #expect(plan.tables.count == 28)
        let session = try PostgresSession(url: database.url)
        #expect(try CitusRules.problems(plan, session) == [])

        // The rules see what Citus would refuse: a key without the column, a foreign key across groups,
        // one that would null the column, one from a reference table to a spread one.
        struct RolledBack: Error {}
        #expect(throws: RolledBack.self) { try session.transaction {
            try session.execute("ALTER TABLE article ADD CONSTRAINT probe_unique UNIQUE (id)")
            try session.execute("ALTER TABLE meeting_mention ADD CONSTRAINT probe_across FOREIGN KEY (article_key) REFERENCES article(key)")
            try session.execute("""
                ALTER TABLE meeting_unit ADD CONSTRAINT probe_set_null FOREIGN KEY (country_key, meeting_id)
                REFERENCES meeting(country_key, id) ON DELETE SET NULL
                """)
            try session.execute("ALTER TABLE meeting ADD CONSTRAINT probe_unique_id UNIQUE (id)")
            try session.execute("ALTER TABLE official ADD CONSTRAINT probe_from_reference FOREIGN KEY (id) REFERENCES meeting(id)")
            let found = try CitusRules.problems(plan, session)
            #expect(found.contains("unique key probe_unique of article does not hold key"))
            #expect(found.contains("probe_across: meeting_mention and article are not kept together"))
            #expect(found.contains("probe_set_null: sets meeting_unit.country_key by its ON DELETE or ON UPDATE action"))
            #expect(found.contains("probe_from_reference: from reference table official to spread table meeting"))
            #expect(found.contains("probe_from_reference: official is placed before meeting, which it names"))
            #expect(found.count == 7, "\(found)")
            throw RolledBack()
        } }
        #expect(try CitusRules.problems(plan, session) == [])
    }

    @Test("a knowledge base of schema 0011a upgrades to the latest schema whole: the same export as SQLite's, db check clean")
    func upgradeFrom0011a() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let (_, lines) = try PostgresBackendTests.sqliteKnowledgeBase(folder)

        // The schema as bilat before 0012 left it, and the knowledge base in it, row by row.
        let session = try PostgresSession(url: database.url)
        for file in try BackendSupport.postgresMigrationFiles() where file.lastPathComponent < "0012" {
            try session.executeScript(String(contentsOf: file, encoding: .utf8))
            try session.execute("INSERT INTO bilat_migrations(identifier) VALUES ($1)",
                                [.text(file.deletingPathExtension().lastPathComponent)])
        }
        let pairColumnAdded = Set(BackendSupport.pairTables.map(\.table))
        for (number, line) in lines.enumerated().dropFirst() {
            guard case .row(let table, var values) = try TransferFormat.parse(line, number: number + 1, expectingHeader: false)
            else { continue }
            if pairColumnAdded.contains(table) { values["country_key"] = nil }
            let columns = values.keys.sorted()
            try session.execute("INSERT INTO \(table)(" + columns.joined(separator: ", ") + ") VALUES ("
                                + columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ") + ")",
                                columns.map { values[$0] ?? .null })
        }
        try session.execute("UPDATE sentence s SET words = \(PostgresStore.searchWords(PostgresStore.sentenceText("s"))) "
                            + "FROM article a WHERE a.key = s.article_key")
        try PostgresStore.moveSequences(session)

        let store = try PostgresStore(url: database.url)
        let applied = try session.rows("SELECT identifier FROM bilat_migrations ORDER BY 1").compactMap { $0.first?.text }
        #expect(applied.contains("0012a_distribution_keys"))
        #expect(applied.last == (try BackendSupport.postgresMigrationFiles().last?.deletingPathExtension().lastPathComponent))
        var again: [String] = []
        try store.exportNDJSON { again.append($0) }
        #expect(again == lines)
        #expect(try store.integrityProblems() == [])
        #expect(try session.scalar("SELECT count(*) FROM article_name WHERE name LIKE 'id:%'")?.integer
                == Int64(store.articleCount()))
    }

    @Test("ingesting, replacing and forgetting never writes a column a table is spread by, and leaves db check clean")
    func writesKeepTheSpreadColumns() throws {
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let store = try PostgresStore(url: database.url)
        try store.syncCountries(KnowledgeBaseFixtures.reference.countries)
        let plan = try CitusPlan(String(contentsOf: CitusPlan.file, encoding: .utf8))
        let session = try PostgresSession(url: database.url)
        // Citus refuses an UPDATE that names a table's spread column; on plain PostgreSQL, a trigger on
        // each such column refuses it the same way (`UPDATE OF` fires whenever the column is set).
        try session.execute("""
            CREATE FUNCTION bilat_refuse_spread_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'UPDATE of %.%, the column the table is spread by', TG_TABLE_NAME, TG_ARGV[0]; END $$
            """)
        for (table, placement) in plan.tables {
            guard case .distributed(let column, _) = placement else { continue }
            try session.execute("""
                CREATE TRIGGER spread_\(table) BEFORE UPDATE OF \(column) ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION bilat_refuse_spread_update('\(column)')
                """)
        }
        #expect(throws: PostgresFailure.self) { try session.execute("UPDATE meeting SET country_key = country_key") }

        let corpus = try KnowledgeBaseFixtures.articles(in: "dev") + KnowledgeBaseFixtures.articles(in: "multi")
        let batch = corpus.map { ($0.article, KnowledgeBaseFixtures.extractor.extract($0.article)) }
        for result in try store.save(batch: batch) { _ = try result.get() }
        #expect(try store.integrityProblems() == [])
        let stored = try store.articleCount()
        // Forget every third article, then ingest all again (each forgotten one comes back).
        let forgotten = corpus.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.article.id)
        for id in Set(forgotten).sorted() { try store.forget(articleID: id) }
        #expect(try store.integrityProblems() == [])
        for result in try store.save(batch: batch) { _ = try result.get() }
        #expect(try store.integrityProblems() == [])
        #expect(try store.articleCount() == stored)

        // What the foreign keys between the two groups kept, db check finds: a pair's row naming an
        // article that is not stored, an article without its name, a name of no article.
        try session.execute("""
            INSERT INTO meeting_source(meeting_id, article_key, sentence_id, country_key)
            SELECT meeting_id, 999999, 0, country_key FROM meeting_source ORDER BY meeting_id LIMIT 1
            """)
        try session.execute("DELETE FROM article_name WHERE name = (SELECT min(name) FROM article_name WHERE name LIKE 'url:%')")
        try session.execute("INSERT INTO article_name(name, article_key) VALUES ('id:nothing', 999998)")
        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["article-orphans", "article-names", "article-names"], "\(problems)")
        #expect(problems.first?.detail == "meeting_source rows of article key 999999, which is not stored")
        #expect(problems.last?.detail == "article_name id:nothing: not a name of article key 999998")
    }
}
