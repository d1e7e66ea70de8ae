import BilatModel

/// Decides whether a reported meeting is one already stored, and how the two combine.
///
/// A stored meeting is the same meeting when it has the same set of countries, the same mode and
/// status, and a compatible date (equal at the coarser precision, so two day-precision dates must
/// be equal). Undated reports never match: nothing tells two undated meetings apart.
struct MeetingMatcher: Sendable {
    /// The stored meeting the report describes, or nil when it is a new meeting.
    /// Candidates must already share the report's countries, mode and status; among the compatible
    /// ones the most precise date wins, then the oldest meeting.
    func match(_ report: Meeting, among candidates: [MeetingRecord]) -> MeetingRecord? {
        guard let date = report.date else { return nil }
        let key = CountryKey(report.countries).text
        return candidates
            .filter { $0.countryKey == key && $0.mode == report.mode && $0.status == report.status }
            .compactMap { candidate -> (MeetingRecord, PartialDate)? in
                guard let stored = candidate.partialDate, stored.isCompatible(with: date) else { return nil }
                return (candidate, stored)
            }
            .min { lhs, rhs in
                if lhs.1.precision != rhs.1.precision { return lhs.1.precision > rhs.1.precision }
                return (lhs.0.id ?? 0) < (rhs.0.id ?? 0)
            }?.0
    }

    /// The stored meeting updated with what the report adds: a more precise date, a missing place.
    func merged(_ stored: MeetingRecord, with report: Meeting) -> MeetingRecord {
        var result = stored
        if let date = report.date, date.precision > (stored.datePrecision ?? .year) || stored.date == nil {
            result.setDate(date)
        }
        if result.place == nil, let place = report.place {
            result.place = place
        }
        return result
    }

    /// The first and last day of the window where compatible stored meetings can lie.
    func candidateWindow(for report: Meeting) -> (first: String, last: String)? {
        guard let date = report.date else { return nil }
        let year = PartialDate(year: date.year)!
        return (year.firstDayISO, year.lastDayISO)
    }
}
