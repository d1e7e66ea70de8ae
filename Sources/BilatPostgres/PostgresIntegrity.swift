import BilatStorage
import Foundation

/// The knowledge base's own rules (those of SQLite's `IntegrityRules`, each named the same), in
/// PostgreSQL's dialect: each query returns one text per offending row. Foreign keys, unique keys and
/// CHECKs need no rule here: PostgreSQL enforces them on every write. What replaces FTS5's index check:
/// every sentence's search words are what its text gives (`sentence-words`).
enum PostgresIntegrityRules {
    static func dateConsistent(_ table: String) -> String {
        """
        SELECT '\(table) ' || id || ': date ' || quote_nullable(date) || ' (' || quote_nullable(date_precision)
            || ', first day ' || quote_nullable(date_first_day) || ')'
        FROM \(table) WHERE date IS NOT NULL AND NOT coalesce(CASE date_precision
            WHEN 'year' THEN length(date) = 4 AND date_first_day = date || '-01-01'
            WHEN 'month' THEN length(date) = 7 AND date_first_day = date || '-01'
            WHEN 'day' THEN length(date) = 10 AND date_first_day = date END, false)
        """
    }

    static let linkSentences: String = [
        ("official_source", "official_id", "x.article_key"), ("meeting_source", "meeting_id", "x.article_key"),
        ("meeting_mention_source", "mention_id", "(SELECT article_key FROM meeting_mention WHERE id = x.mention_id)"),
        ("article_area", "area", "x.article_key"), ("article_organization", "organization_id", "x.article_key"),
        ("agreement_source", "agreement_id", "x.article_key"),
    ].map { table, owner, article in
        """
        SELECT '\(table) ' || x.\(owner) || ': sentence ' || x.sentence_id || ' not in its article' FROM \(table) x
        WHERE x.sentence_id <> 0 AND NOT EXISTS (
            SELECT 1 FROM sentence s WHERE s.id = x.sentence_id AND s.article_key = \(article))
        """
    }.joined(separator: "\nUNION ALL\n")

    static func counted(_ what: String, stored: String, recount: String) -> String {
        """
        WITH r(a, b, n) AS (\(recount)), s(a, b, n) AS (\(stored))
        SELECT '\(what) ' || x.a || ' ' || x.b || ': ' || x.n || ' ' || x.side FROM (
            SELECT *, 'counted from its reports, not stored' AS side FROM (SELECT * FROM r EXCEPT SELECT * FROM s) d
            UNION ALL
            SELECT *, 'stored, not counted from its reports' FROM (SELECT * FROM s EXCEPT SELECT * FROM r) e) AS x
        """
    }

    static let all: [(check: String, sql: String)] = [
        ("group-counts", counted("group", stored: "SELECT id, held, articles FROM meeting_unit", recount: """
            SELECT unit_id, count(DISTINCT CASE WHEN status = 'held' THEN article_key END), count(DISTINCT article_key)
            FROM meeting_mention WHERE unit_id IS NOT NULL GROUP BY unit_id
            """)),
        ("group-places", counted("group place", stored: "SELECT unit_id, place, articles FROM meeting_unit_place", recount: """
            SELECT unit_id, place, count(DISTINCT article_key) FROM meeting_mention
            WHERE unit_id IS NOT NULL AND place IS NOT NULL GROUP BY unit_id, place
            """)),
        ("group-participants", counted("group participant",
                                       stored: "SELECT unit_id, official_id, articles FROM meeting_unit_participant", recount: """
            SELECT mm.unit_id, p.official_id, count(DISTINCT mm.article_key)
            FROM meeting_mention mm JOIN meeting_mention_participant p ON p.mention_id = mm.id
            WHERE mm.unit_id IS NOT NULL GROUP BY mm.unit_id, p.official_id
            """)),
        ("group-links", counted("group link", stored: "SELECT unit_id, other_id, articles FROM meeting_unit_link", recount: """
            SELECT a.unit_id, b.unit_id, count(DISTINCT a.article_key)
            FROM meeting_mention a JOIN meeting_mention b ON b.article_key = a.article_key AND b.unit_id <> a.unit_id
                AND b.country_key = a.country_key AND b.mode = a.mode AND b.bucket_year = a.bucket_year
            WHERE a.unit_id IS NOT NULL GROUP BY a.unit_id, b.unit_id
            """)),
        ("mention-group", """
            SELECT 'mention ' || mm.id || ': ' || CASE WHEN u.id IS NULL THEN 'dated, in no group'
                ELSE 'in group ' || u.id || ' of another key or meeting' END
            FROM meeting_mention mm LEFT JOIN meeting_unit u ON u.id = mm.unit_id
            WHERE (mm.date IS NULL) <> (mm.unit_id IS NULL)
               OR (mm.unit_id IS NOT NULL AND (u.id IS NULL OR u.country_key IS DISTINCT FROM mm.country_key
                   OR u.mode IS DISTINCT FROM mm.mode OR u.date IS DISTINCT FROM mm.date
                   OR u.meeting_id IS DISTINCT FROM mm.meeting_id))
            """),
        ("meeting-without-source", """
            SELECT 'meeting ' || id FROM meeting m WHERE NOT EXISTS (SELECT 1 FROM meeting_source WHERE meeting_id = m.id)
            """),
        ("meeting-without-mention", """
            SELECT 'meeting ' || id FROM meeting m WHERE NOT EXISTS (SELECT 1 FROM meeting_mention WHERE meeting_id = m.id)
            """),
        ("meeting-with-fewer-than-two-countries", """
            SELECT 'meeting ' || id || ' has ' || (SELECT count(*) FROM meeting_country WHERE meeting_id = m.id)
            FROM meeting m WHERE (SELECT count(*) FROM meeting_country WHERE meeting_id = m.id) < 2
            """),
        ("meeting-countries-differ-from-key", """
            SELECT 'meeting ' || id || ' key ' || country_key FROM meeting m
            WHERE country_key IS DISTINCT FROM (SELECT string_agg(country, ',' ORDER BY country COLLATE "C")
                                                FROM meeting_country WHERE meeting_id = m.id)
            """),
        ("mention-without-meeting", """
            SELECT 'mention ' || mm.id || ' of article ' || a.id FROM meeting_mention mm
            JOIN article a ON a.key = mm.article_key WHERE mm.meeting_id IS NULL
            """),
        ("mention-in-other-bucket", """
            SELECT 'mention ' || mm.id || ' in meeting ' || m.id FROM meeting_mention mm
            JOIN meeting m ON m.id = mm.meeting_id
            WHERE m.country_key IS DISTINCT FROM mm.country_key OR m.mode IS DISTINCT FROM mm.mode
               OR mm.bucket_year IS DISTINCT FROM CAST(substr(mm.date, 1, 4) AS BIGINT)
               OR (mm.date IS NULL) IS DISTINCT FROM (m.date IS NULL)
            """),
        ("official-without-support", """
            SELECT 'official ' || id || ' ' || name FROM official o
            WHERE NOT EXISTS (SELECT 1 FROM official_source WHERE official_id = o.id)
              AND NOT EXISTS (SELECT 1 FROM official_role WHERE official_id = o.id)
              AND NOT EXISTS (SELECT 1 FROM meeting_mention_participant WHERE official_id = o.id)
            """),
        ("organization-without-article", """
            SELECT 'organization ' || id || ' ' || name FROM organization g
            WHERE NOT EXISTS (SELECT 1 FROM article_organization WHERE organization_id = g.id)
            """),
        ("agreement-without-source", """
            SELECT 'agreement ' || id FROM agreement g WHERE NOT EXISTS (SELECT 1 FROM agreement_source WHERE agreement_id = g.id)
            """),
        ("sentence-offsets", """
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': offsets ' || s.start_offset || '..'
                || s.end_offset || ' outside its text' FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.start_offset < 0 OR s.end_offset < s.start_offset OR s.end_offset > length(a.text)
            """),
        ("statement-offsets", """
            SELECT 'statement ' || st.id || ' of article ' || a.id || ': offsets ' || st.start_offset || '..'
                || st.end_offset || ' outside its text' FROM statement st JOIN article a ON a.key = st.article_key
            WHERE st.start_offset < 0 OR st.end_offset < st.start_offset OR st.end_offset > length(a.text)
            """),
        ("link-sentence", linkSentences),
        ("sentence-range", """
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': outside the article''s sentences '
                || a.first_sentence || '..' || (a.first_sentence + a.sentence_count - 1)
            FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.id NOT BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1
            """),
        ("sentence-count", """
            SELECT 'article ' || a.id || ': ' || a.sentence_count || ' sentences recorded, ' || coalesce(n.stored, 0) || ' stored'
            FROM article a LEFT JOIN (SELECT article_key, count(*) AS stored FROM sentence GROUP BY article_key) n
                ON n.article_key = a.key
            WHERE a.sentence_count <> coalesce(n.stored, 0)
            """),
        ("sentence-words", """
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': its search words are not those of its text'
            FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.words IS DISTINCT FROM \(PostgresStore.searchWords("substr(a.text, (s.start_offset + 1)::int, (s.end_offset - s.start_offset)::int)"))
            """),
        ("meeting-date", dateConsistent("meeting")),
        ("mention-date", dateConsistent("meeting_mention")),
        ("agreement-date", dateConsistent("agreement")),
    ]

    /// Every rule's problems, in the caller's transaction.
    static func problems(_ session: PostgresSession) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for rule in all {
            let found = try session.rows(rule.sql).compactMap { $0.first?.text }
            // Sentences are named twenty at a time, as SQLite's index check names them.
            let named = rule.check == "sentence-words" ? found.prefix(20) : found[...]
            problems += named.map { IntegrityProblem(check: rule.check, detail: $0) }
            if named.count < found.count {
                problems.append(IntegrityProblem(check: rule.check, detail: "and \(found.count - named.count) more sentences"))
            }
        }
        return problems
    }
}

extension PostgresStore {
    /// `bilat db check` on PostgreSQL: the knowledge base's rules, read in one snapshot (REPEATABLE
    /// READ), which no writer waits for. The server itself keeps foreign keys, keys and CHECKs, and its
    /// pages' soundness (`amcheck` is its tool for that); empty when clean.
    public func integrityProblems() throws -> [IntegrityProblem] {
        try with { session in
            try session.transaction("REPEATABLE READ") { try PostgresIntegrityRules.problems(session) }
        }
    }
}
