import BilatModel
import Testing
@testable import BilatStorage

@Suite("Search ranks the newest matches")
struct SearchCandidateTests {
    /// Two 2020 articles naming Germany, then four 2025 articles naming France, all about trade; the
    /// sentences are stored in that order.
    func store(_ folder: TestFolder) throws -> SQLiteStore {
        let store = try makeEmptyTestStore(folder)
        let articles: [(String, String, String)] = [
            ("Japan and Vietnam discussed trade trade trade in 2020.", "2020-03-01", "DE"),
            ("Japanese officials said trade would grow.", "2020-04-01", "DE"),
            ("France reviewed trade with Mali.", "2025-01-01", "FR"),
            ("French ministers spoke about trade and energy.", "2025-02-01", "FR"),
            ("Trade trade was on the agenda in Paris.", "2025-03-01", "FR"),
            ("The French side raised trade once more.", "2025-04-01", "FR"),
        ]
        for (i, (text, published, country)) in articles.enumerated() {
            let given = TestArticle(text, url: "https://example.org/\(i)", published: published)
            _ = try store.save(given.article, facts: given.facts(countries: [country]))
        }
        return store
    }

    @Test("a word the index holds matches whole; one it does not hold matches the start of longer words")
    func wholeWordsFirst() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try store(folder)
        func sentences(_ text: String) throws -> Set<String> { Set(try store.search(SearchQuery(text: text)).map(\.source.sentence)) }
        // "Japan" is a word of the index: "Japanese" is another word.
        #expect(try sentences("Japan") == ["Japan and Vietnam discussed trade trade trade in 2020."])
        // "Japa" is none: it finds both.
        #expect(try sentences("Japa").count == 2)
        // Each word on its own: "French" whole, "minist" as a prefix.
        #expect(try sentences("French minist") == ["French ministers spoke about trade and energy."])
        #expect(try sentences("Nowhere").isEmpty)
    }

    @Test("only the newest matches are ranked, by bm25 among them; the filters apply before the cut")
    func newestCandidates() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try store(folder)
        func sentences(_ query: SearchQuery) throws -> [String] { try store.search(query).map(\.source.sentence) }

        // Everything ranked: the Japanese sentence that says trade three times comes first.
        #expect(try sentences(SearchQuery(text: "trade")).first == "Japan and Vietnam discussed trade trade trade in 2020.")
        #expect(try sentences(SearchQuery(text: "trade")).count == 6)
        // Three candidates: the three newest sentences, best first among them.
        let newest = try sentences(SearchQuery(text: "trade", candidates: 3))
        #expect(newest.first == "Trade trade was on the agenda in Paris.")
        #expect(Set(newest) == ["Trade trade was on the agenda in Paris.", "The French side raised trade once more.",
                                "French ministers spoke about trade and energy."])
        // Filtered searches keep their older matches: newer sentences of other countries or dates do not
        // take their places among the candidates.
        #expect(try sentences(SearchQuery(text: "trade", countries: ["DE"], candidates: 1))
                == ["Japanese officials said trade would grow."])
        #expect(try Set(sentences(SearchQuery(text: "trade", countries: ["DE"], candidates: 2)))
                == ["Japan and Vietnam discussed trade trade trade in 2020.", "Japanese officials said trade would grow."])
        #expect(try Set(sentences(SearchQuery(text: "trade", to: PartialDate(iso: "2020"), candidates: 2)))
                == ["Japan and Vietnam discussed trade trade trade in 2020.", "Japanese officials said trade would grow."])
        #expect(try sentences(SearchQuery(text: "trade", from: PartialDate(iso: "2025-02"), to: PartialDate(iso: "2025-02"),
                                          candidates: 1)) == ["French ministers spoke about trade and energy."])
        #expect(try sentences(SearchQuery(text: "trade", limit: 2, candidates: 3)).count == 2)
    }
}
