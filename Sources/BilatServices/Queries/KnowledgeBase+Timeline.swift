import BilatModel
import BilatStorage

extension KnowledgeBase {
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
}
