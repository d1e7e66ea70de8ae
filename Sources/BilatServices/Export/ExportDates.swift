import Foundation
import BilatModel

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
