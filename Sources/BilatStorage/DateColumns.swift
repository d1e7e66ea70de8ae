import BilatModel

// Dates are stored as ISO text at their own precision, next to the first day they cover.
// Filters compare that first day: `2025-10` counts as 2025-10-01, so it is inside
// `--from 2025-10-01` and inside `--to 2025-10-15`, and outside `--from 2025-10-02`.
extension PartialDate {
    /// The first calendar day the date covers, `YYYY-MM-DD`.
    public var firstDayISO: String {
        PartialDate(year: year, month: month ?? 1, day: day ?? 1)!.iso
    }

    /// The last calendar day the date covers, `YYYY-MM-DD`.
    public var lastDayISO: String {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))!.iso
    }

    /// Reads a stored ISO date; nil stays nil, unreadable text is an error naming the column.
    static func stored(_ text: String?, table: String, column: String) throws -> PartialDate? {
        guard let text else { return nil }
        if let date = storedDigits(text) { return date }
        guard let date = PartialDate(iso: text) else {
            throw StorageError.invalidStoredValue(table: table, column: column, value: text)
        }
        return date
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, read from the UTF-8 bytes: what bilat stores,
    /// read for every row of a listing or an export (splitting the text was 10 % of an export). Anything
    /// else is nil, and `init(iso:)` decides.
    private static func storedDigits(_ text: String) -> PartialDate? {
        var text = text
        return text.withUTF8 { bytes -> PartialDate? in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<start + count] {
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0, 4) else { return nil }
            if bytes.count == 4 { return PartialDate(year: year) }
            guard bytes[4] == 0x2D, let month = number(5, 2) else { return nil }
            if bytes.count == 7 { return PartialDate(year: year, month: month) }
            guard bytes[7] == 0x2D, let day = number(8, 2) else { return nil }
            return PartialDate(year: year, month: month, day: day)
        }
    }
}
