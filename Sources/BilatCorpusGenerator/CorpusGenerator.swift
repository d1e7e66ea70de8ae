import BilatExtraction
import Foundation

/// Writes a deterministic corpus of news articles about bilateral meetings: the seed picks every
/// byte. Articles stream to disk as they are made (`articles/NNN/NNNNNN.txt`, `feeds/feed-NNNN.jsonl`,
/// then `manifest.json`); only a few recent meetings stay in memory, so that later articles can
/// report them again.
public struct CorpusGenerator: Sendable {
    public let seed: UInt64
    let world: World
    /// Share of articles that report a meeting an earlier article reported (another outlet, other words).
    public var repeatShare = 0.25
    /// Share of non-wire articles written into feeds; wire articles always go to feeds (they need `published`).
    public var feedShare = 0.15
    static let firstDay = CivilDay(year: 2016, month: 1, day: 4)
    static let lastDay = CivilDay(year: 2025, month: 12, day: 19)

    /// A generator drawing countries and officials from the reference data.
    public init(seed: UInt64, reference: ReferenceData) {
        self.seed = seed
        world = World(reference: reference, seed: seed)
    }

    /// Writes `count` articles under `folder` (created; existing generated files are overwritten).
    public func write(count: Int, to folder: URL) throws -> CorpusManifest {
        var writer = try CorpusWriter(folder: folder)
        var manifest = CorpusManifest(seed: seed, articles: count, formats: [:], files: 0, feeds: 0, feedArticles: 0,
                                      textBytes: 0, sentences: 0, meetings: 0, repeatReports: 0, pairs: [:])
        var rng = SplitMix64(seed: seed)
        var recent: [MeetingEvent] = []
        defer { try? writer.close() }
        let span = Self.lastDay.number - Self.firstDay.number
        for index in 0..<count {
            let day = Self.firstDay.adding(days: count > 1 ? span * index / (count - 1) : 0)
            let event: MeetingEvent
            if !recent.isEmpty, rng.chance(repeatShare) {
                event = rng.pick(recent)
                manifest.repeatReports += 1
            } else {
                event = try newEvent(id: manifest.meetings, day: day, rng: &rng)
                manifest.meetings += 1
                recent.append(event)
                if recent.count > 48 { recent.removeFirst() }
            }
            let format = drawFormat(&rng)
            let article = ArticleComposer.compose(event, format: format, index: index, rng: &rng)
            manifest.formats[format.rawValue, default: 0] += 1
            manifest.pairs[event.pairKey, default: 0] += 1
            manifest.sentences += article.sentenceCount
            manifest.textBytes += article.text.utf8.count
            try writer.write(article, index: index, toFeed: format == .wire || rng.chance(feedShare))
        }
        try writer.finish(&manifest, in: folder)
        return manifest
    }

    /// Reads the manifest a previous `write` left in `folder`.
    public static func manifest(in folder: URL) throws -> CorpusManifest {
        try JSONDecoder().decode(CorpusManifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
    }

    func newEvent(id: Int, day: CivilDay, rng: inout SplitMix64) throws -> MeetingEvent {
        for _ in 0..<1000 {
            if let event = MeetingEvent.draw(id: id, day: day, world: world, rng: &rng) { return event }
        }
        throw GeneratorError.noOfficials(day.iso)
    }

    func drawFormat(_ rng: inout SplitMix64) -> ArticleFormat {
        let roll = rng.unit()
        return roll < 0.25 ? .seed : roll < 0.55 ? .wire : roll < 0.75 ? .frontMatter : .readout
    }
}

/// Why a corpus could not be generated.
public enum GeneratorError: Error, CustomStringConvertible {
    case noOfficials(String)

    public var description: String {
        switch self {
        case .noOfficials(let day):
            "the reference data names no two officials serving on \(day); check seeds/reference/officials.tsv"
        }
    }
}
