import BilatModel
import GRDB

/// A row of `article`.
struct ArticleRecord: Hashable, Sendable {
    var id: String
    var externalID: String?
    var url: String?
    var source: String?
    var title: String?
    var published: String?
    var ingestedAt: String
    var bodyStart: Int
    var datelineCity: String?
    var text: String
}

extension ArticleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "article"

    enum CodingKeys: String, CodingKey {
        case id, url, source, title, published, text
        case externalID = "external_id"
        case ingestedAt = "ingested_at"
        case bodyStart = "body_start"
        case datelineCity = "dateline_city"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let externalID = Column(CodingKeys.externalID)
        static let url = Column(CodingKeys.url)
    }

    init(_ article: Article, published: PartialDate?, ingestedAt: String) {
        self.init(id: article.id, externalID: article.externalID, url: article.url, source: article.source,
                  title: article.title, published: published?.iso, ingestedAt: ingestedAt,
                  bodyStart: article.bodyStart, datelineCity: article.datelineCity, text: article.text)
    }
}

/// A row of `sentence`.
struct SentenceRecord: Hashable, Sendable {
    var id: Int64?
    var articleID: String
    var position: Int
    var startOffset: Int
    var endOffset: Int
    var text: String
}

extension SentenceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "sentence"

    enum CodingKeys: String, CodingKey {
        case id, position, text
        case articleID = "article_id"
        case startOffset = "start_offset"
        case endOffset = "end_offset"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleID = Column(CodingKeys.articleID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

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

/// A row of `statement`.
struct StatementRecord: Hashable, Sendable {
    var id: Int64?
    var articleID: String
    var sentenceID: Int64?
    var speaker: String
    var country: String?
    var verb: String
    var type: StatementType
    var text: String
    var startOffset: Int
    var endOffset: Int
}

extension StatementRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "statement"

    enum CodingKeys: String, CodingKey {
        case id, speaker, country, verb, type, text
        case articleID = "article_id"
        case sentenceID = "sentence_id"
        case startOffset = "start_offset"
        case endOffset = "end_offset"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleID = Column(CodingKeys.articleID)
        static let country = Column(CodingKeys.country)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
