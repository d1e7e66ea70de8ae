import GRDB

/// Removes an article and every fact only it supported.
///
/// Rows that belong to the article (sentences, links, statements, role sightings) go by
/// `ON DELETE CASCADE`; shared entities (meetings, agreements, officials, organizations) are deleted
/// when no other article supports them any more.
struct ArticleRemoval {
    let db: Database

    func remove(articleID: String) throws {
        let args: StatementArguments = [articleID]
        let meetings = try Int64.fetchAll(db.cachedStatement(
            sql: "SELECT DISTINCT meeting_id FROM meeting_source WHERE article_id = ?"), arguments: args)
        let agreements = try Int64.fetchAll(db.cachedStatement(
            sql: "SELECT DISTINCT agreement_id FROM agreement_source WHERE article_id = ?"), arguments: args)
        let officials = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT official_id FROM official_source WHERE article_id = ?1
            UNION SELECT official_id FROM official_role WHERE article_id = ?1
            UNION SELECT official_id FROM meeting_participant WHERE article_id = ?1
            """), arguments: args)
        let organizations = try Int64.fetchAll(db.cachedStatement(
            sql: "SELECT DISTINCT organization_id FROM article_organization WHERE article_id = ?"), arguments: args)

        try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: args)

        for id in meetings {
            try db.cachedStatement(sql: """
                DELETE FROM meeting WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM meeting_source WHERE meeting_id = ?1)
                """).execute(arguments: [id])
        }
        for id in agreements {
            try db.cachedStatement(sql: """
                DELETE FROM agreement
                WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM agreement_source WHERE agreement_id = ?1)
                """).execute(arguments: [id])
        }
        // After meetings: a deleted meeting takes its participant rows with it.
        for id in officials {
            try db.cachedStatement(sql: """
                DELETE FROM official WHERE id = ?1
                AND NOT EXISTS (SELECT 1 FROM official_source WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM official_role WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM meeting_participant WHERE official_id = ?1)
                """).execute(arguments: [id])
        }
        for id in organizations {
            try db.cachedStatement(sql: """
                DELETE FROM organization
                WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM article_organization WHERE organization_id = ?1)
                """).execute(arguments: [id])
        }
    }
}
