import BilatExtraction
import Foundation

/// Writes the corpus of one big event: `reports` articles about ONE meeting (one country pair, in
/// person, one day) as many outlets cover it, and background articles about other pairs on other days
/// mixed in among them. The reports differ as wire copies do: source, url, headline, format, sentence
/// draw and order; some name no participant, some no place; some are dated one day later (a meeting
/// on Monday evening in one capital is Tuesday morning in another, and the report says "on Tuesday").
/// Every one of them is the same meeting: ingested, they must make one.
public struct OneEventGenerator: Sendable {
    public let seed: UInt64
    let world: World
    /// Background articles, as a share of the reports (0.1: 100 for 1,000 reports).
    public var backgroundShare = 0.1
    /// Shares of the reports dated one day after the meeting ("on Tuesday"), naming no participant, and
    /// naming no place (no dateline either).
    public var nextDayShare = 0.15
    public var unnamedShare = 0.15
    public var placelessShare = 0.2
    /// Share of non-wire articles written into feeds, as in the main corpus.
    public var feedShare = 0.15
    /// The day of the meeting (a Monday).
    static let day = CivilDay(year: 2025, month: 11, day: 10)

    public init(seed: UInt64, reference: ReferenceData) {
        self.seed = seed
        world = World(reference: reference, seed: seed)
    }

    /// Writes the reports and the background articles under `folder` (created; generated files overwritten).
    public func write(reports: Int, to folder: URL) throws -> OneEventManifest {
        var rng = SplitMix64(seed: seed ^ 0x0E_E7E7)
        let event = try mainEvent(&rng)
        let background = Int((Double(reports) * backgroundShare).rounded())
        var manifest = OneEventManifest(
            seed: seed, reports: reports, background: background, articles: reports + background,
            pair: event.pairKey, host: event.host.country.code, guest: event.guest.country.code,
            day: event.day.iso, mode: "in_person", place: event.host.capital,
            nextDayReports: 0, unnamedReports: 0, placelessReports: 0, formats: [:], files: 0, feeds: 0,
            feedArticles: 0, textBytes: 0, sentences: 0)
        var writer = try CorpusWriter(folder: folder)
        defer { try? writer.close() }
        var reportsLeft = reports, backgroundLeft = background
        for index in 0..<(reports + background) {
            // An exact count of each, in an order the seed shuffles.
            let isBackground = rng.below(reportsLeft + backgroundLeft) < backgroundLeft
            let article: ComposedArticle
            if isBackground {
                backgroundLeft -= 1
                article = ArticleComposer.compose(try otherEvent(avoiding: event, id: index, rng: &rng),
                                                  format: drawFormat(&rng), index: index, rng: &rng)
            } else {
                reportsLeft -= 1
                let nextDay = rng.chance(nextDayShare)
                let style: ReportStyle = rng.chance(unnamedShare) ? .unnamed : rng.chance(placelessShare) ? .placeless : .full
                let reported = nextDay ? event.reported(on: event.day.adding(days: 1)) : event
                article = compose(reported, style: style, index: index, rng: &rng)
                if nextDay { manifest.nextDayReports += 1 }
                if style == .unnamed { manifest.unnamedReports += 1 }
                if style == .placeless { manifest.placelessReports += 1 }
            }
            manifest.formats[article.format.rawValue, default: 0] += 1
            manifest.sentences += article.sentenceCount
            manifest.textBytes += article.text.utf8.count
            try writer.write(article, index: index, toFeed: article.format == .wire || rng.chance(feedShare))
        }
        try writer.finish(&manifest, in: folder)
        return manifest
    }

    /// How a report words the meeting.
    enum ReportStyle {
        /// Participants named and the place (the main corpus's reports).
        case full
        /// A brief: the two countries, their leaders or ministers unnamed.
        case unnamed
        /// Participants named, no place and no dateline.
        case placeless
    }

    /// The event: a pair the world's weights draw, meeting in person in the host's capital.
    func mainEvent(_ rng: inout SplitMix64) throws -> MeetingEvent {
        for _ in 0..<1000 {
            if let drawn = MeetingEvent.draw(id: 0, day: Self.day, world: world, rng: &rng) {
                return drawn.with(mode: .inPerson)
            }
        }
        throw GeneratorError.noOfficials(Self.day.iso)
    }

    /// A meeting of another pair within four months of the event, never on its day or the next.
    func otherEvent(avoiding event: MeetingEvent, id: Int, rng: inout SplitMix64) throws -> MeetingEvent {
        for _ in 0..<1000 {
            var offset = rng.int(-120...120)
            if offset >= -1, offset <= 2 { offset += 5 }
            if let drawn = MeetingEvent.draw(id: id, day: event.day.adding(days: offset), world: world, rng: &rng),
               drawn.pairKey != event.pairKey {
                return drawn
            }
        }
        throw GeneratorError.noOfficials(event.day.iso)
    }

    func drawFormat(_ rng: inout SplitMix64) -> ArticleFormat {
        let roll = rng.unit()
        return roll < 0.25 ? .seed : roll < 0.55 ? .wire : roll < 0.75 ? .frontMatter : .readout
    }

    /// One report in a style: the main corpus's composition for `.full`, a brief or a report without a
    /// place otherwise.
    func compose(_ event: MeetingEvent, style: ReportStyle, index: Int, rng: inout SplitMix64) -> ComposedArticle {
        switch style {
        case .full:
            return ArticleComposer.compose(event, format: drawFormat(&rng), index: index, rng: &rng)
        case .unnamed, .placeless:
            // Without a place, no dateline either: front matter or a readout.
            let format: ArticleFormat = style == .placeless ? (rng.chance(0.5) ? .frontMatter : .readout)
                : [.seed, .wire, .frontMatter][rng.below(3)]
            let published = event.day.adding(days: rng.chance(0.3) ? 1 : 0)
            var reporter = Reporter(event: event, published: published, official: format == .readout,
                                    rng: SplitMix64(seed: rng.next()))
            var body: [String]
            if style == .unnamed {
                body = [reporter.unnamedLead(placed: format != .frontMatter)]
                body += reporter.backgroundSentences(rng.int(3...8))
            } else {
                body = [reporter.placelessLead()]
                body += reporter.quoteSentences(1)
                body += reporter.areaSentences()
                body += reporter.documentSentences()
                body += reporter.earlierSentences()
                body += reporter.plannedSentences()
                body += reporter.quoteSentences(rng.int(0...3))
                body += reporter.backgroundSentences(rng.int(4...16))
            }
            let source = format == .wire ? rng.pick(Phrasebook.agencies) : rng.pick(Phrasebook.outlets)
            let title = style == .unnamed
                ? "\(ArticleComposer.cap(event.host.name)) and \(event.guest.name) pledge closer cooperation"
                : ArticleComposer.headline(event, format: format, rng: &rng)
            let url = "https://news.example.org/\(Phrasebook.slug(source))/\(published.iso)/\(Phrasebook.slug(title))-\(index)"
            let paragraphs = ArticleComposer.paragraphs(body, rng: &rng)
            let text = ArticleComposer.layout(format: format, title: title, published: published, source: source,
                                              url: url, city: event.host.capital, paragraphs: paragraphs)
            return ComposedArticle(format: format, text: text, title: title, published: published, source: source,
                                   url: url, sentenceCount: body.count)
        }
    }
}

extension MeetingEvent {
    /// The same meeting in another mode.
    func with(mode: EventMode) -> MeetingEvent {
        MeetingEvent(id: id, host: host, guest: guest, hostPerson: hostPerson, guestPerson: guestPerson, level: level,
                     day: day, mode: mode, areas: areas, organizations: organizations,
                     document: mode == .inPerson ? document : nil, documentArea: documentArea, earlierDay: earlierDay,
                     earlierMode: earlierMode, plannedMonth: plannedMonth, tradeBillions: tradeBillions,
                     yearsOfTies: yearsOfTies)
    }

    /// The same meeting as a report in another time zone dates it.
    func reported(on day: CivilDay) -> MeetingEvent {
        MeetingEvent(id: id, host: host, guest: guest, hostPerson: hostPerson, guestPerson: guestPerson, level: level,
                     day: day, mode: mode, areas: areas, organizations: organizations, document: document,
                     documentArea: documentArea, earlierDay: earlierDay, earlierMode: earlierMode,
                     plannedMonth: plannedMonth, tradeBillions: tradeBillions, yearsOfTies: yearsOfTies)
    }
}

extension Reporter {
    /// A lead naming the countries and the level, no participant: "The leaders of Kenya and Japan held
    /// talks in Nairobi on Monday."
    mutating func unnamedLead(placed: Bool) -> String {
        let when = when()
        let areas = areaWords(2)
        let place = placed ? " in \(event.host.capital)" : ""
        return rng.pick([
            "\(cap(host)) and \(guest) agreed \(when) to deepen cooperation in \(Phrasebook.list(areas)) after talks between their \(pairNoun)\(place).",
            "The \(pairNoun) of \(host) and \(guest) held talks\(place) \(when), officials said.",
            "\(event.guest.demonym) and \(event.host.demonym) \(pairNoun) met\(place) \(when) and discussed \(Phrasebook.list(areas)).",
        ])
    }

    /// A lead naming both participants and no place.
    mutating func placelessLead() -> String {
        if official {
            return "On \(event.day.british), \(hostFull) held talks with \(guestFull)."
        }
        let when = when()
        let areas = areaWords(3)
        return rng.pick([
            "\(cap(hostFull)) held talks with \(guestFull) \(when), as the two sides sought to deepen cooperation in \(Phrasebook.list(Array(areas.prefix(2)))).",
            "\(cap(guestFull)) met \(hostFull) \(when) during a visit aimed at strengthening ties between \(guest) and \(host).",
            "\(cap(hostFull)) and \(guestFull) agreed \(when) to expand cooperation in \(Phrasebook.list(areas)).",
        ])
    }
}

/// What a one-event corpus holds, written beside it as `manifest.json`.
public struct OneEventManifest: Codable, Sendable, Equatable {
    public var seed: UInt64
    /// Reports of the event, background articles, and both together.
    public var reports: Int
    public var background: Int
    public var articles: Int
    /// "AA-BB" (codes sorted), the host and the guest, the meeting's day (ISO) and mode, its place.
    public var pair: String
    public var host: String
    public var guest: String
    public var day: String
    public var mode: String
    public var place: String
    /// Reports dating the meeting on the next day; naming no participant; naming no place.
    public var nextDayReports: Int
    public var unnamedReports: Int
    public var placelessReports: Int
    public var formats: [String: Int]
    public var files: Int
    public var feeds: Int
    public var feedArticles: Int
    public var textBytes: Int
    public var sentences: Int

    /// Reads the manifest a previous `write` left in `folder`.
    public static func read(in folder: URL) throws -> OneEventManifest {
        try JSONDecoder().decode(OneEventManifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
    }
}
