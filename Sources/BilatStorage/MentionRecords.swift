import BilatModel
import GRDB

/// A row of `meeting_mention`: one article's report of a meeting, as read.
struct MeetingMentionRecord: Hashable, Sendable {
    var id: Int64?
    /// The article's integer key (`article.key`).
    var articleKey: Int64
    var position: Int
    var date: String?
    var datePrecision: DatePrecision?
    var dateFirstDay: String?
    var bucketYear: Int?
    var countryKey: String
    var mode: MeetingMode
    var status: MeetingStatus
    var place: String?
    var meetingID: Int64?

    init(articleKey: Int64, position: Int, report: Meeting) {
        id = nil
        self.articleKey = articleKey
        self.position = position
        date = report.date?.iso
        datePrecision = report.date?.precision
        dateFirstDay = report.date?.firstDayISO
        bucketYear = report.date?.year
        countryKey = CountryKey(report.countries).text
        mode = report.mode
        status = report.status
        place = report.place
        meetingID = nil
    }

    /// The clustering bucket the mention belongs to.
    var bucket: MeetingBucket { MeetingBucket(countryKey: countryKey, mode: mode, year: bucketYear) }
}

extension MeetingMentionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "meeting_mention"

    enum CodingKeys: String, CodingKey {
        case id, position, date, mode, status, place
        case articleKey = "article_key"
        case datePrecision = "date_precision"
        case dateFirstDay = "date_first_day"
        case bucketYear = "bucket_year"
        case countryKey = "country_key"
        case meetingID = "meeting_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleKey = Column(CodingKeys.articleKey)
        static let meetingID = Column(CodingKeys.meetingID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The mentions that can report one meeting: same sides, same mode, same year (or all undated ones).
public struct MeetingBucket: Hashable, Sendable, Comparable {
    public var countryKey: String
    public var mode: MeetingMode
    public var year: Int?

    public static func < (a: MeetingBucket, b: MeetingBucket) -> Bool {
        (a.countryKey, a.mode.rawValue, a.year ?? 0) < (b.countryKey, b.mode.rawValue, b.year ?? 0)
    }
}

extension MeetingBucket: FetchableRecord {
    public init(row: Row) throws {
        countryKey = row["country_key"]
        let mode: String = row["mode"]
        self.mode = try MeetingMode(rawValue: mode).orThrow(table: "meeting_mention", column: "mode", mode)
        year = row["bucket_year"]
    }

    /// `country_key, mode, bucket_year`, by position.
    init(_ row: SQLRow) throws {
        countryKey = try row.text(0)
        let mode = try row.text(1)
        self.mode = try MeetingMode(rawValue: mode).orThrow(table: "meeting_mention", column: "mode", mode)
        year = row.optionalInt(2).map(Int.init)
    }
}
