import Foundation
import BilatModel
import BilatStorage

/// What to export: one country (every pair it is part of), a pair, or everything.
public struct TimelineExportRequest: Sendable, Hashable {
    /// Countries as the user typed them; empty exports everything.
    public var countries: [String]
    public var from: PartialDate?
    public var to: PartialDate?
    /// Meetings only; an export filtered by mode, status or area leaves agreements out.
    public var mode: MeetingMode?
    public var status: MeetingStatus?
    /// A cooperation-area key (`trade`, `energy`, …).
    public var area: String?

    public init(countries: [String], from: PartialDate? = nil, to: PartialDate? = nil, mode: MeetingMode? = nil,
                status: MeetingStatus? = nil, area: String? = nil) {
        self.countries = countries
        self.from = from
        self.to = to
        self.mode = mode
        self.status = status
        self.area = area
    }
}

/// Gathers the meetings and agreements of a request from the knowledge base as export events.
public struct TimelineExport: Sendable {
    public let service: KnowledgeBase

    public init(service: KnowledgeBase) {
        self.service = service
    }

    /// The events of the request in date order (undated last), with their sources.
    public func document(for request: TimelineExportRequest, generated: Date = Date()) throws -> ExportDocument {
        let focus = try service.countries.countries(request.countries)
        let codes = focus.map(\.code)
        let filter = MeetingFilter(countries: codes, from: request.from, to: request.to, mode: request.mode,
                                   status: request.status, area: request.area)
        var events: [ExportEvent] = []
        let meetings = try service.queries.meetings(filter)
        // The list query carries no sentences; one batch query fetches them all (no query a meeting).
        let sources = try service.queries.meetingSources(ids: meetings.map(\.id))
        for meeting in meetings {
            events.append(event(meeting, sources: sources[meeting.id] ?? [], focus: codes))
        }
        if request.mode == nil, request.status == nil, request.area == nil {
            for agreement in try service.queries.agreements(filter) {
                events.append(event(agreement, focus: codes))
            }
        }
        events.sort(by: ExportEvent.chronological)
        let title = focus.isEmpty ? "All bilateral relations" : focus.map(\.name).joined(separator: "–")
            + (focus.count == 1 ? " and its partners" : "")
        return ExportDocument(title: title, generated: generated, events: events)
    }

    func event(_ m: MeetingSummary, sources: [SourceSentence], focus: [String]) -> ExportEvent {
        let countries = ordered(m.countries, focus: focus)
        return ExportEvent(
            kind: .meeting, id: m.id, date: m.date, countries: countries,
            countryNames: countries.map(service.countries.name(of:)), participants: m.participants, place: m.place,
            mode: m.mode, status: m.status, areas: m.areas, headline: service.headline(of: m, order: countries),
            sources: sources.map(Self.source))
    }

    func event(_ a: AgreementSummary, focus: [String]) -> ExportEvent {
        let countries = ordered(a.countries, focus: focus)
        let names = countries.map(service.countries.name(of:))
        let what = a.title ?? a.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        return ExportEvent(
            kind: .agreement, id: a.id, date: a.date, countries: countries, countryNames: names,
            agreementKind: a.kind, title: a.title, headline: Headline.agreement(countries: names, what: what),
            sources: a.sources.map(Self.source))
    }

    /// The countries asked about first, in the order asked, then the others alphabetically.
    func ordered(_ countries: [String], focus: [String]) -> [String] {
        focus.filter(countries.contains) + countries.filter { !focus.contains($0) }.sorted()
    }

    static func source(_ s: SourceSentence) -> ExportSource {
        ExportSource(articleID: s.articleID, title: s.title, source: s.source, url: s.url, published: s.published,
                     sentence: s.sentence)
    }
}
