import BilatExtraction
import BilatModel
import BilatStorage

/// The stored questions the knowledge base answers: meetings, agreements and statements, people,
/// areas, search and totals (one SQLite store answers all of them).
public typealias KnowledgeQuerying = RelationsQueries & KnowledgeQueries

/// What every command asks of the knowledge base, with what the user typed (countries, people, an
/// area) resolved and checked first: the one services facade of the query commands.
public struct KnowledgeBase: Sendable {
    public let queries: any KnowledgeQuerying
    public let countries: CountryLookup
    /// The cooperation-area keys of the taxonomy, in its order.
    public let areaKeys: [String]

    public init(queries: any KnowledgeQuerying, countries: CountryLookup) {
        self.queries = queries
        self.countries = countries
        areaKeys = countries.reference.lexicon.areaTerms.map(\.key)
    }

    /// Meetings of the named countries with the optional people, area, mode, status and dates, checked
    /// as `request(...)` checks them; the `limit` newest when given.
    public func meetings(_ names: [String], people: [String] = [], area: String? = nil, from: PartialDate? = nil,
                         to: PartialDate? = nil, mode: MeetingMode? = nil,
                         status: MeetingStatus? = nil, limit: Int? = nil) throws -> [MeetingSummary] {
        try meetings(request(countries: names, from: from, to: to, mode: mode, status: status, area: area,
                             people: people), limit: limit)
    }

    /// One meeting with its sources, nil when the id is unknown.
    public func meeting(id: Int64) throws -> MeetingDetail? {
        try queries.meeting(id: id)
    }

    /// One agreement with its sources, nil when the id is unknown.
    public func agreement(id: Int64) throws -> AgreementSummary? {
        try queries.agreement(id: id)
    }

    /// Officials of a country, or all.
    public func officials(country: String?) throws -> [OfficialSummary] {
        try queries.officials(country: try country.map { try countries.country($0).code })
    }

    /// The cooperation areas of the named countries' articles.
    public func areas(_ names: [String]) throws -> [AreaActivity] {
        try queries.areas(countries: try countries.countries(names).map(\.code))
    }

    /// Ranked sentences matching any text; countries by name.
    public func search(_ text: String, countries names: [String] = [], from: PartialDate? = nil,
                       to: PartialDate? = nil, limit: Int = 20) throws -> [SearchHit] {
        let codes = try names.map { try countries.country($0).code }
        return try queries.search(SearchQuery(text: text, countries: codes, from: from, to: to, limit: limit))
    }

    /// Totals and the most active pairs.
    public func stats(topPairs: Int = 10) throws -> KnowledgeStats {
        try queries.stats(topPairs: topPairs)
    }

    /// "Xi Jinping of China met Mark Carney of Canada in Beijing".
    /// The meeting in a line, its sides in `order` (the countries asked about first), else by code.
    public func headline(of meeting: MeetingSummary, order: [String] = []) -> String {
        let codes = order.filter(meeting.countries.contains) + meeting.countries.filter { !order.contains($0) }
        return Headline.meeting(meeting, order: codes, name: countries.name(of:))
    }
}
