@testable import BilatPostgres
import BilatCorpusGenerator
import BilatExtraction
import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

/// The backends the write path runs on, for the suites parameterised over both.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The backends the parameterised suites run on here: SQLite, and PostgreSQL when a test server is
    /// given (BILAT_TEST_POSTGRES_URL; without one, the PostgreSQL suites are reported skipped, saying so).
    static var available: [Backend] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new, empty knowledge base of this backend, in `folder` or on the test server, and what removes it.
    func makeStore(in folder: URL) throws -> (store: any ArticleStore & KnowledgeBaseMaintenance & KnowledgeQuerying,
                                              location: String, drop: () -> Void) {
        switch self {
        case .sqlite:
            let store = try KnowledgeBaseFixtures.makeStore(folder)
            return (store, store.path, {})
        case .postgres:
            let database = try PostgresTestServer.Database()
            let store = try PostgresStore(url: database.url)
            try store.syncCountries(KnowledgeBaseFixtures.reference.countries)
            return (store, database.url.description, database.drop)
        }
    }
}

/// A knowledge base as the queries show it, without its ids (which depend on the order articles were
/// written in): the sorted meetings with their sources, officials with their roles, agreements and
/// statements. Two ingests of the same articles, in whatever order and by however many writers, must
/// give the same content.
struct KnowledgeContent: Equatable, CustomStringConvertible {
    var articles: Int
    var meetings: [String]
    var officials: [String]
    var agreements: [String]
    var statements: [String]

    init(_ store: any KnowledgeQuerying & ArticleStore) throws {
        articles = try store.articleCount()
        let all = try store.meetings(MeetingFilter())
        let sources = try store.meetingSources(ids: all.map(\.id))
        meetings = all.map { meeting in
            var summary = meeting
            summary.id = 0
            let cited = (sources[meeting.id] ?? []).map { "\($0.articleID.prefix(12))@\($0.span.start)" }.sorted()
            return "\(summary) \(cited)"
        }.sorted()
        officials = try store.officials(country: nil).map { official in
            var summary = official
            summary.id = 0
            return "\(summary)"
        }.sorted()
        agreements = try store.agreements(MeetingFilter()).map { agreement in
            var summary = agreement
            summary.id = 0
            return "\(summary)"
        }.sorted()
        statements = try store.statements(MeetingFilter()).map { statement in
            var summary = statement
            summary.id = 0
            return "\(summary)"
        }.sorted()
    }

    var description: String {
        "\(articles) articles, \(meetings.count) meetings, \(officials.count) officials, \(agreements.count) agreements, \(statements.count) statements"
    }

    /// The first lines that differ, to read in a failure.
    func difference(from other: KnowledgeContent) -> String {
        let mine = meetings + officials + agreements + statements
        let theirs = other.meetings + other.officials + other.agreements + other.statements
        let only = Set(mine).symmetricDifference(theirs)
        return "\(self) against \(other); differing: " + only.sorted().prefix(4).joined(separator: "\n")
    }
}

@Suite("The write path on each backend: ingest and forget give the same knowledge base on SQLite and PostgreSQL",
       .enabled(if: PostgresTestServer.url != nil, "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one)"))
struct WritePathBackendTests {
    /// An article of a wire, its id the hash of its text as ingest makes it.
    static func article(_ url: String, _ text: String) -> Article {
        Article(id: ContentHash.hex(text), url: url, source: "Wire", published: PartialDate(iso: "2024-10-23"), text: text)
    }

    static func save(_ articles: [Article], into store: any ArticleStore) throws -> [SaveOutcome] {
        try store.save(batch: articles.map { ($0, KnowledgeBaseFixtures.extractor.extract($0)) }).map { try $0.get() }
    }

    @Test("new, unchanged, replaced; reports of one meeting are one meeting; a bare name joins the full one; forget undoes each",
          arguments: Backend.allCases)
    func semantics(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }

        let first = Self.article("https://example.org/kazan",
                                 "KAZAN, Oct. 23 - Chinese President Xi met Indian Prime Minister Narendra Modi on Wednesday in Kazan. They discussed trade.")
        let second = Self.article("https://example.org/kazan-2",
                                  "KAZAN, Oct. 23 - Chinese President Xi Jinping held talks with Indian Prime Minister Narendra Modi on Wednesday. Both sides agreed to expand energy cooperation.")
        #expect(try Self.save([first], into: store) == [.inserted])
        #expect(try Self.save([first], into: store) == [.unchanged])
        #expect(try Self.save([second], into: store) == [.inserted])

        let meetings = try store.meetings(MeetingFilter(countries: ["CN", "IN"]))
        #expect(meetings.count == 1, "\(meetings)")
        #expect(meetings.first?.sourceCount == 2)
        let xi = try store.officials(named: "Xi")
        #expect(xi.map(\.name) == ["Xi Jinping"], "\(xi)")

        // A new text under the first url replaces the first article.
        let revised = Self.article("https://example.org/kazan",
                                   "KAZAN, Oct. 23 - Xi Jinping met Narendra Modi on Wednesday in Kazan, updated.")
        let replaced = try Self.save([revised], into: store)
        guard case .replaced = replaced.first else { Issue.record("\(replaced)"); return }
        #expect(try store.articleCount() == 2)
        #expect(try store.meetings(MeetingFilter(countries: ["CN", "IN"])).count == 1)

        try store.forget(articleID: revised.id)
        try store.forget(articleID: second.id)
        #expect(try store.articleCount() == 0)
        #expect(try store.meetings(MeetingFilter()).isEmpty)
        #expect(try store.officials(country: nil).isEmpty)
        #expect(try store.integrityProblems() == [])
    }

    @Test("the dev and multi corpora saved in batches, then a fifth forgotten: both backends export the same rows, and db check is clean")
    func sameRowsOnBoth() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try (KnowledgeBaseFixtures.articles(in: "dev") + KnowledgeBaseFixtures.articles(in: "multi")).map(\.article)
        var exports: [[String]] = []
        for backend in Backend.allCases {
            let (store, _, drop) = try backend.makeStore(in: folder.appendingPathComponent(backend.rawValue))
            defer { drop() }
            for start in stride(from: 0, to: articles.count, by: 16) {
                _ = try Self.save(Array(articles[start..<min(start + 16, articles.count)]), into: store)
            }
            for article in articles.enumerated().filter({ $0.offset % 5 == 2 }).map(\.element) {
                try store.forget(articleID: article.id)
            }
            #expect(try store.integrityProblems() == [], "\(backend)")
            var lines: [String] = []
            switch store {
            case let sqlite as SQLiteStore: try sqlite.exportNDJSON { lines.append($0) }
            case let postgres as PostgresStore: try postgres.exportNDJSON { lines.append($0) }
            default: Issue.record("no export for \(backend)")
            }
            exports.append(lines.map { $0.replacing(/"ingested_at":"[^"]*",/, with: "") })
        }
        #expect(exports[0].count > 1000)
        let same = exports[0] == exports[1]
        #expect(same, "first difference: \(zip(exports[0], exports[1]).first { $0 != $1 }.map { "\($0.prefix(300))\n\($1.prefix(300))" } ?? "in length")")
    }

    @Test("bilat ingest and bilat forget with --db postgres://…: the same summaries and the same knowledge base as a file")
    func commandLine() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let file = folder.appendingPathComponent("kb.sqlite").path
        let corpus = fixturesFolder.appendingPathComponent("corpus/dev").path
        let toFile = try runBilat(["ingest", corpus], database: file)
        let toServer = try runBilat(["ingest", corpus], database: database.url.description)
        #expect(toServer.status == toFile.status, "\(toServer.stderr)")
        #expect(toServer.stderr == toFile.stderr)
        let again = try runBilat(["ingest", corpus], database: database.url.description)
        #expect(again.stderr.contains("0 new"), "\(again.stderr)")

        // The first source of China's first meeting, forgotten from both.
        let sqlite = try SQLiteStore(path: file)
        let meeting = try #require(try sqlite.meetings(MeetingFilter(countries: ["CN"])).first)
        let articleID = try #require(try sqlite.meetingSources(ids: [meeting.id])[meeting.id]?.first?.articleID)
        for db in [file, database.url.description] {
            let forgot = try runBilat(["forget", articleID], database: db)
            #expect(forgot.status == 0, "\(forgot.stderr)")
            #expect(forgot.stderr.contains("forgot article"), "\(forgot.stderr)")
        }
        for arguments in [["meetings", "China", "--format", "json"], ["stats", "--format", "json"], ["db", "check"]] {
            let fromFile = try runBilat(arguments, database: file)
            let fromServer = try runBilat(arguments, database: database.url.description)
            #expect(fromServer.status == 0, "\(arguments): \(fromServer.stderr)")
            // Ids aside: a batch into PostgreSQL is 25 articles, 500 into a file, and meetings are numbered as batches derive them.
            let ids = /"id" : \d+/
            #expect(fromServer.stdout.replacingOccurrences(of: database.url.description, with: file).replacing(ids, with: "")
                        == fromFile.stdout.replacing(ids, with: ""), "\(arguments)")
        }
    }

    @Test("two bilat ingest processes into one PostgreSQL database at once: the same knowledge base as one ingest into SQLite")
    func manyWriters() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        // Two feeds reporting the same events (one summit, reported 300 times each side, and a stream of
        // day-by-day meetings of one pair), and the dev corpus split between the writers.
        var feeds: [String] = []
        for side in 0..<2 {
            let lines = (0..<300).map { i in
                #"{"id": "s\#(side)-\#(i)", "published": "2024-10-\#(10 + i % 15)", "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on \#(["Monday", "Tuesday", "Wednesday"][i % 3]), report \#(side)-\#(i). Xi said both sides should be partners in trade."}"#
            }
            feeds.append(try folder.write(lines.joined(separator: "\n") + "\n", to: "feed\(side).jsonl").path)
        }
        let dev = fixturesFolder.appendingPathComponent("corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: dev.path).sorted()
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") }.map { dev.appendingPathComponent($0).path }
        let halves = [feeds[0]] + files.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let others = [feeds[1]] + files.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)

        let file = folder.appendingPathComponent("kb.sqlite").path
        #expect(try runBilat(["ingest", "-q", "--batch", "8"] + halves + others, database: file).status == 0)
        let writers = try [halves, others].map { paths in
            try startBilat(["ingest", "-q", "--batch", "8"] + paths, database: database.url.description, keepStderr: true)
        }
        for writer in writers { writer.waitUntilExit() }
        let errors = writers.map { String(decoding: ($0.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 }, "\(errors)")

        let postgres = try PostgresStore(url: database.url)
        #expect(try postgres.integrityProblems() == [])
        let expected = try KnowledgeContent(SQLiteStore(path: file))
        let found = try KnowledgeContent(postgres)
        #expect(expected.articles == 600 + 34)
        let same = found == expected
        #expect(same, "\(found.difference(from: expected))")
    }

    @Test("after each kill -9 of an ingest into PostgreSQL every article is whole or absent, and the ingest run again completes the set")
    func killedIngests() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.Database()
        defer { database.drop() }
        let url = database.url.description
        let count = 600
        let feed = try folder.write(ArticleCompleteness.feed(count), to: "feed.jsonl")
        let storedCounts = try ArticleCompleteness.killedIngests(of: feed, database: url, runs: 4, seed: 2027,
                                                                 pauseMilliseconds: 500..<2000, batch: 25) {
            let check = try runBilat(["db", "check"], database: url)
            #expect(check.status == 0, "\(check.stdout)")
        }
        let final = try runBilat(["ingest", feed.path], database: url)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try ArticleCompleteness.check(database: url).articles == count, "stored after each kill: \(storedCounts)")
        #expect(try runBilat(["db", "check"], database: url).status == 0)
    }
}
