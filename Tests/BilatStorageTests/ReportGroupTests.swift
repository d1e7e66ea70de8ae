import BilatModel
import Foundation
import GRDB
import Testing
@testable import BilatStorage

/// Schema 0009: meetings are clustered from report groups kept up to date as articles come and go.
@Suite("Report groups")
struct ReportGroupTests {
    /// The n-th report of one Xi–Biden call: most on the 14th, every fifth on the 15th (the time zone of
    /// the other side), some naming Beijing, some naming participants, every seventh a month report.
    static func report(_ n: Int) -> (TestArticle, ArticleFacts) {
        let given = TestArticle("Report \(n): Xi Jinping held a call with Joe Biden. They spoke about trade.",
                                url: "https://wire.example/\(n)", published: "2025-11-15")
        let day = n % 5 == 0 ? "2025-11-15" : "2025-11-14"
        let when = n % 7 == 0 ? date("2025-11") : date(day)
        let meeting = Meeting(date: when, countries: ["CN", "US"],
                              participants: n % 3 == 0 ? [] : ["Xi Jinping", "Joe Biden"],
                              place: n % 2 == 0 ? "Beijing" : nil, mode: .phone, status: .held,
                              areas: n % 4 == 0 ? ["trade"] : [], spans: [given.span(of: "call")])
        // Every eleventh report also names an earlier call that month, without a place.
        let earlier = Meeting(date: date("2025-11-02"), countries: ["CN", "US"], participants: [], place: nil,
                              mode: .phone, status: .held, spans: [given.span(of: "call")])
        let officials = [Official(name: "Xi Jinping", country: "CN", role: "President"),
                         Official(name: "Joe Biden", country: "US", role: "President")]
        return (given, given.facts(meetings: n % 11 == 0 ? [meeting, earlier] : [meeting], officials: officials))
    }

    /// The derived meeting rows without ids, sorted: what two knowledge bases must agree on.
    static func derived(_ store: SQLiteStore) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT m.country_key || '|' || m.mode || '|' || m.status || '|' || coalesce(m.date, '-') || '|'
                    || coalesce(m.place, '-') || '|'
                    || (SELECT group_concat(x, ' ') FROM (SELECT a.url || '#' || mm.position AS x FROM meeting_mention mm
                        JOIN article a ON a.key = mm.article_key WHERE mm.meeting_id = m.id ORDER BY x)) || '|'
                    || (SELECT count(*) FROM meeting_participant WHERE meeting_id = m.id) || '|'
                    || (SELECT count(*) FROM meeting_area WHERE meeting_id = m.id) || '|'
                    || (SELECT count(*) FROM meeting_source WHERE meeting_id = m.id)
                FROM meeting m ORDER BY 1
                """)
        }
    }

    @Test("reports saved one by one, in batches, replaced and forgotten give the meetings of a fresh save of what remains")
    func incrementalEqualsFresh() throws {
        let reports = (1...60).map(Self.report)
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        // One at a time for the first twenty, then batches of seven.
        for (given, facts) in reports.prefix(20) { _ = try store.save(given.article, facts: facts) }
        var rest = Array(reports.dropFirst(20))
        while !rest.isEmpty {
            let batch = Array(rest.prefix(7))
            rest.removeFirst(batch.count)
            #expect(try store.save(batch: batch.map { (article: $0.0.article, facts: $0.1) }).allSatisfy {
                if case .success = $0 { true } else { false }
            })
        }
        // Forget every sixth; replace every ninth by a text of the same url dated one day later.
        var remaining: [(TestArticle, ArticleFacts)] = []
        for (n, report) in zip(1..., reports) {
            if n % 6 == 0 { try store.forget(articleID: report.0.article.id); continue }
            if n % 9 == 0 {
                let edited = TestArticle("Report \(n), corrected: Xi Jinping held a call with Joe Biden.",
                                         url: "https://wire.example/\(n)", published: "2025-11-16")
                var facts = report.1
                facts.sentences = edited.sentences
                facts.meetings = facts.meetings.map { var m = $0; m.spans = [edited.span(of: "call")]; return m }
                _ = try store.save(edited.article, facts: facts)
                remaining.append((edited, facts))
                continue
            }
            remaining.append(report)
        }
        #expect(try store.integrityProblems() == [])

        let freshFolder = try TestFolder()
        defer { freshFolder.remove() }
        let fresh = try makeEmptyTestStore(freshFolder)
        _ = try fresh.save(batch: remaining.reversed().map { (article: $0.0.article, facts: $0.1) })
        #expect(try Self.derived(store) == Self.derived(fresh))
        #expect(try fresh.integrityProblems() == [])

        // The reports of the 14th and 15th are one call (a date conflict), the month reports join it,
        // and the call of the 2nd stays apart.
        let meetings = try fresh.meetings(MeetingFilter())
        #expect(meetings.map { $0.date?.iso } == ["2025-11-14", "2025-11-02"])
        // Groups, not reports: one for each of the three days, and one for each place and participants the
        // month reports of the 14th give (Beijing with both leaders, no place with both, no place with none).
        let groups = try fresh.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meeting_unit") }
        #expect(groups == 6)
    }

    @Test("month groups choosing among their month's meetings choose as among all the year's (random buckets)")
    func monthIndexAgreesWithScan() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let places = ["Paris", "Lyon", nil]
        for round in 0..<200 {
            var mentions: [MentionInput] = []
            for id in 0..<(5 + next(40)) {
                let month = 1 + next(3)
                let iso: String
                switch next(4) {
                case 0: iso = "2025"
                case 1: iso = String(format: "2025-%02d", month)
                default: iso = String(format: "2025-%02d-%02d", month, [1, 2, 28, 29, 30, 31][next(6)] > 28 && month == 2 ? 28 : [1, 2, 28, 29, 30, 31][next(6)])
                }
                mentions.append(MentionInput(id: Int64(id), articleID: "a\(next(12))", articleKey: Int64(next(12)), position: id,
                                             date: PartialDate(iso: iso), place: places[next(3)],
                                             status: next(5) == 0 ? .planned : .held,
                                             participants: Set((0..<next(3)).map { _ in Int64(next(4)) }), formerMeetingID: nil))
            }
            func shape(_ clustering: MeetingClustering) -> [[Int64]] {
                clustering.clusters(mentions, mode: round % 2 == 0 ? .inPerson : .phone).map { $0.mentions.map(\.id).sorted() }
            }
            #expect(shape(MeetingClustering()) == shape(MeetingClustering(monthIndex: false)), "round \(round)")
        }
    }

    @Test("an article's two month reports of one key are two groups that never share a meeting")
    func rankKeepsAnArticlesReportsApart() {
        func mention(_ id: Int64, article: String, position: Int) -> MentionInput {
            MentionInput(id: id, articleID: article, articleKey: MeetingClusteringTests.key(article), position: position,
                         date: date("2025-10"), place: "Paris", status: .held, participants: [], formerMeetingID: nil)
        }
        let clusters = MeetingClustering().clusters([mention(1, article: "a", position: 0),
                                                     mention(2, article: "a", position: 1),
                                                     mention(3, article: "b", position: 0)])
        #expect(clusters.map { $0.mentions.map(\.id).sorted() } == [[1, 3], [2]])
    }

    @Test("a surname settled by a full name moves its reports to the group of the full name")
    func mergedOfficialRegroups() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        func report(_ text: String, _ name: String, _ country: String?) -> (TestArticle, ArticleFacts) {
            let given = TestArticle(text)
            let meeting = Meeting(date: date("2025-11"), countries: ["CN", "US"], participants: [name], place: nil,
                                  mode: .phone, status: .held, spans: [given.span(of: "call")])
            return (given, given.facts(meetings: [meeting], officials: [Official(name: name, country: country, role: nil)]))
        }
        let first = report("Biden held a call with China in November.", "Biden", nil)
        let second = report("Joe Biden held a call with China in November.", "Joe Biden", "US")
        _ = try store.save(first.0.article, facts: first.1)
        _ = try store.save(second.0.article, facts: second.1)
        let groups = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT articles, participants FROM meeting_unit") }
        #expect(groups.count == 1)
        #expect(groups.first?["articles"] == 2)
        #expect(try store.meetings(MeetingFilter()).map(\.sourceCount) == [2])
        #expect(try store.integrityProblems() == [])
    }

    @Test("db check recounts every group and finds a count changed by hand")
    func checkFindsWrongCounts() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        for n in 1...4 { let (article, facts) = Self.report(n); _ = try store.save(article.article, facts: facts) }
        #expect(try store.integrityProblems() == [])
        try store.pool.write { db in
            try db.execute(sql: "UPDATE meeting_unit_participant SET articles = articles + 1 WHERE (unit_id, official_id) = (SELECT unit_id, official_id FROM meeting_unit_participant ORDER BY 1, 2 LIMIT 1)")
        }
        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["group-participants", "group-participants"], "\(problems)")
    }

    @Test("schema 0009 groups the reports of an older database and keeps its meetings and their ids; an upgrade stopped after 0009 runs its re-clustering when it resumes",
          arguments: [false, true])
    func upgradeKeepsMeetings(stoppedAfter0009: Bool) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let before: [String]
        let ids: [Int64]
        do {
            let store = try makeEmptyTestStore(folder)
            _ = try store.save(batch: (1...30).map(Self.report).map { (article: $0.0.article, facts: $0.1) })
            before = try Self.derived(store)
            ids = try store.meetings(MeetingFilter()).map(\.id)
            // Back to schema 8, as an older bilat left it (0010 and 0011 touch no table 0009 makes), with one
            // report's meeting split off as an older clustering might have left it (the upgrade must delete
            // that meeting and its rows).
            try store.pool.writeWithoutTransaction { db in
                try db.execute(sql: """
                    INSERT INTO meeting(id, date, date_precision, date_first_day, place, mode, status, country_key)
                    SELECT 999, date, date_precision, date_first_day, place, mode, status, country_key FROM meeting
                    WHERE id = (SELECT min(id) FROM meeting);
                    INSERT INTO meeting_country(meeting_id, country) SELECT 999, country FROM meeting_country
                    WHERE meeting_id = (SELECT min(id) FROM meeting);
                    UPDATE meeting_source SET meeting_id = 999
                    WHERE meeting_id = (SELECT min(id) FROM meeting) AND article_key = (SELECT min(article_key) FROM meeting_source
                        WHERE meeting_id = (SELECT min(id) FROM meeting));
                    UPDATE meeting_mention SET meeting_id = 999
                    WHERE meeting_id = (SELECT min(id) FROM meeting) AND article_key = (SELECT article_key FROM meeting_source
                        WHERE meeting_id = 999 LIMIT 1);
                    """)
                try db.execute(sql: """
                    DROP INDEX meeting_mention_by_unit;
                    ALTER TABLE meeting_mention DROP COLUMN unit_id;
                    DROP TABLE meeting_unit_link; DROP TABLE meeting_unit_participant; DROP TABLE meeting_unit_place;
                    DROP TABLE meeting_unit;
                    DELETE FROM grdb_migrations WHERE identifier = '0009_meeting_report_groups';
                    """)
                // And without schema 0012's pair column (0012 adds it again, after 0009, as an upgrade does).
                for table in BackendSupport.pairTables.map(\.table) where !table.hasPrefix("meeting_unit") {
                    try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN country_key")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '0012_pair_keys'")
            }
        }
        if stoppedAfter0009 {
            // The upgrade fails at its last migration: 0009 is committed, its re-clustering (a data step,
            // run in the last migration) is not, and is left asked for.
            let files = try SchemaMigrations.bundledFiles()
            let copies = folder.url.appendingPathComponent("migrations")
            try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
            var broken: [URL] = []
            for file in files {
                let copy = copies.appendingPathComponent(file.lastPathComponent)
                try (file == files.last ? "SELECT * FROM no_such_table;" : String(contentsOf: file, encoding: .utf8))
                    .write(to: copy, atomically: true, encoding: .utf8)
                broken.append(copy)
            }
            #expect(throws: (any Error).self) {
                _ = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: broken))
            }
            let queue = try DatabaseQueue(path: folder.databasePath)
            #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 9)
            try queue.close()
        }
        let upgraded = try SQLiteStore(path: folder.databasePath)
        #expect(try upgraded.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 0)
        #expect(try Self.derived(upgraded) == before)
        #expect(try upgraded.meetings(MeetingFilter()).map(\.id) == ids)
        #expect(try upgraded.integrityProblems() == [])
    }
}
