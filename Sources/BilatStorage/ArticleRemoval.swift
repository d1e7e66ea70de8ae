import GRDB

/// Removes an article and every fact only it supported.
///
/// Rows that belong to the article (links, meeting mentions, statements, role sightings) go by
/// `ON DELETE CASCADE`, its range of sentences by a trigger (with their full-text rows); shared entities (agreements, officials, organizations) are deleted
/// when no other article supports them any more. Meetings are derived from mentions: the caller
/// re-clusters the returned buckets, which drops a meeting left without mentions.
struct ArticleRemoval {
    let db: Database

    /// Deletes the article; returns the meeting buckets its mentions belonged to.
    func remove(articleID: String) throws -> Set<MeetingBucket> {
        guard let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT key FROM article WHERE id = ?"),
                                           arguments: [articleID]) else { return [] }
        let args: StatementArguments = [key]
        let buckets = try MeetingBucket.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT country_key, mode, bucket_year FROM meeting_mention WHERE article_key = ?
            """), arguments: args)
        let agreements = try Int64.fetchAll(db.cachedStatement(
            sql: "SELECT DISTINCT agreement_id FROM agreement_source WHERE article_key = ?"), arguments: args)
        let officials = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT official_id FROM official_source WHERE article_key = ?1
            UNION SELECT official_id FROM official_role WHERE article_key = ?1
            UNION SELECT p.official_id FROM meeting_mention_participant p
                JOIN meeting_mention mm ON mm.id = p.mention_id WHERE mm.article_key = ?1
            """), arguments: args)
        let organizations = try Int64.fetchAll(db.cachedStatement(
            sql: "SELECT DISTINCT organization_id FROM article_organization WHERE article_key = ?"), arguments: args)

        try db.cachedStatement(sql: "DELETE FROM article WHERE key = ?").execute(arguments: args)

        for id in agreements {
            try db.cachedStatement(sql: """
                DELETE FROM agreement
                WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM agreement_source WHERE agreement_id = ?1)
                """).execute(arguments: [id])
        }
        for id in officials {
            try db.cachedStatement(sql: """
                DELETE FROM official WHERE id = ?1
                AND NOT EXISTS (SELECT 1 FROM official_source WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM official_role WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM meeting_mention_participant WHERE official_id = ?1)
                """).execute(arguments: [id])
        }
        for id in organizations {
            try db.cachedStatement(sql: """
                DELETE FROM organization
                WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM article_organization WHERE organization_id = ?1)
                """).execute(arguments: [id])
        }
        return Set(buckets)
    }
}
