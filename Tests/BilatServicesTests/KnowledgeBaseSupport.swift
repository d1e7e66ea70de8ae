import BilatExtraction
import BilatModel
import BilatServices
import BilatStorage
import Foundation

/// One corpus article read as ingest reads it, with its gold facts when it has a gold file.
struct CorpusArticle {
    var file: String
    var article: Article
    var gold: GoldFacts?
}

/// A meeting as expected-kb.json states it (the note aside), also used to compare stored meetings.
struct ConsolidatedMeeting: Codable, Hashable, Comparable {
    var date: String?
    var countries: [String]
    var participants: [String]
    var place: String?
    var mode: String
    var status: String
    var sources: [String]

    static func < (a: Self, b: Self) -> Bool {
        (a.date ?? "", a.countries.joined(), a.mode, a.status, a.place ?? "")
            < (b.date ?? "", b.countries.joined(), b.mode, b.status, b.place ?? "")
    }
}

enum KnowledgeBaseFixtures {
    static let reference: ReferenceData = try! ReferenceData.bundled()
    static let extractor = Extractor(reference: reference)

    /// Every article file of a corpus folder (feeds too), in file-name order, with gold facts.
    static func articles(in folderName: String) throws -> [CorpusArticle] {
        let folder = fixturesFolder.appendingPathComponent("corpus/\(folderName)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var result: [CorpusArticle] = []
        for name in names where name.hasSuffix(".txt") || name.hasSuffix(".jsonl") {
            let path = folder.appendingPathComponent(name).path
            let goldFile = folder.appendingPathComponent(
                (name as NSString).deletingPathExtension + ".gold.json")
            let goldData = try? Data(contentsOf: goldFile)
            ArticleFiles.visit(path: path, defaults: ArticleDefaults()) { input in
                guard case .article(let article, _) = input else { return }
                var gold: GoldFacts?
                if name.hasSuffix(".txt"), let goldData {
                    gold = try? JSONDecoder().decode(GoldFacts.self, from: goldData)
                }
                result.append(CorpusArticle(file: name, article: article, gold: gold))
            }
        }
        return result
    }

    /// The gold facts as the extractor would hand them over: sentences from the real splitter, every
    /// fact with a span in a sentence that names it.
    static func goldArticleFacts(_ corpus: CorpusArticle) -> ArticleFacts {
        let gold = corpus.gold!
        let sentences = extractor.extract(corpus.article).sentences
        func span(naming names: [String]) -> [SourceSpan] {
            let words = names.compactMap { $0.split(separator: " ").first.map(String.init) }
            let best = sentences.max { a, b in
                words.filter { a.text.contains($0) }.count < words.filter { b.text.contains($0) }.count
            }
            return best.map { [$0.span] } ?? []
        }
        let meetings = gold.meetings.map { m in
            Meeting(date: m.date.flatMap(PartialDate.init(iso:)), countries: m.countries, participants: m.participants,
                    place: m.place, mode: MeetingMode(rawValue: m.mode)!, status: MeetingStatus(rawValue: m.status)!,
                    spans: span(naming: m.participants))
        }
        let officials = gold.officials.map {
            Official(name: $0.name, country: $0.country, role: $0.role, spans: span(naming: [$0.name]))
        }
        let agreements = gold.agreements.map {
            Agreement(kind: AgreementKind(rawValue: $0.kind)!, date: $0.date.flatMap(PartialDate.init(iso:)),
                      countries: $0.countries, spans: span(naming: [$0.kind]))
        }
        return ArticleFacts(
            published: gold.published.flatMap(PartialDate.init(iso:)), sentences: sentences, meetings: meetings,
            officials: officials, areas: gold.areas.map { CooperationArea(key: $0) },
            organizations: gold.organizations.map { Organization(name: $0) }, agreements: agreements,
            countries: Array(Set(gold.meetings.flatMap(\.countries))).sorted())
    }

    /// The expected meetings of a corpus folder's expected-kb.json.
    static func expectedMeetings(in folderName: String) throws -> [ConsolidatedMeeting] {
        let url = fixturesFolder.appendingPathComponent("corpus/\(folderName)/expected-kb.json")
        return try JSONDecoder().decode([ConsolidatedMeeting].self, from: Data(contentsOf: url)).sorted()
    }

    /// Every stored meeting with its source articles named by file.
    static func storedMeetings(_ store: any RelationsQueries, files: [String: String]) throws -> [ConsolidatedMeeting] {
        try store.meetings(MeetingFilter()).map { summary in
            let detail = try store.meeting(id: summary.id)!
            return ConsolidatedMeeting(
                date: summary.date?.iso, countries: summary.countries, participants: summary.participants,
                place: summary.place, mode: summary.mode.rawValue, status: summary.status.rawValue,
                sources: Set(detail.sources.map { files[$0.articleID] ?? $0.articleID }).sorted())
        }.sorted()
    }

    /// A store in a new folder with the reference countries.
    static func makeStore(_ folder: URL) throws -> SQLiteStore {
        let store = try SQLiteStore(path: folder.appendingPathComponent("kb.sqlite").path)
        try store.syncCountries(reference.countries)
        return store
    }
}
