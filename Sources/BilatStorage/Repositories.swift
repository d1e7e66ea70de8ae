import BilatModel

/// What happened when an article was saved.
public enum SaveOutcome: Sendable, Hashable {
    /// A new article: it and its facts were stored.
    case inserted
    /// The same text was stored before: nothing changed.
    case unchanged
    /// An article with the same url or feed id but new text: its facts were replaced. `previousURLs`:
    /// the urls of replaced versions that differ from the new article's (found by feed id), so that the
    /// change can be reported; empty when the url is kept.
    case replaced(previousURLs: [String])
}

/// Stores articles with all their facts, each article in one transaction.
public protocol ArticleStore: Sendable {
    /// Stores the article, its sentences and every fact in one transaction; on any error nothing is kept.
    func save(_ article: Article, facts: ArticleFacts) throws -> SaveOutcome
    /// Stores several articles in one write transaction, each article in its own savepoint: an
    /// article whose save fails leaves nothing behind and the others are kept (its error is in its
    /// result). Throws, storing none of them, when the database itself fails (busy, full, I/O).
    func save(batch: [(article: Article, facts: ArticleFacts)]) throws -> [Result<SaveOutcome, any Error>]
    /// True when an article with this content hash is stored.
    func containsArticle(id: String) throws -> Bool
    /// The ids of those `articles` that are stored as they are: saving one would change nothing (the
    /// same text, and no date or source that the stored one lacks), so an ingest need not extract it.
    func storedUnchanged(_ articles: [Article]) throws -> Set<String>
    /// Number of stored articles.
    func articleCount() throws -> Int
    /// Writes the reference countries (codes and names) the facts refer to; idempotent.
    func syncCountries(_ countries: [Country]) throws
}

/// Filters of a meeting query; every filter is optional.
public struct MeetingFilter: Sendable, Hashable {
    /// Alpha-2 codes that must all take part (one country: its meetings; two: the pair's).
    public var countries: [String]
    public var from: PartialDate?
    public var to: PartialDate?
    public var mode: MeetingMode?
    public var status: MeetingStatus?
    public var limit: Int?
    /// Canonical names of officials who must all have taken part (meetings only).
    public var participants: [String]
    /// A cooperation-area key the meeting's reports or its source articles name (meetings only).
    public var area: String?

    public init(countries: [String] = [], from: PartialDate? = nil, to: PartialDate? = nil,
                mode: MeetingMode? = nil, status: MeetingStatus? = nil, limit: Int? = nil,
                participants: [String] = [], area: String? = nil) {
        self.countries = countries
        self.from = from
        self.to = to
        self.mode = mode
        self.status = status
        self.limit = limit
        self.participants = participants
        self.area = area
    }
}

/// A stored meeting as lists show it.
public struct MeetingSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var date: PartialDate?
    public var countries: [String]
    public var participants: [String]
    /// The country each participant serves, in `participants`' order (nil: none known); empty when not read.
    public var participantCountries: [String?]
    public var place: String?
    public var mode: MeetingMode
    public var status: MeetingStatus
    public var areas: [String]
    public var sourceCount: Int

    public init(id: Int64, date: PartialDate?, countries: [String], participants: [String],
                participantCountries: [String?] = [], place: String?,
                mode: MeetingMode, status: MeetingStatus, areas: [String], sourceCount: Int) {
        self.id = id
        self.date = date
        self.countries = countries
        self.participants = participants
        self.participantCountries = participantCountries
        self.place = place
        self.mode = mode
        self.status = status
        self.areas = areas
        self.sourceCount = sourceCount
    }
}

/// Where a fact comes from: the article and the sentence, with offsets into the article text.
public struct SourceSentence: Sendable, Hashable, Codable {
    public var articleID: String
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: PartialDate?
    public var sentence: String
    public var span: SourceSpan

    public init(articleID: String, title: String?, source: String?, url: String?, published: PartialDate?,
                sentence: String, span: SourceSpan) {
        self.articleID = articleID
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.sentence = sentence
        self.span = span
    }
}

/// One meeting with every sentence it was read from.
public struct MeetingDetail: Sendable, Hashable, Codable {
    public var meeting: MeetingSummary
    public var sources: [SourceSentence]
    /// What the sources said, one entry per distinct date, place and status, with the articles
    /// saying it: the merged meeting keeps one date and place, these keep every variant.
    public var reports: [MeetingReport]

    public init(meeting: MeetingSummary, sources: [SourceSentence], reports: [MeetingReport] = []) {
        self.meeting = meeting
        self.sources = sources
        self.reports = reports
    }

    /// Sources give different dates at the meeting's finest precision (two different days, say).
    public var dateConflict: Bool { PartialDate.distinctAtFinestPrecision(reports.compactMap(\.date)).count > 1 }

    /// Sources name different places.
    public var placeConflict: Bool { Set(reports.compactMap(\.place)).count > 1 }
}

/// One way the sources of a meeting reported it.
public struct MeetingReport: Sendable, Hashable, Codable {
    public var date: PartialDate?
    public var place: String?
    public var status: MeetingStatus
    /// Content hashes of the articles reporting it so.
    public var articleIDs: [String]

    public init(date: PartialDate?, place: String?, status: MeetingStatus, articleIDs: [String]) {
        self.date = date
        self.place = place
        self.status = status
        self.articleIDs = articleIDs
    }
}

/// A stored agreement as timelines show it.
public struct AgreementSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: AgreementKind
    public var date: PartialDate?
    public var countries: [String]
    public var title: String?
    public var sources: [SourceSentence]

    public init(id: Int64, kind: AgreementKind, date: PartialDate?, countries: [String], title: String?,
                sources: [SourceSentence]) {
        self.id = id
        self.kind = kind
        self.date = date
        self.countries = countries
        self.title = title
        self.sources = sources
    }
}

/// A stored statement with its article's date.
public struct StatementSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var speaker: String
    public var country: String?
    public var verb: String
    public var type: StatementType
    public var text: String
    public var date: PartialDate?
    public var source: SourceSentence

    public init(id: Int64, speaker: String, country: String?, verb: String, type: StatementType, text: String,
                date: PartialDate?, source: SourceSentence) {
        self.id = id
        self.speaker = speaker
        self.country = country
        self.verb = verb
        self.type = type
        self.text = text
        self.date = date
        self.source = source
    }
}

/// Questions asked of the stored meetings, agreements and statements.
public protocol RelationsQueries: Sendable {
    /// Meetings matching the filter, newest first (undated last).
    func meetings(_ filter: MeetingFilter) throws -> [MeetingSummary]
    /// One meeting and its sources; nil when no meeting has this id.
    func meeting(id: Int64) throws -> MeetingDetail?
    /// Agreements signed by all the given countries, oldest first.
    func agreements(_ filter: MeetingFilter) throws -> [AgreementSummary]
    /// Statements in articles about all the given countries, by speakers of those countries, oldest first.
    func statements(_ filter: MeetingFilter) throws -> [StatementSummary]
    /// The source sentences of each of these meetings, in `meeting(id:)`'s order; a meeting without
    /// sources (or unknown) has no key.
    func meetingSources(ids: [Int64]) throws -> [Int64: [SourceSentence]]
}

extension RelationsQueries {
    /// One detail query a meeting; stores with a batch query override it.
    public func meetingSources(ids: [Int64]) throws -> [Int64: [SourceSentence]] {
        var sources: [Int64: [SourceSentence]] = [:]
        for id in ids {
            if let detail = try meeting(id: id), !detail.sources.isEmpty { sources[id] = detail.sources }
        }
        return sources
    }
}
