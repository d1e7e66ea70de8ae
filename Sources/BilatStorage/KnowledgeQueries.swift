import BilatModel

/// A role an official was seen with, and when: the first and last published dates of the articles.
public struct RoleSighting: Sendable, Hashable, Codable {
    public var title: String
    public var firstSeen: PartialDate?
    public var lastSeen: PartialDate?
    public var articleCount: Int

    public init(title: String, firstSeen: PartialDate?, lastSeen: PartialDate?, articleCount: Int) {
        self.title = title
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.articleCount = articleCount
    }
}

/// An official as lists show it.
public struct OfficialSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var country: String?
    public var roles: [RoleSighting]
    public var meetingCount: Int
    public var articleCount: Int

    public init(id: Int64, name: String, country: String?, roles: [RoleSighting], meetingCount: Int,
                articleCount: Int) {
        self.id = id
        self.name = name
        self.country = country
        self.roles = roles
        self.meetingCount = meetingCount
        self.articleCount = articleCount
    }
}

/// Someone an official met, and how often.
public struct Counterpart: Sendable, Hashable, Codable {
    public var name: String
    public var country: String?
    public var meetingCount: Int

    public init(name: String, country: String?, meetingCount: Int) {
        self.name = name
        self.country = country
        self.meetingCount = meetingCount
    }
}

/// One official with the meetings attended, the people met and every sentence naming them.
public struct OfficialDetail: Sendable, Hashable, Codable {
    public var official: OfficialSummary
    public var meetings: [MeetingSummary]
    public var counterparts: [Counterpart]
    public var sources: [SourceSentence]

    public init(official: OfficialSummary, meetings: [MeetingSummary], counterparts: [Counterpart],
                sources: [SourceSentence]) {
        self.official = official
        self.meetings = meetings
        self.counterparts = counterparts
        self.sources = sources
    }
}

/// How often a cooperation area comes up for a set of countries.
public struct AreaActivity: Sendable, Hashable, Codable {
    public var area: String
    /// Articles naming the area, by the year they were published (undated articles under nil).
    public var countsByYear: [Int: Int]
    public var articleCount: Int
    public var firstMention: PartialDate?
    public var lastMention: PartialDate?

    public init(area: String, countsByYear: [Int: Int], articleCount: Int, firstMention: PartialDate?,
                lastMention: PartialDate?) {
        self.area = area
        self.countsByYear = countsByYear
        self.articleCount = articleCount
        self.firstMention = firstMention
        self.lastMention = lastMention
    }
}

extension AreaActivity {
    /// The areas' activity from article counts by area and published date, most articles first.
    public static func tally(_ rows: [(area: String, published: PartialDate?, articles: Int)]) -> [AreaActivity] {
        var byArea: [String: AreaActivity] = [:]
        for (area, published, count) in rows {
            var activity = byArea[area] ?? AreaActivity(area: area, countsByYear: [:], articleCount: 0,
                                                        firstMention: nil, lastMention: nil)
            activity.articleCount += count
            activity.countsByYear[published?.year ?? 0, default: 0] += count
            if let published {
                activity.firstMention = min(activity.firstMention ?? published, published)
                activity.lastMention = max(activity.lastMention ?? published, published)
            }
            byArea[area] = activity
        }
        return byArea.values.sorted { ($0.articleCount, $1.area) > ($1.articleCount, $0.area) }
    }
}

/// A full-text query: the user's words (any text), and optional filters.
public struct SearchQuery: Sendable, Hashable {
    public var text: String
    public var countries: [String]
    public var from: PartialDate?
    public var to: PartialDate?
    public var limit: Int
    /// How many of the newest matches passing the filters are ranked (``SQLiteStore/searchCandidateLimit``).
    public var candidates: Int

    public init(text: String, countries: [String] = [], from: PartialDate? = nil, to: PartialDate? = nil,
                limit: Int = 20, candidates: Int = SQLiteStore.searchCandidateLimit) {
        self.text = text
        self.countries = countries
        self.from = from
        self.to = to
        self.limit = limit
        self.candidates = candidates
    }
}

/// One matching sentence, best first, with a snippet marking the matched words `[like this]`.
public struct SearchHit: Sendable, Hashable, Codable {
    public var snippet: String
    public var rank: Double
    /// Speakers of the statements the sentence holds.
    public var speakers: [String]
    public var source: SourceSentence

    public init(snippet: String, rank: Double, speakers: [String], source: SourceSentence) {
        self.snippet = snippet
        self.rank = rank
        self.speakers = speakers
        self.source = source
    }
}

/// A pair of countries and how many meetings they held.
public struct PairActivity: Sendable, Hashable, Codable {
    public var countries: [String]
    public var meetingCount: Int
    public var lastMeeting: PartialDate?

    public init(countries: [String], meetingCount: Int, lastMeeting: PartialDate?) {
        self.countries = countries
        self.meetingCount = meetingCount
        self.lastMeeting = lastMeeting
    }
}

/// Counts over the whole knowledge base.
public struct KnowledgeStats: Sendable, Hashable, Codable {
    public var articles: Int
    public var meetings: Int
    public var meetingReports: Int
    public var officials: Int
    public var agreements: Int
    public var organizations: Int
    public var countryPairs: Int
    public var mostActivePairs: [PairActivity]

    public init(articles: Int, meetings: Int, meetingReports: Int, officials: Int, agreements: Int,
                organizations: Int, countryPairs: Int, mostActivePairs: [PairActivity]) {
        self.articles = articles
        self.meetings = meetings
        self.meetingReports = meetingReports
        self.officials = officials
        self.agreements = agreements
        self.organizations = organizations
        self.countryPairs = countryPairs
        self.mostActivePairs = mostActivePairs
    }
}

/// Questions about people, areas, text and totals, across all articles.
public protocol KnowledgeQueries: Sendable {
    /// Officials of a country (all when nil), most meetings first.
    func officials(country: String?) throws -> [OfficialSummary]
    /// Officials whose name is `name` (case aside) or holds all its words ("Xi", "Jinping Xi").
    func officials(named name: String) throws -> [OfficialSummary]
    /// Every official's name, for suggestions.
    func officialNames() throws -> [String]
    /// One official with meetings, counterparts and sources; nil for an unknown id.
    func official(id: Int64) throws -> OfficialDetail?
    /// One agreement with its sources; nil for an unknown id.
    func agreement(id: Int64) throws -> AgreementSummary?
    /// Cooperation areas named by articles that name all the countries, most articles first.
    func areas(countries: [String]) throws -> [AreaActivity]
    /// Sentences matching the words of the query, best first.
    func search(_ query: SearchQuery) throws -> [SearchHit]
    /// Totals and the most active pairs.
    func stats(topPairs: Int) throws -> KnowledgeStats
}
