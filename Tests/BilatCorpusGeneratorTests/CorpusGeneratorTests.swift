import BilatCorpusGenerator
import BilatExtraction
import BilatModel
import Foundation
import Testing

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    let reference: ReferenceData

    init() throws {
        reference = try ReferenceData.bundled()
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under a folder with its bytes, keyed by relative path.
    func contents(of folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    /// Every article of a generated folder, read as `bilat ingest` reads files and feed lines.
    func articles(in folder: URL) throws -> [Article] {
        var articles: [Article] = []
        for (path, data) in try contents(of: folder).sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".txt") {
                articles.append(try ArticleReader.read(text: String(decoding: data, as: UTF8.self)))
            } else if path.hasSuffix(".jsonl") {
                for line in data.split(separator: UInt8(ascii: "\n")) {
                    articles.append(try ArticleReader.readFeedLine(String(decoding: line, as: UTF8.self)))
                }
            }
        }
        return articles
    }

    @Test("the same seed writes the same bytes; another seed writes others")
    func deterministic() throws {
        let a = try temporaryFolder(), b = try temporaryFolder(), c = try temporaryFolder()
        defer { [a, b, c].forEach { try? FileManager.default.removeItem(at: $0) } }
        _ = try CorpusGenerator(seed: 42, reference: reference).write(count: 120, to: a)
        _ = try CorpusGenerator(seed: 42, reference: reference).write(count: 120, to: b)
        _ = try CorpusGenerator(seed: 43, reference: reference).write(count: 120, to: c)
        let first = try contents(of: a)
        #expect(first.count > 10)
        #expect(first == (try contents(of: b)))
        #expect(first != (try contents(of: c)))
    }

    @Test("all four formats, files and feeds, repeated meetings and the manifest's counts")
    func shapeOfTheCorpus() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // More than one folder of 1,000 files, so that every folder is made whatever goes to feeds.
        let count = 2100
        let manifest = try CorpusGenerator(seed: 7, reference: reference).write(count: count, to: folder)
        #expect(Set(manifest.formats.keys) == Set(ArticleFormat.allCases.map(\.rawValue)))
        #expect(manifest.files > 0 && manifest.feedArticles > 0 && manifest.files + manifest.feedArticles == count)
        let repeatShare = Double(manifest.repeatReports) / Double(count)
        #expect(repeatShare > 0.15 && repeatShare < 0.35)
        #expect(manifest.sentences >= count * 15 && manifest.sentences <= count * 40)
        let averageBytes = manifest.textBytes / count
        #expect(averageBytes > 2000 && averageBytes < 4500)
        #expect(try CorpusGenerator.manifest(in: folder) == manifest)
        #expect(manifest.busiestPair != manifest.rarePair)
    }

    @Test("articles read back with their dates, and the extractor finds meetings in them")
    func readsBackAndExtracts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(seed: 11, reference: reference).write(count: 60, to: folder)
        let articles = try articles(in: folder)
        #expect(articles.count == 60)
        let extractor = Extractor(reference: reference)
        let facts = articles.map(extractor.extract)
        // Readouts carry their date in the text: the extractor, not the reader, finds it.
        #expect(facts.allSatisfy { $0.published != nil })
        let withMeetings = facts.filter { !$0.meetings.isEmpty }.count
        #expect(withMeetings >= 50)
        #expect(facts.allSatisfy { $0.sentences.count >= 15 })
        #expect(facts.contains { !$0.officials.isEmpty && !$0.areas.isEmpty })
    }
}

@Suite("One-event corpus generator")
struct OneEventGeneratorTests {
    let reference: ReferenceData
    let helper: CorpusGeneratorTests

    init() throws {
        reference = try ReferenceData.bundled()
        helper = try CorpusGeneratorTests()
    }

    @Test("deterministic for a seed; N reports and a tenth as many others; the reports name one pair on the day or the next")
    func oneEvent() throws {
        let a = try helper.temporaryFolder(), b = try helper.temporaryFolder(), c = try helper.temporaryFolder()
        defer { [a, b, c].forEach { try? FileManager.default.removeItem(at: $0) } }
        let manifest = try OneEventGenerator(seed: 42, reference: reference).write(reports: 50, to: a)
        _ = try OneEventGenerator(seed: 42, reference: reference).write(reports: 50, to: b)
        _ = try OneEventGenerator(seed: 43, reference: reference).write(reports: 50, to: c)
        #expect(try helper.contents(of: a) == (try helper.contents(of: b)))
        #expect(try helper.contents(of: a) != (try helper.contents(of: c)))
        #expect(try OneEventManifest.read(in: a) == manifest)
        #expect(manifest.reports == 50 && manifest.background == 5 && manifest.articles == 55)
        #expect(manifest.nextDayReports > 0 && manifest.unnamedReports > 0 && manifest.placelessReports > 0)
        #expect(manifest.files + manifest.feedArticles == 55)

        let articles = try helper.articles(in: a)
        #expect(articles.count == 55)
        let extractor = Extractor(reference: reference)
        let codes = [manifest.host, manifest.guest].sorted()
        let day = try #require(PartialDate(iso: manifest.day)?.dayNumber)
        var dated: [Int: Int] = [:]
        var otherPairNearby = 0
        for facts in articles.map(extractor.extract) {
            for meeting in facts.meetings {
                guard let number = meeting.date?.dayNumber, abs(number - day) <= 30 else { continue }
                if meeting.countries == codes {
                    dated[number - day, default: 0] += 1
                } else if abs(number - day) <= 1 {
                    otherPairNearby += 1
                }
            }
        }
        // Every meeting of the pair near the event is on its day or the next (the time-zone reports).
        #expect(Set(dated.keys) == [0, 1], "\(dated)")
        #expect(dated.values.reduce(0, +) >= 40, "\(dated)")
        // Background articles are other pairs on other days.
        #expect(otherPairNearby == 0)
    }
}
