import BilatCorpusGenerator
import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

/// Run on each backend (``Backend/available``: PostgreSQL too when a test server is given).
@Suite("Knowledge base: consolidating the multi corpus")
struct KnowledgeBaseGoldTests {
    /// Saves the gold facts of every multi article in the given order and returns the meetings.
    func consolidate(_ articles: [CorpusArticle], _ backend: Backend) throws -> [ConsolidatedMeeting] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }
        for corpus in articles {
            _ = try store.save(corpus.article, facts: KnowledgeBaseFixtures.goldArticleFacts(corpus))
        }
        #expect(try store.integrityProblems().isEmpty)
        let files = Dictionary(uniqueKeysWithValues: articles.map { ($0.article.id, $0.file) })
        return try KnowledgeBaseFixtures.storedMeetings(store, files: files)
    }

    @Test("the gold facts of the multi articles, in any order, make exactly the meetings of expected-kb.json",
          arguments: Backend.available, [0, 1, 2, 3, 4])
    func goldFactsConsolidate(_ backend: Backend, seed: UInt64) throws {
        var articles = try KnowledgeBaseFixtures.articles(in: "multi")
        #expect(articles.count == 12)
        switch seed {
        case 0: break
        case 1: articles.reverse()
        default:
            var generator = SplitMix64(seed: seed)
            articles.shuffle(using: &generator)
        }
        let expected = try KnowledgeBaseFixtures.expectedMeetings(in: "multi")

        let stored = try consolidate(articles, backend)

        #expect(stored.count == expected.count)
        for (got, want) in zip(stored, expected) where got != want {
            Issue.record("stored \(got)\nexpected \(want)")
        }
        #expect(stored == expected)
    }
}
