import BilatStorage
import Foundation

/// The knowledge base's own rules on PostgreSQL: SQLite's (`BackendSupport.integrityRules`, in their
/// order), those whose SQL both read run as they are, the others in PostgreSQL's dialect below (`IS
/// DISTINCT FROM` for SQLite's `IS NOT`, the plain text for `sqlar_uncompress`, no FTS5 tables).
/// Foreign keys, unique keys and CHECKs need no rule: PostgreSQL enforces them on every write. In
/// place of FTS5's index check: every sentence's search words are what its text gives (`sentence-words`).
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

    /// The rules SQLite's SQL does not say in PostgreSQL's words; nil: none here (`fts-row-count`).
    static let ownDialect: [String: String?] = [
        "mention-group": """
            SELECT 'mention ' || mm.id || ': ' || CASE WHEN u.id IS NULL THEN 'dated, in no group'
                ELSE 'in group ' || u.id || ' of another key or meeting' END
            FROM meeting_mention mm LEFT JOIN meeting_unit u ON u.id = mm.unit_id
            WHERE (mm.date IS NULL) <> (mm.unit_id IS NULL)
               OR (mm.unit_id IS NOT NULL AND (u.id IS NULL OR u.country_key IS DISTINCT FROM mm.country_key
                   OR u.mode IS DISTINCT FROM mm.mode OR u.date IS DISTINCT FROM mm.date
                   OR u.meeting_id IS DISTINCT FROM mm.meeting_id))
            """,
        "meeting-countries-differ-from-key": """
            SELECT 'meeting ' || id || ' key ' || country_key FROM meeting m
            WHERE country_key IS DISTINCT FROM (SELECT string_agg(country, ',' ORDER BY country COLLATE "C")
                                                FROM meeting_country WHERE meeting_id = m.id)
            """,
        "mention-in-other-bucket": """
            SELECT 'mention ' || mm.id || ' in meeting ' || m.id FROM meeting_mention mm
            JOIN meeting m ON m.id = mm.meeting_id
            WHERE m.country_key IS DISTINCT FROM mm.country_key OR m.mode IS DISTINCT FROM mm.mode
               OR mm.bucket_year IS DISTINCT FROM CAST(substr(mm.date, 1, 4) AS BIGINT)
               OR (mm.date IS NULL) IS DISTINCT FROM (m.date IS NULL)
            """,
        "sentence-offsets": """
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': offsets ' || s.start_offset || '..'
                || s.end_offset || ' outside its text' FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.start_offset < 0 OR s.end_offset < s.start_offset OR s.end_offset > length(a.text)
            """,
        "statement-offsets": """
            SELECT 'statement ' || st.id || ' of article ' || a.id || ': offsets ' || st.start_offset || '..'
                || st.end_offset || ' outside its text' FROM statement st JOIN article a ON a.key = st.article_key
            WHERE st.start_offset < 0 OR st.end_offset < st.start_offset OR st.end_offset > length(a.text)
            """,
        "sentence-range": """
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': outside the article''s sentences '
                || a.first_sentence || '..' || (a.first_sentence + a.sentence_count - 1)
            FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.id NOT BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1
            """,
        "sentence-count": """
            SELECT 'article ' || a.id || ': ' || a.sentence_count || ' sentences recorded, ' || coalesce(n.stored, 0) || ' stored'
            FROM article a LEFT JOIN (SELECT article_key, count(*) AS stored FROM sentence GROUP BY article_key) n
                ON n.article_key = a.key
            WHERE a.sentence_count <> coalesce(n.stored, 0)
            """,
        "fts-row-count": nil,
        "meeting-date": dateConsistent("meeting"),
        "mention-date": dateConsistent("meeting_mention"),
        "agreement-date": dateConsistent("agreement"),
    ]

    /// The pair's tables with an `article_key`: foreign keys to article in SQLite, not here (0012a).
    static let pairTablesNamingArticles = ["agreement_source", "meeting_area", "meeting_mention", "meeting_participant",
                                           "meeting_source"]

    static let all: [(check: String, sql: String)] = BackendSupport.integrityRules.compactMap { rule in
        guard let own = ownDialect[rule.check] else { return rule }
        return own.map { (rule.check, $0) }
    } + [("article-orphans", """
        SELECT DISTINCT r.t || ' rows of article key ' || r.article_key || ', which is not stored' FROM (
        \(pairTablesNamingArticles.map { "SELECT '\($0)' AS t, article_key FROM \($0)" }.joined(separator: " UNION ALL "))
        ) r WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.key = r.article_key)
        """), ("article-names", """
        SELECT 'article ' || a.id || ': its ' || n.kind || ' ' || n.value || CASE WHEN o.article_key IS NULL
            THEN ' is not in article_name' ELSE ' is article key ' || o.article_key || '''s in article_name' END
        FROM article a CROSS JOIN LATERAL (VALUES ('id', a.id), ('url', a.url), ('external', a.external_id)) AS n(kind, value)
        LEFT JOIN article_name o ON o.name = n.kind || ':' || n.value
        WHERE n.value IS NOT NULL AND o.article_key IS DISTINCT FROM a.key
        UNION ALL
        SELECT 'article_name ' || o.name || ': not a name of article key ' || o.article_key
        FROM article_name o LEFT JOIN article a ON a.key = o.article_key
        WHERE o.name IS DISTINCT FROM 'id:' || a.id AND o.name IS DISTINCT FROM 'url:' || a.url
            AND o.name IS DISTINCT FROM 'external:' || a.external_id
        """), ("sentence-words", """
        SELECT 'sentence ' || s.id || ' of article ' || a.id || ': its search words are not those of its text'
        FROM sentence s JOIN article a ON a.key = s.article_key
        WHERE s.words IS DISTINCT FROM \(PostgresStore.searchWords(PostgresStore.sentenceText("s")))
        """)]

    /// Every rule's problems (but those of `skipping`), in the caller's transaction.
    static func problems(_ session: PostgresSession, skipping: Set<String> = []) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for rule in all where !skipping.contains(rule.check) {
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
