import BilatExtraction
import BilatModel
@testable import BilatServices
import BilatStorage
import Foundation
import Testing
import BilatTestSupport

/// A new knowledge base of one backend, in a temporary folder (and on the PostgreSQL test server),
/// with an ingestor into it; `newStore()` makes another of the same backend. `remove()` drops them all.
final class IngestFixture {
    let backend: Backend
    let folder: URL
    let store: any ArticleStore & KnowledgeBaseMaintenance & KnowledgeQuerying
    /// What `--db` names the store by: its file, or its server's URL.
    let location: String
    let ingestor: Ingestor
    private var drops: [() -> Void] = []

    init(_ backend: Backend) throws {
        self.backend = backend
        folder = try makeTemporaryFolder()
        let made = try backend.makeStore(in: folder.appendingPathComponent("main"))
        store = made.store
        location = made.location
        drops.append(made.drop)
        ingestor = Ingestor(store: store, extractor: try TestExtractor.bundled())
    }

    /// Another empty knowledge base of the fixture's backend.
    func newStore() throws -> any ArticleStore & KnowledgeBaseMaintenance & KnowledgeQuerying {
        let made = try backend.makeStore(in: folder.appendingPathComponent("store-\(drops.count)"))
        drops.append(made.drop)
        return made.store
    }

    /// Runs an ingest and collects its failure messages.
    func ingest(_ paths: [String], defaults: ArticleDefaults = ArticleDefaults()) -> (IngestSummary, [String]) {
        var failures: [String] = []
        let summary = ingestor.ingest(paths: paths, defaults: defaults, report: { event in
            if case .failed(let message) = event { failures.append(message) }
        })
        return (summary, failures)
    }

    func remove() {
        drops.forEach { $0() }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Every test runs on each backend here (SQLite; PostgreSQL when a test server is given).
@Suite("Ingest: formats, feeds, idempotence and bad input")
struct IngestTests {
    @Test("each article format and the feed go in; a folder is walked and other files are skipped", arguments: Backend.available)
    func everyFormat(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        let input = folder.appendingPathComponent("in")
        _ = try input.write("  date 2026-01-16 BEIJING: Chinese President Xi Jinping held talks with Canadian Prime Minister Mark Carney here on Friday.", to: "seed.txt")
        _ = try input.write("TOKYO, Aug. 23 (Yonhap) -- South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba held talks in Tokyo on Saturday.", to: "wire.txt")
        _ = try input.write("---\ntitle: Talks\npublished: 2025-05-07\nsource: Desk\nurl: https://x.example/1\n---\nPARIS - French President Emmanuel Macron received German Chancellor Friedrich Merz in Paris on Wednesday.", to: "nested/front.md")
        _ = try input.write("On March 13, 2025, President of the Kyrgyz Republic Sadyr Japarov held talks with President of Tajikistan Emomali Rahmon in Bishkek.", to: "readout.txt")
        _ = try input.write(#"{"id": "f1", "published": "2024-02-07", "source": "S", "url": "https://x.example/f1", "title": "T", "text": "CANBERRA - Australian Prime Minister Anthony Albanese held talks with Fijian Prime Minister Sitiveni Rabuka in Canberra on Wednesday."}"# + "\n\n", to: "feed.jsonl")
        _ = try input.write("not an article", to: "notes.pdf")

        let (summary, failures) = fixture.ingest([input.path], defaults: ArticleDefaults(published: PartialDate(iso: "2025-08-23")))

        #expect(failures.isEmpty)
        #expect(summary.new == 5)
        #expect(summary.skipped == 1)
        #expect(try store.articleCount() == 5)
    }

    @Test("ingesting the same articles again changes nothing and says so", arguments: Backend.available)
    func idempotent(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let seeds = repositoryRoot.appendingPathComponent("seeds/articles").path
        let (first, _) = fixture.ingest([seeds])
        let meetingsBefore = try store.meetings(MeetingFilter(countries: ["CN"]))

        let (second, failures) = fixture.ingest([seeds])

        #expect(first.new >= 1)
        #expect(failures.isEmpty)
        #expect(second.new == 0)
        #expect(second.unchanged == first.new)
        #expect(try store.articleCount() == first.new)
        #expect(try store.meetings(MeetingFilter(countries: ["CN"])) == meetingsBefore)
    }

    @Test("articles stored as they are are not extracted again; an edited one, or one that gains a date, is", arguments: Backend.available)
    func unchangedArticlesAreNotExtracted(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        final class Extractions: @unchecked Sendable {
            private let lock = NSLock()
            private var ids: [String] = []
            func add(_ id: String) { lock.withLock { ids.append(id) } }
            func take() -> Int { lock.withLock { defer { ids = [] }; return ids.count } }
        }
        let extractions = Extractions()
        let extractor = Extractor(reference: try ReferenceData.bundled())
        let counting = Ingestor(store: store, extract: { article in
            extractions.add(article.id)
            return extractor.extract(article)
        })
        let input = folder.appendingPathComponent("in")
        let dated = try input.write("  date 2024-10-23 KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday.", to: "dated.txt")
        _ = try input.write("CAIRO - Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in Cairo on Monday.", to: "undated.txt")

        let first = counting.ingest(paths: [input.path])
        #expect(first.new == 2)
        #expect(extractions.take() == 2)

        let again = counting.ingest(paths: [input.path])
        #expect(again.unchanged == 2 && again.new == 0 && again.failed == 0)
        #expect(extractions.take() == 0)

        try Data("  date 2024-10-23 KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Kazan on Wednesday.".utf8).write(to: dated)
        let edited = counting.ingest(paths: [input.path])
        #expect(edited.new == 1 && edited.unchanged == 1)
        #expect(extractions.take() == 1)

        // The undated one given its date is stored again with it, so it is read again.
        let withDate = counting.ingest(paths: [input.appendingPathComponent("undated.txt").path],
                                       defaults: ArticleDefaults(published: PartialDate(iso: "2025-03-10")))
        #expect(withDate.replaced == 1)
        #expect(extractions.take() == 1)
        #expect(try store.articleCount() == 3)
    }

    @Test("bad inputs are named, with the line for feeds, and the other inputs still go in", arguments: Backend.available)
    func badInputs(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        let good = try folder.write("  date 2024-10-23 KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday.", to: "good.txt")
        let empty = try folder.write("", to: "empty.txt")
        let blank = try folder.write("  \n \n", to: "blank.txt")
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]).write(to: binary)
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x74, 0x61, 0x6C, 0x6B, 0x73]).write(to: latin1)
        let feed = try folder.write(#"{"id": "ok", "published": "2024-01-01", "text": "CAIRO - Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in Cairo on Monday."}"# + "\n{\"id\": \"broken\", \n", to: "feed.jsonl")
        let missing = folder.appendingPathComponent("nowhere.txt").path

        let (summary, failures) = fixture.ingest([good.path, empty.path, blank.path, binary.path, latin1.path, feed.path, missing])

        #expect(summary.new == 2)
        #expect(summary.failed == 6)
        #expect(summary.missingInput)
        #expect(failures.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(failures.contains { $0.contains("blank.txt") && $0.contains("empty") })
        #expect(failures.contains { $0.contains("binary.txt") && $0.contains("binary") })
        #expect(failures.contains { $0.contains("latin1.txt") && $0.contains("UTF-8") && $0.contains("offset 3") })
        #expect(failures.contains { $0.contains("feed.jsonl:2") && $0.contains("JSON") })
        #expect(failures.contains { $0.contains("nowhere.txt") && $0.contains("no such file") })
        #expect(try store.articleCount() == 2)
    }

    @Test("a batched ingest stores the same knowledge base as one article a transaction, bad inputs included", arguments: Backend.available)
    func batchedIngest(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        let dev = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/corpus/dev").path
        let bad = try folder.write(#"{"id": "a", "text": "CAIRO - Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in Cairo on Monday."}"# + "\n{broken\n", to: "feed.jsonl")
        let batchedStore = try fixture.newStore()
        let batched = Ingestor(store: batchedStore, extractor: try TestExtractor.bundled(), batchSize: 7)
        var batchedFailures: [String] = []

        let (one, failures) = fixture.ingest([dev, bad.path, dev])
        let many = batched.ingest(paths: [dev, bad.path, dev], report: { event in
            if case .failed(let message) = event { batchedFailures.append(message) }
        })

        #expect(one.new > 20)
        #expect((many.new, many.unchanged, many.failed) == (one.new, one.unchanged, one.failed))
        #expect(batchedFailures == failures)
        // The same meetings; their ids (and so the order of meetings of one day) follow the order they were
        // clustered in, once a batch.
        let content = { (store: any KnowledgeQuerying) in
            try store.meetings(MeetingFilter()).map { meeting -> MeetingSummary in
                var meeting = meeting
                meeting.id = 0
                return meeting
            }
        }
        let (batchedMeetings, meetings) = (try content(batchedStore), try content(store))
        #expect(batchedMeetings.count == meetings.count)
        #expect(Set(batchedMeetings) == Set(meetings))
        #expect(try batchedStore.integrityProblems() == [])
    }

    @Test("pair queries answer in either order and by name, alias, demonym or code", arguments: Backend.available)
    func pairQueries(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        _ = fixture.ingest([repositoryRoot.appendingPathComponent("seeds/articles").path])
        let service = KnowledgeBase(queries: store, countries: CountryLookup(reference: try ReferenceData.bundled()))

        let reference = try service.meetings(["China", "Canada"])

        #expect(reference.count == 2)
        for names in [["Canada", "China"], ["CN", "CA"], ["CHN", "CAN"], ["Chinese", "Canadian"], ["PRC", "Canada"]] {
            #expect(try service.meetings(names) == reference, "\(names)")
        }
        #expect(try service.meetings(["China"]).count >= 2)
        #expect(try service.meetings(["China", "Canada"], from: PartialDate(iso: "2026")).count == 1)
        #expect(throws: UnknownCountryError.self) { try service.meetings(["Chnia", "Canada"]) }
    }

    @Test("articles above the size limit are refused, whole files and feed lines alike, and the rest go in", arguments: Backend.available)
    func sizeLimit(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        let small = Ingestor(store: store, extractor: try TestExtractor.bundled(),
                             maxArticleBytes: 400)
        let article = "CAIRO - Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in Cairo on Monday."
        let big = try folder.write(String(repeating: article + " ", count: 20), to: "big.txt")
        let fine = try folder.write(article, to: "fine.txt")
        let hugeLine = #"{"id": "huge", "text": ""# + String(repeating: "x", count: 300_000) + "\"}"
        let okLine = #"{"id": "ok", "published": "2024-02-12", "text": "\#(article) They spoke for an hour."}"#
        let feed = try folder.write(hugeLine + "\n" + okLine + "\n", to: "feed.jsonl")
        var failures: [String] = []

        let summary = small.ingest(paths: [big.path, fine.path, feed.path], report: { event in
            if case .failed(let message) = event { failures.append(message) }
        })

        #expect(summary.new == 2)
        #expect(summary.failed == 2)
        #expect(failures.contains { $0.contains("big.txt") && $0.contains("limit of 400 bytes") })
        #expect(failures.contains { $0.contains("feed.jsonl:1") && $0.contains("limit of 400 bytes") })
    }

    @Test("a folder is walked in name order, subfolders included; a link to a file is read, a link to a folder passed over", arguments: Backend.available)
    func folderWalk(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let ingestor = fixture.ingestor
        let line = { (i: Int) in "  date 2024-10-2\(i) KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, meeting \(i)." }
        _ = try folder.write(line(1), to: "in/b.txt")
        _ = try folder.write(line(2), to: "in/a/z.txt")
        _ = try folder.write(line(3), to: "in/c.md")
        _ = try folder.write(line(4), to: "elsewhere/x.txt")
        _ = try folder.write(line(5), to: "elsewhere/deep/y.txt")
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("d"),
                                                   withDestinationURL: folder.appendingPathComponent("elsewhere"))
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("e.txt"),
                                                   withDestinationURL: folder.appendingPathComponent("elsewhere/x.txt"))
        var visited: [String] = []
        var skipped: [String] = []

        let summary = ingestor.ingest(paths: [input.path], report: { event in
            switch event {
            case .finishedFile(let path): visited.append(String(path.dropFirst(input.path.count + 1)))
            case .skipped(let path): skipped.append(String(path.dropFirst(input.path.count + 1)))
            default: break
            }
        })

        #expect(visited == ["a/z.txt", "b.txt", "c.md", "e.txt"])
        #expect(skipped == ["d"])
        #expect(summary.new == 4)
    }

    @Test("a batch is committed early once it holds batchBytes of text, so memory stays bounded", arguments: Backend.available)
    func batchBytesBound(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        for i in 0..<4 {
            _ = try folder.write("  date 2024-10-2\(i) KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, meeting \(i).", to: "in/\(i).txt")
        }
        // The order of events tells when articles were committed: a save reported before its file's
        // end means the article was committed alone; with room for all four, all come at the end.
        for (bytes, expected) in [(1, "s f s f s f s f"), (Ingestor.defaultBatchBytes, "f f f f s s s s")] {
            let ingestor = Ingestor(store: try fixture.newStore(), extractor: try TestExtractor.bundled(), batchBytes: bytes)
            var events: [String] = []
            let summary = ingestor.ingest(paths: [folder.appendingPathComponent("in").path], report: { event in
                switch event {
                case .saved: events.append("s")
                case .finishedFile: events.append("f")
                default: break
                }
            })
            #expect(summary.new == 4)
            #expect(events.joined(separator: " ") == expected)
        }
    }

    @Test("each article is reported as read when read, before its batch is extracted and commits, so progress counts from the first article", arguments: Backend.available)
    func readEventsComeBeforeTheCommit(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let ingestor = fixture.ingestor
        for i in 0..<3 {
            _ = try folder.write("  date 2024-10-2\(i) KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, meeting \(i).", to: "in/\(i).txt")
        }
        var events: [String] = []
        _ = ingestor.ingest(paths: [folder.appendingPathComponent("in").path], report: { event in
            switch event {
            case .read: events.append("r")
            case .saved: events.append("s")
            case .finishedFile: events.append("f")
            default: break
            }
        })
        #expect(events.joined(separator: " ") == "r f r f r f s s s")
    }

    @Test("a stop request ends the ingest between two articles, with every stored article whole", arguments: Backend.available)
    func stopBetweenArticles(_ backend: Backend) throws {
        let fixture = try IngestFixture(backend)
        defer { fixture.remove() }
        let folder = fixture.folder
        let store = fixture.store
        for i in 0..<5 {
            _ = try folder.write("  date 2024-10-2\(i) KAZAN: Chinese President Xi Jinping met Indian Prime Minister Narendra Modi on Wednesday, meeting \(i).", to: "in/\(i).txt")
        }
        // Batched (the default) and a transaction an article: the articles read before the stop are stored.
        for (batchSize, expected) in [(Ingestor.defaultBatchSize, 2), (1, 4)] {
            var read = 0
            let ingestor = Ingestor(store: store, extractor: try TestExtractor.bundled(),
                                    batchSize: batchSize)
            let summary = ingestor.ingest(paths: [folder.appendingPathComponent("in").path],
                                          shouldStop: { read >= expected }) { event in
                if case .finishedFile = event { read += 1 }
            }

            #expect(summary.new == 2)
            #expect(try store.articleCount() == expected)
        }
    }
}
