import Foundation
import BilatModel

/// One event of an exported timeline, with everything every format needs and nothing format-specific.
public struct ExportEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case meeting, agreement
    }

    /// Stable across exports of the same database: `meeting-12`, `agreement-3`.
    public var uniqueID: String { "\(kind.rawValue)-\(id)" }
    public var kind: Kind
    /// The stored row's id.
    public var id: Int64
    public var date: PartialDate?
    /// Alpha-2 codes, the countries the export asked about first, then alphabetical.
    public var countries: [String]
    /// Display names, in the order of `countries`.
    public var countryNames: [String]
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
    public var sources: [ExportSource]

    public init(kind: Kind, id: Int64, date: PartialDate?, countries: [String], countryNames: [String],
                participants: [String] = [], place: String? = nil, mode: MeetingMode? = nil,
                status: MeetingStatus? = nil, agreementKind: AgreementKind? = nil, title: String? = nil,
                areas: [String] = [], headline: String, sources: [ExportSource] = []) {
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

    /// Date order, undated last; on one date meetings before agreements, then by id.
    public static func chronological(_ a: ExportEvent, _ b: ExportEvent) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            if a.kind != b.kind { return a.kind == .meeting }
            return a.id < b.id
        }
    }
}

/// An article sentence an event was read from.
public struct ExportSource: Sendable, Hashable {
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

/// A timeline ready to render: a title, the export time and the events in date order.
public struct ExportDocument: Sendable {
    public var title: String
    /// When the export was made; ICS uses it as DTSTAMP, other formats as metadata.
    public var generated: Date
    public var events: [ExportEvent]

    public init(title: String, generated: Date, events: [ExportEvent]) {
        self.title = title
        self.generated = generated
        self.events = events
    }
}

/// The calendar days a partial date covers: a month-precision date covers the month, a year the year.
struct DayRange: Equatable {
    var first: PartialDate
    var last: PartialDate

    init(_ date: PartialDate) {
        let month = date.month ?? 1
        first = PartialDate(year: date.year, month: month, day: date.day ?? 1)!
        let lastMonth = date.month ?? 12
        last = PartialDate(year: date.year, month: lastMonth,
                           day: date.day ?? PartialDate.daysIn(month: lastMonth, year: date.year))!
    }

    /// The day after the last, for exclusive ends (nil only after 9999-12-31).
    var exclusiveEnd: PartialDate? { last.adding(days: 1) }
}

/// A moment in UTC, to the second, as ISO 8601 and iCalendar write it.
struct UTCTimestamp {
    var day: PartialDate
    var seconds: Int

    init(_ date: Date) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        day = PartialDate(year: 1970, month: 1, day: 1)!.adding(days: days) ?? PartialDate(year: 1970, month: 1, day: 1)!
        seconds = total - days * 86_400
    }

    private var clock: (String, String, String) {
        (String(format2: seconds / 3600), String(format2: seconds / 60 % 60), String(format2: seconds % 60))
    }

    /// `2026-01-16T09:30:00Z`
    var iso: String {
        let (h, m, s) = clock
        return "\(day.iso)T\(h):\(m):\(s)Z"
    }

    /// `20260116T093000Z`
    var compact: String {
        let (h, m, s) = clock
        return day.iso.replacingOccurrences(of: "-", with: "") + "T\(h)\(m)\(s)Z"
    }
}

extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
