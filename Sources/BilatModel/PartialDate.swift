/// How much of a date the source text gives.
public enum DatePrecision: String, Codable, Sendable, Comparable, CaseIterable {
    case year, month, day

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

/// A calendar date known to day, month or year precision, written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date; a day needs a month, and both must exist in the calendar.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// Read over the UTF-8 bytes (the reference tables hold 2,600 dates, parsed at every start): each
    /// part as `Int` reads it (an optional sign, then digits) and of its width; a byte beyond ASCII is
    /// no digit, sign or separator.
    public init?(iso: String) {
        var fields: [Int] = []
        var value = 0, width = 0, digits = 0, negative = false
        for b in iso.utf8 {
            if b == UInt8(ascii: "-"), width > 0 {
                guard digits > 0, fields.count < 2 else { return nil }
                guard width == (fields.isEmpty ? 4 : 2) else { return nil }
                fields.append(negative ? -value : value)
                (value, width, digits, negative) = (0, 0, 0, false)
                continue
            }
            width += 1
            if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                digits += 1
                value = value &* 10 &+ Int(b - UInt8(ascii: "0"))
            } else if width == 1, b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                negative = b == UInt8(ascii: "-")
            } else {
                return nil
            }
        }
        guard digits > 0, width == (fields.isEmpty ? 4 : 2) else { return nil }
        fields.append(negative ? -value : value)
        self.init(year: fields[0], month: fields.count > 1 ? fields[1] : nil, day: fields.count > 2 ? fields[2] : nil)
    }

    public var precision: DatePrecision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// ISO 8601 text at the date's own precision.
    public var iso: String {
        var s = String(format4: year)
        if let month { s += "-" + String(format2: month) }
        if let day { s += "-" + String(format2: day) }
        return s
    }

    public var description: String { iso }

    /// The same date cut to a coarser precision (never made finer).
    public func truncated(to precision: DatePrecision) -> PartialDate {
        switch min(precision, self.precision) {
        case .year: PartialDate(year: year)!
        case .month: PartialDate(year: year, month: month)!
        case .day: self
        }
    }

    /// True when the two dates can name the same day: equal at the coarser of their precisions.
    /// Compared field by field, not by cutting both dates (two validating inits a comparison, and
    /// the meeting clustering compares a report with every meeting of its year).
    public func isCompatible(with other: PartialDate) -> Bool {
        guard year == other.year else { return false }
        guard let month, let otherMonth = other.month else { return true }
        guard month == otherMonth else { return false }
        guard let day, let otherDay = other.day else { return true }
        return day == otherDay
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Day of the week of a day-precision date, 1 = Monday … 7 = Sunday.
    public var weekday: Int? {
        guard let month, let day else { return nil }
        return (daysSinceEpoch(year: year, month: month, day: day) % 7 + 7 + 3) % 7 + 1
    }

    /// Days since 1970-01-01 of a day-precision date (proleptic Gregorian calendar).
    public var dayNumber: Int? {
        guard let month, let day else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The day-precision date `dayNumber` days after 1970-01-01.
    public init?(dayNumber: Int) {
        let (y, m, d) = civilFromDays(dayNumber)
        self.init(year: y, month: m, day: d)
    }

    /// A day-precision date moved by a number of days.
    public func adding(days: Int) -> PartialDate? {
        guard let month, let day else { return nil }
        let (y, m, d) = civilFromDays(daysSinceEpoch(year: year, month: month, day: day) + days)
        return PartialDate(year: y, month: m, day: d)
    }
}

extension PartialDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = PartialDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY[-MM[-DD]] date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

// Days from 1970-01-01 (Howard Hinnant's civil calendar algorithms).
private func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

private func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}

extension String {
    init(format2 v: Int) {
        self = v < 10 ? "0\(v)" : "\(v)"
    }

    init(format4 v: Int) {
        let digits = "\(v)"
        let padding = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) : ""
        self = padding + digits
    }
}
