import Foundation

/// Removes an article and every fact only it supported.
///
/// Rows that belong to the article (links, statements, role sightings) go by `ON DELETE CASCADE`; its
/// meeting reports and the meeting and agreement rows it supports, by statements of their own; its range
/// of sentences with their full-text rows, by ``WriteConnection/unindexSentences(articleKey:)``;
/// shared entities (agreements, officials, organizations) are deleted
/// when no other article supports them any more. Meetings are derived from mentions: the article's
/// reports leave their groups' counts here, its undated reports' meetings go with it, and the caller
/// re-clusters the returned buckets, which drops a meeting left without groups.
struct ArticleRemoval {
    let db: any WriteConnection

    /// Deletes the article; returns the meeting buckets its mentions belonged to.
    func remove(articleID: String) throws -> Set<MeetingBucket> {
        guard let key = try db.integer("SELECT key FROM article WHERE id = ?", articleID) else { return [] }
        let units = MeetingUnits(db: db)
        let grouped = try units.remove(articleKey: key)
        let agreements = try db.rows("SELECT DISTINCT agreement_id, country_key FROM agreement_source WHERE article_key = ?", key)
        let officials = try db.integers("""
            SELECT official_id FROM official_source WHERE article_key = ?1
            UNION SELECT official_id FROM official_role WHERE article_key = ?1
            UNION SELECT p.official_id FROM meeting_mention_participant p
                JOIN meeting_mention mm ON mm.id = p.mention_id AND mm.country_key = p.country_key
                WHERE mm.article_key = ?1
            """, key)
        let organizations = try db.integers(
            "SELECT DISTINCT organization_id FROM article_organization WHERE article_key = ?", key)

        let sentences = try db.unindexSentences(articleKey: key)
        // The pair's rows that name the article: deleted here, not by a cascade from article (a
        // PostgreSQL knowledge base spread by pair keeps no foreign key between the two groups).
        for table in ["meeting_participant", "meeting_area", "meeting_source", "agreement_source", "meeting_mention"] {
            try db.execute("DELETE FROM \(table) WHERE article_key = ?", key)
        }
        try db.deleteArticle(key: key)
        if let sentences {
            try db.execute("DELETE FROM sentence WHERE id BETWEEN ? AND ?", sentences.lowerBound, sentences.upperBound)
        }
        try units.dropEmpty(grouped.units)
        for meeting in grouped.undatedMeetings {
            try MeetingConsolidation.deleteMeeting(meeting.id, countryKey: meeting.countryKey, on: db)
        }

        for row in agreements {
            try db.execute("""
                DELETE FROM agreement WHERE id = ?1 AND country_key = ?2
                AND NOT EXISTS (SELECT 1 FROM agreement_source WHERE agreement_id = ?1 AND country_key = ?2)
                """, try row.int(0), try row.text(1))
        }
        for id in officials {
            try db.execute("""
                DELETE FROM official WHERE id = ?1
                AND NOT EXISTS (SELECT 1 FROM official_source WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM official_role WHERE official_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM meeting_mention_participant WHERE official_id = ?1)
                """, id)
        }
        for id in organizations {
            try db.execute("""
                DELETE FROM organization
                WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM article_organization WHERE organization_id = ?1)
                """, id)
        }
        return grouped.buckets
    }
}
