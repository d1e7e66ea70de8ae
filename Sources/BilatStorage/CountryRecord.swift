import BilatModel
import GRDB

/// A row of `country`.
struct CountryRecord: Hashable, Sendable {
    var code: String
    var alpha3: String
    var name: String
}

extension CountryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "country"

    enum Columns {
        static let code = Column(CodingKeys.code)
        static let alpha3 = Column(CodingKeys.alpha3)
        static let name = Column(CodingKeys.name)
    }
}
