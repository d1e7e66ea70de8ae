import Foundation
import BilatModel

/// One event of a timeline: a meeting, an agreement or a statement, with everything every output
/// needs (`bilat timeline` and each format of `bilat export timeline`) and nothing format-specific.
public struct TimelineEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case meeting, agreement, statement

        /// Meetings and agreements happen between countries on a day; a statement is one side speaking,
        /// dated by the article that reports it. Calendars and country networks hold only the first.
        public var isEncounter: Bool { self != .statement }

        /// Within a day: meetings, then agreements, then statements.
        public static func < (a: Kind, b: Kind) -> Bool {
            a.rank < b.rank
        }

        private var rank: Int {
            switch self {
            case .meeting: 0
            case .agreement: 1
            case .statement: 2
            }
        }
    }

    /// The event's id in every output: `meeting-12`, `agreement-3`, `statement-40` (the kind and the
    /// stored row's id; a meeting and an agreement may share a row id, so the kind is part of it).
    public var uniqueID: String { "\(kind.rawValue)-\(id)" }
    public var kind: Kind
    /// The stored row's id.
    public var id: Int64
    /// A statement's date is its article's.
    public var date: PartialDate?
    /// Alpha-2 codes, the countries the timeline asked about first, then alphabetical.
    public var countries: [String]
    /// Display names, in the order of `countries`.
    public var countryNames: [String]
    /// The officials who met (meetings) or spoke (statements).
    public var participants: [String]
    public var place: String?
    /// Meetings only.
    public var mode: MeetingMode?
    /// Meetings only.
    public var status: MeetingStatus?
    /// Agreements only: memorandum, treaty, …
    public var agreementKind: AgreementKind?
    /// Agreements only, when the text names the document.
    public var title: String?
    public var areas: [String]
    /// One line saying what happened.
    public var headline: String
    public var sources: [TimelineSource]

    public init(kind: Kind, id: Int64, date: PartialDate?, countries: [String], countryNames: [String],
                participants: [String] = [], place: String? = nil, mode: MeetingMode? = nil,
                status: MeetingStatus? = nil, agreementKind: AgreementKind? = nil, title: String? = nil,
                areas: [String] = [], headline: String, sources: [TimelineSource] = []) {
        self.kind = kind
        self.id = id
        self.date = date
        self.countries = countries
        self.countryNames = countryNames
        self.participants = participants
        self.place = place
        self.mode = mode
        self.status = status
        self.agreementKind = agreementKind
        self.title = title
        self.areas = areas
        self.headline = headline
        self.sources = sources
    }

    /// The country pair (or group) as people read it: "China–Canada".
    public var pairLabel: String { countryNames.joined(separator: "–") }

    /// How many articles report the event.
    public var articleCount: Int { Set(sources.map(\.articleID)).count }

    /// Source URLs, each once, in source order.
    public var sourceURLs: [String] {
        var seen = Set<String>()
        return sources.compactMap(\.url).filter { seen.insert($0).inserted }
    }

    /// Date order, undated last; on one date meetings, then agreements, then statements, each by id.
    public static func chronological(_ a: TimelineEvent, _ b: TimelineEvent) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.kind != b.kind ? a.kind < b.kind : a.id < b.id
        }
    }
}

/// An article sentence an event was read from.
public struct TimelineSource: Sendable, Hashable {
    /// The article's content hash, as `bilat show` gives it.
    public var articleID: String
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: PartialDate?
    public var sentence: String

    public init(articleID: String, title: String?, source: String?, url: String?, published: PartialDate?,
                sentence: String) {
        self.articleID = articleID
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.sentence = sentence
    }
}

/// A timeline ready to render: a title, when it was made and the events in date order.
public struct TimelineDocument: Sendable {
    public var title: String
    /// When the timeline was made; ICS uses it as DTSTAMP, other formats as metadata.
    public var generated: Date
    public var events: [TimelineEvent]

    public init(title: String, generated: Date, events: [TimelineEvent]) {
        self.title = title
        self.generated = generated
        self.events = events
    }
}
