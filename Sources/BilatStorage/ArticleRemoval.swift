import Foundation
import GRDB

/// Removes an article and every fact only it supported.
///
/// Rows that belong to the article (links, meeting mentions, statements, role sightings) go by
/// `ON DELETE CASCADE`, its range of sentences with their full-text rows by ``unindexSentences(key:)``;
/// shared entities (agreements, officials, organizations) are deleted
/// when no other article supports them any more. Meetings are derived from mentions: the article's
/// reports leave their groups' counts here, its undated reports' meetings go with it, and the caller
/// re-clusters the returned buckets, which drops a meeting left without groups.
struct ArticleRemoval {
    let db: Database

    /// Deletes the article; returns the meeting buckets its mentions belonged to.
    func remove(articleID: String) throws -> Set<MeetingBucket> {
        guard let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT key FROM article WHERE id = ?"),
                                           arguments: [articleID]) else { return [] }
        let args: StatementArguments = [key]
        let units = MeetingUnits(db: db)
        let grouped = try units.remove(articleKey: key)
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

        let sentences = try unindexSentences(key: key)
        try db.cachedStatement(sql: "DELETE FROM article WHERE key = ?").execute(arguments: args)
        if let sentences {
            try db.cachedStatement(sql: "DELETE FROM sentence WHERE id BETWEEN ? AND ?").execute(arguments: sentences)
        }
        try units.dropEmpty(grouped.units)
        for meeting in grouped.undatedMeetings {
            try db.cachedStatement(sql: "DELETE FROM meeting WHERE id = ?").execute(arguments: [meeting])
        }

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
        return grouped.buckets
    }

    /// Takes the article's sentences out of the full-text index, their text cut from the article's in one
    /// pass (``SentenceTexts``), and returns their range of ids, to delete once the article is gone. The
    /// triggers of schema 0008 would cut each sentence with `substr` of the whole text, quadratic in the
    /// sentences of one article (16 s to forget one of 100,000): the article's range is emptied here, so
    /// that its delete triggers find no sentence, and the sentences go after it, when their own delete
    /// trigger finds no article.
    private func unindexSentences(key: Int64) throws -> StatementArguments? {
        guard let article = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT text_zlib, first_sentence, first_sentence + sentence_count - 1, text_size FROM article
            WHERE key = ? AND sentence_count > 0
            """), arguments: [key]) else { return nil }
        let range: StatementArguments = [article[1], article[2]]
        // The range alone, as the trigger has it: the article's text names their terms.
        let spans = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, start_offset, end_offset FROM sentence WHERE id BETWEEN ? AND ? ORDER BY id
            """), arguments: range).map { (id: $0[0] as Int64, start: $0[1] as Int, end: $0[2] as Int) }
        let unindex = try db.cachedStatement(sql: "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', ?, ?)")
        try SentenceTexts.withText(article, blob: 0, size: 3) { utf8 in
            for sentence in SentenceTexts.cut(spans, in: utf8) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[sentence.bytes]), as: UTF8.self)
                try unindex.execute(arguments: [sentence.id, text])
            }
        }
        try db.cachedStatement(sql: "UPDATE article SET sentence_count = 0 WHERE key = ?").execute(arguments: [key])
        return range
    }
}
