import BilatCorpusGenerator
import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

/// Run on each backend (``Backend/available``: PostgreSQL too when a test server is given).
@Suite("Knowledge base: ingest order, replacement and forgetting")
struct KnowledgeBaseOrderTests {
    /// Extracts and saves the articles in the given order; returns the meetings, ids aside, with
    /// their source articles by content hash.
    func meetings(after articles: [CorpusArticle], _ backend: Backend) throws -> [ConsolidatedMeeting] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }
        for corpus in articles {
            _ = try store.save(corpus.article, facts: KnowledgeBaseFixtures.extractor.extract(corpus.article))
        }
        #expect(try store.integrityProblems() == [])
        return try KnowledgeBaseFixtures.storedMeetings(store, files: [:])
    }

    @Test("the dev corpus in shuffled orders (fixed seeds) yields identical meetings", arguments: Backend.available)
    func devOrderIndependence(_ backend: Backend) throws {
        let articles = try KnowledgeBaseFixtures.articles(in: "dev")
        #expect(articles.count > 28)
        let inFileOrder = try meetings(after: articles, backend)
        #expect(inFileOrder.count > 20)

        for seed: UInt64 in [7, 42, 2026] {
            var generator = SplitMix64(seed: seed)
            let shuffled = try meetings(after: articles.shuffled(using: &generator), backend)
            #expect(shuffled == inFileOrder, "seed \(seed)")
        }
        #expect(try meetings(after: articles.reversed(), backend) == inFileOrder)
    }

    @Test("forgetting an article drops the meetings only it supported and keeps the others; db check stays clean",
          arguments: Backend.available)
    func forget(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }
        let articles = try KnowledgeBaseFixtures.articles(in: "multi")
        for corpus in articles {
            _ = try store.save(corpus.article, facts: KnowledgeBaseFixtures.goldArticleFacts(corpus))
        }
        let files = Dictionary(uniqueKeysWithValues: articles.map { ($0.article.id, $0.file) })
        let m12 = articles.first { $0.file.hasPrefix("m12") }!.article
        let syriaBefore = try store.meetings(MeetingFilter(countries: ["SY", "US"]))
        let riyadhBefore = try store.meetings(MeetingFilter(countries: ["SA", "US"], from: PartialDate(iso: "2025")))

        guard case .found(let found) = try store.findArticle(String(m12.id.prefix(8))) else {
            Issue.record("the id prefix did not find the article")
            return
        }
        try store.forget(articleID: found.id)

        #expect(syriaBefore.count == 1)
        #expect(try store.meetings(MeetingFilter(countries: ["SY", "US"])).isEmpty)
        let riyadh = try store.meetings(MeetingFilter(countries: ["SA", "US"], from: PartialDate(iso: "2025")))
        #expect(riyadh.map(\.id) == riyadhBefore.map(\.id))
        #expect(riyadh.first?.sourceCount == 2)
        #expect(riyadh.first?.participants.contains("Marco Rubio") == false)
        let visit2017 = try KnowledgeBaseFixtures.storedMeetings(store, files: files).filter { $0.date == "2017-05" }
        #expect(visit2017.map(\.sources) == [["m10-saudi-us-riyadh-spa.txt"]])
        #expect(try store.integrityProblems() == [])
        #expect(try store.findArticle(m12.id) == .none)
        #expect(try store.articleCount() == 11)
    }

    @Test("re-ingesting an edited article at the same url replaces its facts; db check stays clean",
          arguments: Backend.available)
    func replaceEdited(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }
        let articles = try KnowledgeBaseFixtures.articles(in: "multi")
        for corpus in articles {
            _ = try store.save(corpus.article, facts: KnowledgeBaseFixtures.goldArticleFacts(corpus))
        }
        var m03 = articles.first { $0.file.hasPrefix("m03") }!
        #expect(m03.article.url != nil)
        let edited = m03.article.text.replacingOccurrences(
            of: "Modi and Xi last held a structured summit in October 2019",
            with: "Modi and Xi last met in 2019")
        #expect(edited != m03.article.text)
        m03.article.text = edited
        m03.article.id = String(edited.unicodeScalars.count) + "-edited"
        // The new version no longer reports the Mamallapuram summit nor the Modi-Putin talks.
        m03.gold!.meetings.removeAll { $0.date == "2019-10" || $0.countries == ["IN", "RU"] }

        let outcome = try store.save(m03.article, facts: KnowledgeBaseFixtures.goldArticleFacts(m03))

        #expect(outcome == .replaced(previousURLs: []))
        #expect(try store.meetings(MeetingFilter(countries: ["IN", "RU"])).isEmpty)
        let pair = try store.meetings(MeetingFilter(countries: ["CN", "IN"]))
        #expect(pair.map { $0.date?.iso } == ["2024-10-23", "2024", "2023-08"])
        #expect(pair.first?.sourceCount == 3)
        #expect(try store.integrityProblems() == [])
        #expect(try store.articleCount() == 12)
    }
}
