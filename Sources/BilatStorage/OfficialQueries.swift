import BilatModel
import GRDB

/// An official row with its counts.
struct OfficialRow: Decodable, FetchableRecord {
    var id: Int64
    var name: String
    var country: String?
    var meetingCount: Int
    var articleCount: Int

    enum CodingKeys: String, CodingKey {
        case id, name, country
        case meetingCount = "meeting_count"
        case articleCount = "article_count"
    }

    static let selection = """
        SELECT o.id, o.name, o.country,
            (SELECT count(DISTINCT meeting_id) FROM meeting_participant WHERE official_id = o.id) AS meeting_count,
            (SELECT count(*) FROM (SELECT article_key FROM official_source WHERE official_id = o.id
                                   UNION SELECT article_key FROM meeting_participant WHERE official_id = o.id))
                AS article_count
        FROM official o
        """
}

extension SQLiteStore: KnowledgeQueries {
    public func officials(country: String?) throws -> [OfficialSummary] {
        try pool.read { db in
            let rows = if let country {
                try OfficialRow.fetchAll(db, sql: OfficialRow.selection + " WHERE o.country = ?",
                                         arguments: [country.uppercased()])
            } else {
                try OfficialRow.fetchAll(db, sql: OfficialRow.selection)
            }
            return try rows.map { try Self.summary($0, db) }.sorted(by: OfficialSummary.busiestFirst)
        }
    }

    public func officials(named name: String) throws -> [OfficialSummary] {
        let words = OfficialResolver.words(name)
        guard !words.isEmpty else { return [] }
        return try pool.read { db in
            let exact = try OfficialRow.fetchAll(db, sql: OfficialRow.selection + " WHERE o.name = ? COLLATE NOCASE",
                                                 arguments: [name.trimmingCharacters(in: .whitespaces)])
            if !exact.isEmpty { return try exact.map { try Self.summary($0, db) }.sorted(by: OfficialSummary.busiestFirst) }
            // "Xi", "Jinping Xi": officials whose name holds every word the user gave.
            let wanted = Set(words)
            return try OfficialRow.fetchAll(db, sql: OfficialRow.selection)
                .filter { wanted.isSubset(of: Set(OfficialResolver.words($0.name))) }
                .map { try Self.summary($0, db) }.sorted(by: OfficialSummary.busiestFirst)
        }
    }

    public func officialNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM official ORDER BY name") }
    }

    public func official(id: Int64) throws -> OfficialDetail? {
        let meetingIDs = try pool.read { db in
            try Int64.fetchAll(db.cachedStatement(
                sql: "SELECT DISTINCT meeting_id FROM meeting_participant WHERE official_id = ?"), arguments: [id])
        }
        guard let summary = try pool.read({ db in
            try OfficialRow.fetchOne(db, sql: OfficialRow.selection + " WHERE o.id = ?", arguments: [id])
                .map { try Self.summary($0, db) }
        }) else { return nil }
        let meetings = try meetingIDs.compactMap { try meeting(id: $0)?.meeting }
            .sorted { ($0.date?.iso ?? "", $0.id) > ($1.date?.iso ?? "", $1.id) }
        return try pool.read { db in
            let counterparts = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT o.name, o.country, count(DISTINCT other.meeting_id) AS meeting_count
                FROM meeting_participant mine
                JOIN meeting_participant other ON other.meeting_id = mine.meeting_id AND other.official_id <> mine.official_id
                JOIN official o ON o.id = other.official_id
                WHERE mine.official_id = ?1 AND coalesce(o.country, '') <> coalesce((SELECT country FROM official WHERE id = ?1), '')
                GROUP BY o.id ORDER BY meeting_count DESC, o.name
                """), arguments: [id]).map {
                    Counterpart(name: $0["name"], country: $0["country"], meetingCount: $0["meeting_count"])
                }
            let sources = try SourceRow.fetchAll(db.cachedStatement(sql: """
                SELECT src.official_id AS owner_id, \(SourceRow.columns)
                FROM official_source src
                JOIN article a ON a.key = src.article_key
                LEFT JOIN sentence s ON s.id = src.sentence_id
                WHERE src.official_id = ?
                ORDER BY a.published IS NULL, a.published, a.id, s.id
                """), arguments: [id]).map { try $0.sourceSentence() }
            return OfficialDetail(official: summary, meetings: meetings, counterparts: counterparts, sources: sources)
        }
    }

    public func agreement(id: Int64) throws -> AgreementSummary? {
        try agreements(ids: [id]).first
    }

    static func summary(_ row: OfficialRow, _ db: Database) throws -> OfficialSummary {
        let roles = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT title, min(seen_on) AS first_seen, max(seen_on) AS last_seen, count(*) AS article_count
            FROM official_role WHERE official_id = ? GROUP BY title ORDER BY min(seen_on), title
            """), arguments: [row.id]).map { role in
                RoleSighting(
                    title: role["title"],
                    firstSeen: try PartialDate.stored(role["first_seen"], table: "official_role", column: "seen_on"),
                    lastSeen: try PartialDate.stored(role["last_seen"], table: "official_role", column: "seen_on"),
                    articleCount: role["article_count"])
            }
        return OfficialSummary(id: row.id, name: row.name, country: row.country, roles: roles,
                               meetingCount: row.meetingCount, articleCount: row.articleCount)
    }

}

extension OfficialSummary {
    /// The order of official lists: most meetings, then most articles, then by name and id.
    public static func busiestFirst(_ a: OfficialSummary, _ b: OfficialSummary) -> Bool {
        (-a.meetingCount, -a.articleCount, a.name, a.id) < (-b.meetingCount, -b.articleCount, b.name, b.id)
    }
}
