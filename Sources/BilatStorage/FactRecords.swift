import BilatModel
import GRDB

/// A row of `meeting`: a meeting that one or more articles report.
struct MeetingRecord: Hashable, Sendable {
    var id: Int64?
    var date: String?
    var datePrecision: DatePrecision?
    var dateFirstDay: String?
    var place: String?
    var mode: MeetingMode
    var status: MeetingStatus
    var countryKey: String

    /// The stored date as a value.
    var partialDate: PartialDate? { date.flatMap(PartialDate.init(iso:)) }

    /// Sets the date with its precision and first-day columns.
    mutating func setDate(_ value: PartialDate?) {
        date = value?.iso
        datePrecision = value?.precision
        dateFirstDay = value?.firstDayISO
    }
}

extension MeetingRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "meeting"

    enum CodingKeys: String, CodingKey {
        case id, date, place, mode, status
        case datePrecision = "date_precision"
        case dateFirstDay = "date_first_day"
        case countryKey = "country_key"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let mode = Column(CodingKeys.mode)
        static let status = Column(CodingKeys.status)
        static let dateFirstDay = Column(CodingKeys.dateFirstDay)
        static let countryKey = Column(CodingKeys.countryKey)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Reads `id, date, date_precision, date_first_day, place, mode, status, country_key` by position:
    /// the Codable decoding looks each column up by name (a bucket's meetings, at every re-clustering).
    init(positional row: SQLRow) throws {
        id = row.optionalInt(0)
        date = row.optionalText(1)
        let precision = row.optionalText(2)
        datePrecision = try precision.map {
            try DatePrecision(rawValue: $0).orThrow(table: "meeting", column: "date_precision", $0)
        }
        dateFirstDay = row.optionalText(3)
        place = row.optionalText(4)
        let mode = try row.text(5)
        self.mode = try MeetingMode(rawValue: mode).orThrow(table: "meeting", column: "mode", mode)
        let status = try row.text(6)
        self.status = try MeetingStatus(rawValue: status).orThrow(table: "meeting", column: "status", status)
        countryKey = try row.text(7)
    }
}

/// A row of `agreement`.
struct AgreementRecord: Hashable, Sendable {
    var id: Int64?
    var kind: AgreementKind
    var date: String?
    var datePrecision: DatePrecision?
    var dateFirstDay: String?
    var title: String?
    var countryKey: String

    init(_ agreement: Agreement) {
        id = nil
        kind = agreement.kind
        date = agreement.date?.iso
        datePrecision = agreement.date?.precision
        dateFirstDay = agreement.date?.firstDayISO
        title = agreement.title
        countryKey = CountryKey(agreement.countries).text
    }
}

extension AgreementRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "agreement"

    enum CodingKeys: String, CodingKey {
        case id, kind, date, title
        case datePrecision = "date_precision"
        case dateFirstDay = "date_first_day"
        case countryKey = "country_key"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let date = Column(CodingKeys.date)
        static let title = Column(CodingKeys.title)
        static let countryKey = Column(CodingKeys.countryKey)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The sorted, distinct alpha-2 codes of a fact's sides, as `meeting.country_key` stores them ("CN,US").
struct CountryKey: Hashable, Sendable {
    var codes: [String]

    init(_ countries: [String]) {
        codes = Set(countries.map { $0.uppercased() }).sorted()
    }

    var text: String { codes.joined(separator: ",") }
}
