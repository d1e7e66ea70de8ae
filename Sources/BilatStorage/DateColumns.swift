import BilatModel

// Dates are stored as ISO text at their own precision, next to the first day they cover.
// Filters compare that first day: `2025-10` counts as 2025-10-01, so it is inside
// `--from 2025-10-01` and inside `--to 2025-10-15`, and outside `--from 2025-10-02`.
extension PartialDate {
    /// The first calendar day the date covers, `YYYY-MM-DD`.
    var firstDayISO: String {
        PartialDate(year: year, month: month ?? 1, day: day ?? 1)!.iso
    }

    /// The last calendar day the date covers, `YYYY-MM-DD`.
    var lastDayISO: String {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))!.iso
    }

    /// Reads a stored ISO date; nil stays nil, unreadable text is an error naming the column.
    static func stored(_ text: String?, table: String, column: String) throws -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(iso: text) else {
            throw StorageError.invalidStoredValue(table: table, column: column, value: text)
        }
        return date
    }
}
