import BilatModel
import BilatPostgres
import GRDB
import Testing
@testable import BilatStorage

@Suite("Saving articles")
struct SaveTests {
    static let text = "President Xi Jinping met President Donald Trump in Busan on Thursday. "
        + "The two leaders discussed trade and fentanyl. "
        + "Xi said China is ready to work with the United States. "
        + "They signed a memorandum on agriculture under the APEC framework."

    static func facts(_ given: TestArticle) -> ArticleFacts {
        given.facts(
            meetings: [Meeting(date: date("2025-10-30"), countries: ["CN", "US"],
                               participants: ["Xi Jinping", "Donald Trump"], place: "Busan", mode: .inPerson,
                               status: .held, areas: ["trade"], spans: [given.span(of: "met President")])],
            officials: [Official(name: "Xi Jinping", country: "CN", role: "President",
                                 spans: [given.span(of: "met President")]),
                        Official(name: "Donald Trump", country: "US", role: "President",
                                 spans: [given.span(of: "met President")])],
            areas: [CooperationArea(key: "trade", spans: [given.span(of: "discussed trade")])],
            organizations: [Organization(name: "APEC", spans: [given.span(of: "APEC")])],
            agreements: [Agreement(kind: .memorandum, date: date("2025-10-30"), countries: ["US", "CN"],
                                   title: "agriculture", spans: [given.span(of: "memorandum")])],
            statements: [Statement(speaker: "Xi Jinping", country: "CN", verb: "said",
                                   text: "China is ready to work with the United States", type: .position,
                                   span: given.span(of: "ready to work"))],
            countries: ["CN", "US"])
    }

    /// The sentences the full-text index finds for every word of `words` (as prefixes).
    static func indexedSentences(_ store: SQLiteStore, matching words: String) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT t.text FROM sentence_fts JOIN sentence_text t ON t.id = sentence_fts.rowid
                WHERE sentence_fts MATCH ?
                """, arguments: [FTS5Pattern(matchingAllPrefixesIn: words)])
        }
    }

    @Test("saving stores every fact, and saving the same text again changes nothing", arguments: StorageBackend.available)
    func saveThenUnchanged(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let given = TestArticle(Self.text, url: "https://example.org/a")

        let first = try store.save(given.article, facts: Self.facts(given))
        let countsAfterFirst = try rowCounts(store)
        let second = try store.save(given.article, facts: Self.facts(given))

        #expect(first == .inserted)
        #expect(second == .unchanged)
        #expect(try rowCounts(store) == countsAfterFirst)
        #expect(countsAfterFirst["sentence"] == 4)
        #expect(countsAfterFirst["meeting"] == 1)
        #expect(countsAfterFirst["official"] == 2)
        #expect(countsAfterFirst["official_role"] == 2)
        #expect(countsAfterFirst["agreement"] == 1)
        #expect(countsAfterFirst["statement"] == 1)
        #expect(countsAfterFirst["article_organization"] == 1)
        #expect(try store.articleCount() == 1)
        #expect(try store.containsArticle(id: given.article.id))
        #expect(try consistencyProblems(store).isEmpty)
    }

    @Test("a new text at a stored url replaces the old article and the facts only it supported", arguments: StorageBackend.available)
    func replaceByURL(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let old = TestArticle(Self.text, url: "https://example.org/a")
        _ = try store.save(old.article, facts: Self.facts(old))
        let new = TestArticle("Emmanuel Macron met Olaf Scholz in Paris.", url: "https://example.org/a")
        let newFacts = new.facts(meetings: [Meeting(
            date: date("2025-10-01"), countries: ["FR", "DE"], participants: ["Emmanuel Macron"], place: "Paris",
            mode: .inPerson, status: .held, spans: [new.span(of: "Macron")])])

        let outcome = try store.save(new.article, facts: newFacts)

        #expect(outcome == .replaced(previousURLs: []))
        #expect(try store.articleCount() == 1)
        #expect(try !store.containsArticle(id: old.article.id))
        let meetings = try store.meetings(MeetingFilter())
        #expect(meetings.map(\.countries) == [["DE", "FR"]])
        let counts = try rowCounts(store)
        #expect(counts["official"] == 1)
        #expect(counts["agreement"] == 0)
        #expect(counts["organization"] == 0)
        #expect(counts["statement"] == 0)
        #expect(counts["sentence"] == 1)
        #expect(try consistencyProblems(store).isEmpty)
    }

    @Test("a new text with a stored feed id replaces the old article", arguments: StorageBackend.available)
    func replaceByExternalID(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let old = TestArticle("First version.", externalID: "feed-1")
        let new = TestArticle("Second version.", externalID: "feed-1")
        _ = try store.save(old.article, facts: old.facts())

        #expect(try store.save(new.article, facts: new.facts()) == .replaced(previousURLs: []))
        #expect(try store.articleCount() == 1)
        #expect(try store.containsArticle(id: new.article.id))
    }

    @Test("a new text with a stored feed id at another url tells the urls it replaced", arguments: StorageBackend.available)
    func replaceByExternalIDAtAnotherURL(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let old = TestArticle("First version.", url: "https://a.example/1", externalID: "feed-1")
        let sameURL = TestArticle("Other article.", url: "https://b.example/2")
        let new = TestArticle("Second version.", url: "https://b.example/2", externalID: "feed-1")
        let bare = TestArticle("Third version.", externalID: "feed-1")
        _ = try store.save(old.article, facts: old.facts())
        _ = try store.save(sameURL.article, facts: sameURL.facts())

        // Both go: the one with the feed id (its url is reported) and the one at the new url (not).
        #expect(try store.save(new.article, facts: new.facts()) == .replaced(previousURLs: ["https://a.example/1"]))
        #expect(try store.save(bare.article, facts: bare.facts()) == .replaced(previousURLs: ["https://b.example/2"]))
        #expect(try store.articleCount() == 1)
    }

    @Test("a save that fails midway leaves nothing of the article", arguments: StorageBackend.available)
    func failedSaveRollsBack(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let kept = TestArticle("Kept article.", url: "https://example.org/k")
        _ = try store.save(kept.article, facts: kept.facts())
        let before = try rowCounts(store)
        let given = TestArticle(Self.text, url: "https://example.org/k")
        var facts = Self.facts(given)
        // The last fact names a country missing from the reference table: the foreign key fails.
        facts.statements.append(Statement(speaker: "Nobody", country: "XX", verb: "said", text: "nothing",
                                          type: .position, span: given.span(of: "ready")))

        // SQLite's DatabaseError, PostgreSQL's PostgresFailure: the foreign key refused.
        #expect(throws: (any Error).self) {
            try store.save(given.article, facts: facts)
        }

        #expect(try rowCounts(store) == before)
        #expect(try store.containsArticle(id: kept.article.id))
        #expect(try !store.containsArticle(id: given.article.id))
        #expect(try consistencyProblems(store).isEmpty)
    }

    @Test("a batch commits its articles together, each whole: one that fails leaves nothing, the others stay", arguments: StorageBackend.available)
    func batchSavepoints(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let first = TestArticle("First article.", url: "https://example.org/1")
        let broken = TestArticle(Self.text, url: "https://example.org/2")
        var brokenFacts = Self.facts(broken)
        brokenFacts.statements.append(Statement(speaker: "Nobody", country: "XX", verb: "said", text: "nothing",
                                                type: .position, span: broken.span(of: "ready")))
        let last = TestArticle("Last article.", url: "https://example.org/3")

        let results = try store.save(batch: [(first.article, first.facts()), (broken.article, brokenFacts),
                                             (last.article, last.facts()), (first.article, first.facts())])

        #expect(results.map { try? $0.get() } == [.inserted, nil, .inserted, .unchanged])
        #expect(try store.containsArticle(id: first.article.id))
        #expect(try !store.containsArticle(id: broken.article.id))
        #expect(try store.containsArticle(id: last.article.id))
        #expect(try store.articleCount() == 2)
        #expect(try consistencyProblems(store).isEmpty)
        #expect(try store.integrityProblems() == [])
    }

    @Test("syncing countries is idempotent and updates names")
    func syncCountries() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)

        try store.syncCountries(testCountries)
        try store.syncCountries([Country(code: "us", alpha3: "usa", name: "United States of America")])

        let rows = try store.pool.read { db in try CountryRecord.fetchAll(db, keys: ["US"]) }
        #expect(rows == [CountryRecord(code: "US", alpha3: "USA", name: "United States of America")])
        #expect(try rowCounts(store)["country"] == testCountries.count)
    }

    @Test("full-text search finds sentences, and forgets those of replaced articles")
    func fullTextSearch() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let given = TestArticle(Self.text, url: "https://example.org/a")
        _ = try store.save(given.article, facts: Self.facts(given))
        let search = { (words: String) in try Self.indexedSentences(store, matching: words) }

        #expect(try search("fentan") == ["The two leaders discussed trade and fentanyl."])
        let new = TestArticle("Nothing to see.", url: "https://example.org/a")
        _ = try store.save(new.article, facts: new.facts())
        #expect(try search("fentanyl").isEmpty)
        #expect(try search("nothing").count == 1)
    }

    @Test("a batch in which an article replaces one saved earlier in the same batch indexes only the newer text")
    func batchReplacesItsOwnArticle() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let older = TestArticle(Self.text, url: "https://example.org/a")
        let newer = TestArticle("Nothing to see.", url: "https://example.org/a")
        let other = TestArticle("Another article about fentanyl.", url: "https://example.org/b")

        let results = try store.save(batch: [(older.article, Self.facts(older)), (other.article, other.facts()),
                                             (newer.article, newer.facts())])

        #expect(results.map { try? $0.get() } == [.inserted, .inserted, .replaced(previousURLs: [])])
        #expect(try Self.indexedSentences(store, matching: "fentanyl") == ["Another article about fentanyl."])
        #expect(try Self.indexedSentences(store, matching: "nothing") == ["Nothing to see."])
        #expect(try store.meetings(MeetingFilter()).isEmpty)
        #expect(try consistencyProblems(store).isEmpty)
        #expect(try store.integrityProblems() == [])
    }

    @Test("a row of a meeting's or an agreement's tables whose pair is not its parent's: db check finds it on SQLite, PostgreSQL refuses it",
          arguments: StorageBackend.available)
    func pairKeyChecked(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let given = TestArticle(Self.text, url: "https://example.org/1")
        _ = try store.save(given.article, facts: Self.facts(given))
        #expect(try store.integrityProblems() == [])
        // Every row of the pair's tables was written with its parent's pair.
        // (An article of one meeting has no link between two groups.)
        let tables = BackendSupport.pairTables.map(\.table).filter { $0 != "meeting_unit_link" }
        for table in tables {
            #expect(try rows(store, "SELECT DISTINCT country_key FROM \(table)") == ["CN,US"], "\(table)")
        }
        // PostgreSQL's foreign keys hold the pair (0012a): the server refuses the change itself.
        guard backend == .sqlite else {
            #expect(throws: PostgresFailure.self) { try execute(store, "UPDATE meeting_source SET country_key = 'CN,FR'") }
            #expect(throws: PostgresFailure.self) { try execute(store, "UPDATE agreement_country SET country_key = 'CN,FR'") }
            return
        }
        try execute(store, "UPDATE meeting_source SET country_key = 'CN,FR'")
        try execute(store, "UPDATE agreement_country SET country_key = 'CN,FR'")
        let problems = try store.integrityProblems()
        #expect(problems.map(\.check) == ["pair-key", "pair-key"], "\(problems)")
        #expect(problems.map(\.detail).allSatisfy { $0.hasSuffix(": pair CN,FR, not CN,US") }, "\(problems)")
    }

    @Test("facts whose spans lie in no sentence still count the article as their source, once", arguments: StorageBackend.available)
    func sourcesWithoutSentence(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let given = TestArticle("Xi met Trump.")
        let meeting = Meeting(date: date("2025-10-30"), countries: ["CN", "US"], participants: [], place: nil,
                              mode: .inPerson, status: .held, spans: [SourceSpan(start: 500, end: 510)])
        var facts = given.facts(meetings: [meeting, meeting])
        facts.sentences = []

        _ = try store.save(given.article, facts: facts)

        let id = try #require(try store.meetings(MeetingFilter()).first?.id)
        let detail = try #require(try store.meeting(id: id))
        #expect(detail.meeting.sourceCount == 1)
        #expect(detail.sources.count == 1)
        #expect(detail.sources.first?.articleID == given.article.id)
    }
}
