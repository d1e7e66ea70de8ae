import BilatModel

/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian), with the arithmetic the
/// generator needs: weekdays, months before and after, and the spellings news uses.
struct CivilDay: Hashable, Comparable, Sendable {
    let number: Int

    init(number: Int) {
        self.number = number
    }

    /// The day of a year, month (1–12) and day.
    init(year: Int, month: Int, day: Int) {
        number = PartialDate(year: year, month: month, day: day)?.dayNumber ?? 0
    }

    var parts: (year: Int, month: Int, day: Int) {
        let date = PartialDate(dayNumber: number)
        return (date?.year ?? 1970, date?.month ?? 1, date?.day ?? 1)
    }

    var year: Int { parts.year }
    var month: Int { parts.month }
    var day: Int { parts.day }

    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int { ((number % 7) + 11) % 7 }

    static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }

    func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }

    /// The first day of the month `months` after this one's (negative: before).
    func monthStart(offset months: Int) -> CivilDay {
        let index = year * 12 + (month - 1) + months
        return CivilDay(year: index / 12, month: index % 12 + 1, day: 1)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let wireMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
                             "Nov.", "Dec."]
    static let shortMonths = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    var monthName: String { Self.monthNames[month - 1] }
    var weekdayName: String { Self.weekdayNames[weekday] }

    /// 2025-03-14.
    var iso: String {
        let p = parts
        return "\(p.year)-\(p.month < 10 ? "0" : "")\(p.month)-\(p.day < 10 ? "0" : "")\(p.day)"
    }

    /// "March 14, 2025".
    var american: String { "\(monthName) \(day), \(year)" }

    /// "14 March 2025".
    var british: String { "\(day) \(monthName) \(year)" }
}
