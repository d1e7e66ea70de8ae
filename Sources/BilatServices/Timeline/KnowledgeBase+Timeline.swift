import Foundation
import BilatModel
import BilatStorage

extension KnowledgeBase {
    /// The request for what the user typed, checked: countries by name, alias, demonym or code (each
    /// once), `from` not after `to`, the area a key of the taxonomy, each person a known official, and
    /// `kinds` (nil: every kind, or meetings alone when a meeting filter is given) that the filters can hold.
    public func request(countries names: [String], from: PartialDate? = nil, to: PartialDate? = nil,
                        mode: MeetingMode? = nil, status: MeetingStatus? = nil, area: String? = nil,
                        people: [String] = [], kinds: Set<TimelineEvent.Kind>? = nil) throws -> TimelineRequest {
        let countries = try self.countries.countries(names)
        let key = try area.map(areaKey)
        var request = try TimelineRequest(countries: countries, from: from, to: to, mode: mode, status: status,
                                          area: key, participants: people, kinds: kinds)
        // The people last, once the usage errors are ruled out: they are looked up in the knowledge base.
        request.participants = try people.map(officialName)
        return request
    }

    /// The meetings of a request, newest first (undated last); the `limit` newest when given.
    public func meetings(_ request: TimelineRequest, limit: Int? = nil) throws -> [MeetingSummary] {
        try queries.meetings(request.filter(limit: limit))
    }

    /// The events of a request in date order (undated last), each with its sources: one query a kind
    /// and one for every meeting's sentences, never one an event.
    public func timeline(_ request: TimelineRequest, generated: Date = Date()) throws -> TimelineDocument {
        let focus = request.codes
        let filter = request.filter()
        var events: [TimelineEvent] = []
        if request.kinds.contains(.meeting) {
            let meetings = try queries.meetings(filter)
            let sources = try queries.meetingSources(ids: meetings.map(\.id))
            events += meetings.map { event($0, sources: sources[$0.id] ?? [], focus: focus) }
        }
        if request.kinds.contains(.agreement) {
            events += try queries.agreements(filter).map { event($0, focus: focus) }
        }
        if request.kinds.contains(.statement) {
            events += try queries.statements(filter).compactMap { event($0, focus: focus) }
        }
        events.sort(by: TimelineEvent.chronological)
        return TimelineDocument(title: request.title, generated: generated, events: events)
    }

    func event(_ m: MeetingSummary, sources: [SourceSentence], focus: [String]) -> TimelineEvent {
        let codes = ordered(m.countries, focus: focus)
        return TimelineEvent(
            kind: .meeting, id: m.id, date: m.date, countries: codes, countryNames: codes.map(countries.name(of:)),
            participants: m.participants, place: m.place, mode: m.mode, status: m.status, areas: m.areas,
            headline: headline(of: m, order: codes), sources: sources.map(Self.source))
    }

    func event(_ a: AgreementSummary, focus: [String]) -> TimelineEvent {
        let codes = ordered(a.countries, focus: focus)
        let names = codes.map(countries.name(of:))
        let what = a.title ?? a.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        return TimelineEvent(
            kind: .agreement, id: a.id, date: a.date, countries: codes, countryNames: names,
            agreementKind: a.kind, title: a.title, headline: Headline.agreement(countries: names, what: what),
            sources: a.sources.map(Self.source))
    }

    /// A statement belongs to the relations of the countries asked about (its article names them all,
    /// its speaker serves one of them); asked about none, to its speaker's country. A speaker of no
    /// known country belongs to no country's relations.
    func event(_ s: StatementSummary, focus: [String]) -> TimelineEvent? {
        guard let country = s.country else { return nil }
        let codes = focus.contains(country) ? focus : [country] + focus
        return TimelineEvent(
            kind: .statement, id: s.id, date: s.date, countries: codes, countryNames: codes.map(countries.name(of:)),
            participants: [s.speaker], headline: "\(s.speaker) \(s.verb): \(s.text)", sources: [Self.source(s.source)])
    }

    /// The countries asked about first, in the order asked, then the others alphabetically.
    func ordered(_ codes: [String], focus: [String]) -> [String] {
        focus.filter(codes.contains) + codes.filter { !focus.contains($0) }.sorted()
    }

    static func source(_ s: SourceSentence) -> TimelineSource {
        TimelineSource(articleID: s.articleID, title: s.title, source: s.source, url: s.url, published: s.published,
                       sentence: s.sentence)
    }
}
