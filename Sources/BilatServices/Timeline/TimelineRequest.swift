import BilatModel
import BilatStorage

/// What `bilat meetings`, `bilat timeline` and `bilat export timeline` ask, checked once: the countries
/// resolved and distinct, the dates in order, the area a key of the taxonomy, the people known, the
/// kinds of event consistent with the filters. Only `KnowledgeBase.request(...)` makes one, so a
/// request in hand is a valid one.
public struct TimelineRequest: Sendable, Hashable {
    /// The countries asked about, in the order asked; none: every country.
    public let countries: [Country]
    public let from: PartialDate?
    public let to: PartialDate?
    /// Meetings of this mode only.
    public let mode: MeetingMode?
    /// Held or planned meetings only.
    public let status: MeetingStatus?
    /// Meetings whose sentences name this cooperation area (a key of the taxonomy).
    public let area: String?
    /// Canonical names of officials who all took part in the meeting.
    public internal(set) var participants: [String]
    /// The kinds of event the timeline holds; never empty.
    public let kinds: Set<TimelineEvent.Kind>

    /// Alpha-2 codes of `countries`.
    public var codes: [String] { countries.map(\.code) }

    /// The names of the filters that describe meetings (mode, status, area, people) given here: they
    /// select meetings, so a timeline filtered by one holds meetings alone.
    public var meetingFilters: [String] {
        Self.meetingFilters(mode: mode, status: status, area: area, participants: participants)
    }

    static func meetingFilters(mode: MeetingMode?, status: MeetingStatus?, area: String?,
                               participants: [String]) -> [String] {
        [mode.map { _ in "--mode" }, status.map { _ in "--status" }, area.map { _ in "--area" },
         participants.isEmpty ? nil : "--with"].compactMap { $0 }
    }

    /// "China–Canada", "China and its partners", "All bilateral relations".
    public var title: String {
        countries.isEmpty ? "All bilateral relations"
            : countries.map(\.name).joined(separator: "–") + (countries.count == 1 ? " and its partners" : "")
    }

    /// The storage filter of the request, the `limit` newest meetings when given.
    func filter(limit: Int? = nil) -> MeetingFilter {
        MeetingFilter(countries: codes, from: from, to: to, mode: mode, status: status, limit: limit,
                      participants: participants, area: area)
    }

    init(countries: [Country], from: PartialDate? = nil, to: PartialDate? = nil, mode: MeetingMode? = nil,
         status: MeetingStatus? = nil, area: String? = nil, participants: [String] = [],
         kinds: Set<TimelineEvent.Kind>? = nil) throws {
        if let from, let to, from > to, !from.isCompatible(with: to) {
            throw TimelineRequestError.emptyRange(from: from, to: to)
        }
        let filters = Self.meetingFilters(mode: mode, status: status, area: area, participants: participants)
        switch kinds {
        case nil:
            self.kinds = filters.isEmpty ? Set(TimelineEvent.Kind.allCases) : [.meeting]
        case let kinds? where kinds.isEmpty:
            throw TimelineRequestError.noKind
        case let kinds?:
            let excluded = kinds.subtracting([.meeting])
            if !filters.isEmpty, !excluded.isEmpty {
                throw TimelineRequestError.meetingFilters(filters, excluding: excluded.sorted())
            }
            self.kinds = kinds
        }
        self.countries = countries
        self.from = from
        self.to = to
        self.mode = mode
        self.status = status
        self.area = area
        self.participants = participants
    }
}

/// A request that cannot hold any event as asked: a usage error.
public enum TimelineRequestError: Error, CustomStringConvertible, Equatable {
    case emptyRange(from: PartialDate, to: PartialDate)
    case noKind
    case meetingFilters([String], excluding: [TimelineEvent.Kind])

    public var description: String {
        switch self {
        case let .emptyRange(from, to):
            "--from \(from.iso) is after --to \(to.iso): the range holds no date"
        case .noKind:
            "name at least one kind of event: meeting, agreement or statement"
        case let .meetingFilters(filters, excluding):
            "\(filters.joined(separator: ", ")) select\(filters.count == 1 ? "s" : "") meetings only; "
                + "--kind \(excluding.map(\.rawValue).joined(separator: ",")) asks for events "
                + "\(filters.count == 1 ? "it does" : "they do") not describe (drop one or the other)"
        }
    }
}
