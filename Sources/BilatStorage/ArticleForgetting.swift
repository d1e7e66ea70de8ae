import BilatModel
import GRDB

extension SQLiteStore: KnowledgeBaseMaintenance {
    public func findArticle(_ reference: String) throws -> ArticleMatch {
        let text = reference.trimmingCharacters(in: .whitespaces)
        return try pool.read { db in
            let exact = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, external_id, url, source, title, published FROM article WHERE id = ?1
                UNION SELECT id, external_id, url, source, title, published FROM article WHERE url = ?1
                UNION SELECT id, external_id, url, source, title, published FROM article WHERE external_id = ?1
                """), arguments: [text])
            if exact.count == 1 { return .found(try Self.articleSummary(exact[0])) }
            if exact.count > 1 { return .ambiguous(exact.map { $0["id"] as String }.sorted()) }
            let lowered = text.lowercased()
            guard lowered.count >= 8, lowered.allSatisfy(\.isHexDigit) else { return .none }
            // A range on the primary key: indexed, and no LIKE pattern built from user text.
            let prefixed = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, external_id, url, source, title, published FROM article
                WHERE id >= ?1 AND id < ?1 || 'g' ORDER BY id LIMIT 10
                """), arguments: [lowered])
            switch prefixed.count {
            case 0: return .none
            case 1: return .found(try Self.articleSummary(prefixed[0]))
            default: return .ambiguous(prefixed.map { $0["id"] as String })
            }
        }
    }

    public func forget(articleID: String) throws {
        try pool.write { db in
            try WritePath.forget(articleID: articleID, on: SQLiteWriteConnection(db: db))
        }
    }

    static func articleSummary(_ row: Row) throws -> ArticleSummary {
        ArticleSummary(id: row["id"], externalID: row["external_id"], url: row["url"], source: row["source"],
                       title: row["title"],
                       published: try PartialDate.stored(row["published"], table: "article", column: "published"))
    }
}
