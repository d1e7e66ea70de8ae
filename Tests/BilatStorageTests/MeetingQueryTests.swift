import BilatModel
import GRDB
import Testing
@testable import BilatStorage

@Suite("Meetings")
struct MeetingQueryTests {
    /// Saves one article reporting one meeting; returns the article.
    @discardableResult
    static func report(_ store: any ArticleStore, _ text: String, date: String?, countries: [String],
                       participants: [String] = [], mode: MeetingMode = .inPerson, status: MeetingStatus = .held,
                       areas: [String] = [], published: String = "2025-10-31", place: String? = nil) throws -> TestArticle {
        let given = TestArticle(text, published: published)
        let meeting = Meeting(date: date.flatMap(PartialDate.init(iso:)), countries: countries,
                              participants: participants, place: place, mode: mode, status: status, areas: areas,
                              spans: [given.sentences[0].span])
        _ = try store.save(given.article, facts: given.facts(meetings: [meeting]))
        return given
    }

    @Test("a pair's meetings and a bucket's meetings are found through meeting_by_pair_date; a pair's page is read in its order, not sorted")
    func pairDateIndex() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        try store.pool.read { db in
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting'")
            #expect(indexes.contains("meeting_by_pair_date"))
            #expect(!indexes.contains("meeting_by_bucket"))
            #expect(!indexes.contains("meeting_by_match_key"))
            for query in ["SELECT id FROM meeting WHERE country_key = 'CN,US'",
                          "SELECT * FROM meeting WHERE country_key = 'CN,US' AND mode = 'in_person' AND date_first_day BETWEEN '2025-01-01' AND '2025-12-31'"] {
                let plan = try String.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query, adapter: SuffixRowAdapter(fromIndex: 3))
                #expect(plan.contains { $0.contains("INDEX meeting_by_pair_date") }, "\(plan)")
            }
            // The page of the pair: no temporary B-tree sorts the pair's meetings (only the merged page).
            var page = FilterSQL()
            page.conditions.append("m.mode = \("in_person")")
            let plan = try SQLRequest<Row>(literal: "EXPLAIN QUERY PLAN \(literal: page.pairPage(CountryKey(["US", "CN"]), limit: 50))")
                .fetchAll(db).map { $0["detail"] as String }
            let pairBranch = try #require(plan.firstIndex { $0.contains("INDEX meeting_by_pair_date") }, "\(plan)")
            let multilateral = try #require(plan.firstIndex { $0.contains("meeting_multilateral") }, "\(plan)")
            #expect(!plan[pairBranch..<multilateral].contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }

    @Test("a pair's page is the start of all its meetings, latest first, for any page size and filter", arguments: StorageBackend.available)
    func pairPageIsThePrefix(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let dates: [String?] = ["2025-10-30", "2025-10", "2025", nil, "2024-03-01", "2025-10-30", "2023", nil, "2025-01-02"]
        let modes: [MeetingMode] = [.inPerson, .phone, .video]
        for (i, date) in dates.enumerated() {
            // Each its own meeting: other places, modes and sides (a third of them with India too).
            let sides = i % 3 == 2 ? ["US", "CN", "IN"] : ["CN", "US"]
            try Self.report(store, "Report \(i) of talks between the two sides.", date: date, countries: sides,
                            mode: modes[i % 3], status: i == 4 ? .planned : .held,
                            published: "2025-11-\(String(format: "%02d", i + 1))", place: "Town \(i)")
            try Self.report(store, "Report \(i) of talks elsewhere.", date: date, countries: ["CN", "FR"], mode: modes[i % 3],
                            published: "2025-11-\(String(format: "%02d", i + 1))", place: "City \(i)")
        }
        let filters = [MeetingFilter(countries: ["US", "CN"]), MeetingFilter(countries: ["cn", "us"], mode: .inPerson),
                       MeetingFilter(countries: ["CN", "US"], from: PartialDate(iso: "2025")),
                       MeetingFilter(countries: ["CN", "US"], status: .held),
                       MeetingFilter(countries: ["CN", "IN", "US"]),
                       // Two of a meeting's three sides, side by side in its key (CN,IN,US) or not.
                       MeetingFilter(countries: ["IN", "CN"]), MeetingFilter(countries: ["US", "IN"])]
        for filter in filters {
            let all = try store.meetings(filter)
            #expect(!all.isEmpty, "\(filter)")
            for limit in 1...(all.count + 1) {
                var page = filter
                page.limit = limit
                #expect(try store.meetings(page).map(\.id) == Array(all.prefix(limit)).map(\.id), "\(filter) \(limit)")
            }
        }
        #expect(try store.meetings(MeetingFilter(countries: ["CN", "US"])).count >= 6)
        let allThree = try store.meetings(MeetingFilter(countries: ["CN", "IN", "US"]))
        #expect(!allThree.isEmpty)
        for pair in [["CN", "IN"], ["IN", "US"], ["CN", "US"]] {
            let threeSided = try store.meetings(MeetingFilter(countries: pair)).filter { $0.countries.count == 3 }
            #expect(threeSided.map(\.id) == allThree.map(\.id), "\(pair)")
            #expect(try store.meetings(MeetingFilter(countries: pair, limit: 100)).filter { $0.countries.count == 3 }.map(\.id)
                    == threeSided.map(\.id), "\(pair)")
        }
        #expect(try store.meetings(MeetingFilter(countries: ["CN", "US"])).last?.date == nil)
    }

    @Test("stored dates and aggregated lists read from bytes as the general parsers read them")
    func storedValuesFromBytes() throws {
        for text in ["2026-01-16", "2025-10", "2024", "0987-03-09", "+123", "2025-+1", "2025-13", "2025-02-30",
                     "20250-1", "2025/10", "", "２０２５"] {
            let expected = PartialDate(iso: text)
            if let expected {
                #expect(try PartialDate.stored(text, table: "t", column: "c") == expected, "\(text)")
            } else {
                #expect(throws: StorageError.self, "\(text)") { try PartialDate.stored(text, table: "t", column: "c") }
            }
        }
        #expect(MeetingRow.list("Zoë\u{1F}Ana\u{1F}\u{1F}Łukasz 🇵🇱") == ["Ana", "Zoë", "Łukasz 🇵🇱"])
        #expect(MeetingRow.list("") == [])
        #expect(MeetingRow.list(nil) == [])
    }

    @Test("sources one day apart at one place make one meeting that keeps both dates as a recorded conflict", arguments: StorageBackend.available)
    func dateConflictIsRecorded(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let first = try Self.report(store, "Xi and Trump met on Wednesday.", date: "2025-10-29", countries: ["CN", "US"],
                                    participants: ["Xi Jinping", "Donald Trump"], place: "Busan")
        let second = try Self.report(store, "Xi and Trump met on Thursday.", date: "2025-10-30", countries: ["CN", "US"],
                                     participants: ["Xi Jinping", "Donald Trump"], published: "2025-11-01", place: "Busan")
        let third = try Self.report(store, "Xi met Trump on Thursday.", date: "2025-10-30", countries: ["US", "CN"],
                                    participants: ["Xi Jinping"], published: "2025-11-02", place: "Busan")

        let meetings = try store.meetings(MeetingFilter())
        let id = try #require(meetings.first?.id)
        let detail = try #require(try store.meeting(id: id))

        #expect(meetings.count == 1)
        #expect(detail.meeting.date == date("2025-10-30"))
        #expect(detail.dateConflict)
        #expect(!detail.placeConflict)
        #expect(detail.reports.map { $0.date?.iso } == ["2025-10-30", "2025-10-29"])
        #expect(detail.reports.map(\.articleIDs) == [[second.article.id, third.article.id].sorted(), [first.article.id]])
    }

    @Test("a month report inside a day report is no conflict", arguments: StorageBackend.available)
    func coarserDateIsNoConflict(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        try Self.report(store, "Xi met Trump in October.", date: "2025-10", countries: ["CN", "US"])
        try Self.report(store, "Xi met Trump on Thursday.", date: "2025-10-30", countries: ["CN", "US"])

        let id = try #require(try store.meetings(MeetingFilter()).first?.id)
        let detail = try #require(try store.meeting(id: id))

        #expect(detail.reports.count == 2)
        #expect(!detail.dateConflict)
    }

    @Test("two articles about the same meeting make one meeting with two sources", arguments: StorageBackend.available)
    func mergeAcrossArticles(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }

        try Self.report(store, "Xi met Trump in October.", date: "2025-10", countries: ["CN", "US"],
                        participants: ["Xi Jinping"], areas: ["trade"])
        try Self.report(store, "On Thursday Xi and Trump met in Busan.", date: "2025-10-30", countries: ["US", "CN"],
                        participants: ["Donald Trump", "Xi Jinping"], areas: ["energy"])

        let meetings = try store.meetings(MeetingFilter())
        #expect(meetings.count == 1)
        #expect(meetings.first?.sourceCount == 2)
        #expect(meetings.first?.date == date("2025-10-30"))
        #expect(meetings.first?.participants == ["Donald Trump", "Xi Jinping"])
        #expect(meetings.first?.areas == ["energy", "trade"])
        #expect(try consistencyProblems(store).isEmpty)
    }

    @Test("meetings differing in day, mode or countries stay apart; undated ones never merge", arguments: StorageBackend.available)
    func noMerge(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }

        try Self.report(store, "A met B.", date: "2025-10-30", countries: ["CN", "US"])
        try Self.report(store, "A met B again.", date: "2025-10-29", countries: ["CN", "US"])
        try Self.report(store, "A called B.", date: "2025-10-30", countries: ["CN", "US"], mode: .phone)
        try Self.report(store, "A will meet B.", date: "2025-11-05", countries: ["CN", "US"], status: .planned)
        try Self.report(store, "A met C.", date: "2025-10-30", countries: ["CN", "US", "FR"])
        try Self.report(store, "Undated one.", date: nil, countries: ["CN", "US"])
        try Self.report(store, "Undated two.", date: nil, countries: ["CN", "US"])

        #expect(try store.meetings(MeetingFilter()).count == 7)
    }

    @Test("a pair query finds the pair's meetings in either order, newest first, undated last", arguments: StorageBackend.available)
    func pairQuery(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        try Self.report(store, "One.", date: "2025-01-10", countries: ["CN", "US"])
        try Self.report(store, "Two.", date: nil, countries: ["US", "CN"])
        try Self.report(store, "Three.", date: "2025-06", countries: ["CN", "US", "IN"])
        try Self.report(store, "Four.", date: "2025-03-01", countries: ["CN", "FR"])

        let forward = try store.meetings(MeetingFilter(countries: ["CN", "US"]))
        let backward = try store.meetings(MeetingFilter(countries: ["us", "cn"]))

        #expect(forward == backward)
        #expect(forward.map { $0.date?.iso } == ["2025-06", "2025-01-10", nil])
        #expect(forward.first?.countries == ["CN", "IN", "US"])
        #expect(try store.meetings(MeetingFilter(countries: ["CN"])).count == 4)
        #expect(try store.meetings(MeetingFilter(countries: ["CN"], limit: 2)).count == 2)
    }

    @Test("from and to compare a date's first day; date filters leave undated meetings out", arguments: StorageBackend.available)
    func dateFilters(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        try Self.report(store, "Month.", date: "2025-10", countries: ["CN", "US"])
        try Self.report(store, "Day.", date: "2025-10-20", countries: ["CN", "US"], mode: .video)
        try Self.report(store, "Year.", date: "2024", countries: ["CN", "US"])
        try Self.report(store, "None.", date: nil, countries: ["CN", "US"])
        let dates = { (from: String?, to: String?) in
            try store.meetings(MeetingFilter(from: from.map(date), to: to.map(date))).compactMap { $0.date?.iso }
        }

        #expect(try dates("2025-10-01", nil) == ["2025-10-20", "2025-10"])
        #expect(try dates("2025-10-02", nil) == ["2025-10-20"])
        #expect(try dates(nil, "2025-10-15") == ["2025-10", "2024"])
        #expect(try dates("2024", "2024") == ["2024"])
        #expect(try dates("2025-10", "2025-10") == ["2025-10-20", "2025-10"])
        #expect(try store.meetings(MeetingFilter(mode: .video)).map { $0.date?.iso } == ["2025-10-20"])
        #expect(try store.meetings(MeetingFilter(status: .planned)).isEmpty)
    }

    @Test("a meeting's detail lists every source sentence with offsets into the article text")
    func meetingDetail() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        try Self.report(store, "Intro here. Xi met Trump in October.", date: "2025-10", countries: ["CN", "US"],
                        published: "2025-10-01")
        let given = TestArticle("Héllo wörld, intro. Then Xi and Trump met in Busan.", published: "2025-10-31")
        let meeting = Meeting(date: date("2025-10-30"), countries: ["CN", "US"], participants: [], place: "Busan",
                              mode: .inPerson, status: .held, spans: [given.span(of: "Busan")])
        _ = try store.save(given.article, facts: given.facts(meetings: [meeting]))
        let id = try #require(try store.meetings(MeetingFilter()).first?.id)

        let detail = try #require(try store.meeting(id: id))

        #expect(detail.meeting.place == "Busan")
        #expect(detail.sources.map(\.sentence) == ["Intro here.", "Then Xi and Trump met in Busan."])
        for source in detail.sources {
            let stored = try store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT substr(text, ? + 1, ? - ?) FROM article_text WHERE id = ?",
                                    arguments: [source.span.start, source.span.end, source.span.start, source.articleID])
            }
            #expect(stored == source.sentence)
        }
        #expect(try store.meeting(id: id + 1000) == nil)
    }

    @Test("a pair's meetings include those of more sides (found apart from the pair's own key), the limit keeps the newest", arguments: StorageBackend.available)
    func pairIncludesMultilateralMeetingsAndLimitKeepsNewest(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        try Self.report(store, "Xi met Modi in 2019.", date: "2019-10-11", countries: ["CN", "IN"])
        try Self.report(store, "Xi, Modi and Macron met in Kazan.", date: "2024-10-22", countries: ["CN", "IN", "FR"])
        try Self.report(store, "Xi met Modi in Johannesburg.", date: "2023-08-24", countries: ["IN", "CN"])
        try Self.report(store, "Xi met Macron.", date: "2024-05-16", countries: ["CN", "FR"])
        try Self.report(store, "Modi and Macron met.", date: "2024-07-08", countries: ["IN", "FR"])

        let pair = try store.meetings(MeetingFilter(countries: ["in", "CN"]))
        let newest = try store.meetings(MeetingFilter(countries: ["CN", "IN"], limit: 2))
        let three = try store.meetings(MeetingFilter(countries: ["FR", "CN", "IN"]))
        let china = try store.meetings(MeetingFilter(countries: ["CN"]))

        #expect(pair.map { $0.date?.iso } == ["2024-10-22", "2023-08-24", "2019-10-11"])
        #expect(newest.map { $0.date?.iso } == ["2024-10-22", "2023-08-24"])
        #expect(newest.first?.countries == ["CN", "FR", "IN"])
        #expect(three.map { $0.date?.iso } == ["2024-10-22"])
        #expect(china.count == 4)
    }
}
