import BilatExtraction
import BilatModel
import BilatStorage

/// What the commands ask of the knowledge base: countries resolved from user text, then queries.
public struct RelationsService: Sendable {
    public let queries: any RelationsQueries
    public let countries: CountryLookup

    public init(queries: any RelationsQueries, countries: CountryLookup) {
        self.queries = queries
        self.countries = countries
    }

    /// Meetings of one country, or of a pair in either order, newest first.
    public func meetings(_ names: [String], from: PartialDate? = nil, to: PartialDate? = nil,
                        mode: MeetingMode? = nil, status: MeetingStatus? = nil, limit: Int? = nil) throws -> [MeetingSummary] {
        let codes = try countries.countries(names).map(\.code)
        return try queries.meetings(MeetingFilter(countries: codes, from: from, to: to, mode: mode, status: status, limit: limit))
    }

    /// One meeting with its sources, nil when the id is unknown.
    public func meeting(id: Int64) throws -> MeetingDetail? {
        try queries.meeting(id: id)
    }

    /// A pair's history in date order: meetings, agreements and statements.
    public func timeline(_ a: String, _ b: String, from: PartialDate? = nil,
                         to: PartialDate? = nil) throws -> [TimelineEntry] {
        let pair = try countries.countries([a, b]).map(\.code)
        let filter = MeetingFilter(countries: pair, from: from, to: to)
        var entries: [TimelineEntry] = []
        for meeting in try queries.meetings(filter) {
            entries.append(TimelineEntry(
                kind: .meeting, id: meeting.id, date: meeting.date, headline: headline(of: meeting, order: pair),
                countries: meeting.countries, place: meeting.place, sourceCount: meeting.sourceCount, sourceURLs: []))
        }
        for agreement in try queries.agreements(filter) {
            let codes = pair.filter(agreement.countries.contains) + agreement.countries.filter { !pair.contains($0) }
            let what = agreement.title ?? agreement.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            entries.append(TimelineEntry(
                kind: .agreement, id: agreement.id, date: agreement.date,
                headline: Headline.agreement(countries: codes.map(countries.name(of:)), what: what),
                countries: agreement.countries, place: nil, sourceCount: Set(agreement.sources.map(\.articleID)).count,
                sourceURLs: agreement.sources.compactMap(\.url)))
        }
        for statement in try queries.statements(filter) {
            entries.append(TimelineEntry(
                kind: .statement, id: statement.id, date: statement.date,
                headline: "\(statement.speaker) \(statement.verb): \(statement.text)",
                countries: statement.country.map { [$0] } ?? [], place: nil, sourceCount: 1,
                sourceURLs: statement.source.url.map { [$0] } ?? []))
        }
        return entries.sorted(by: TimelineEntry.chronological)
    }

    /// "Xi Jinping and Mark Carney met in Beijing (in person)".
    /// The meeting in a line, its sides in `order` (the countries asked about first), else by code.
    public func headline(of meeting: MeetingSummary, order: [String] = []) -> String {
        let codes = order.filter(meeting.countries.contains) + meeting.countries.filter { !order.contains($0) }
        return Headline.meeting(meeting, order: codes, name: countries.name(of:))
    }
}

import Foundation
