import GRDB

/// The knowledge base's own invariants, each a query returning one text per offending row.
enum IntegrityRules {
    static func dateConsistent(_ table: String) -> String {
        """
        SELECT '\(table) ' || id || ': date ' || quote(date) || ' (' || quote(date_precision) || ', first day '
            || quote(date_first_day) || ')'
        FROM \(table) WHERE date IS NOT NULL AND NOT coalesce(CASE date_precision
            WHEN 'year' THEN length(date) = 4 AND date_first_day = date || '-01-01'
            WHEN 'month' THEN length(date) = 7 AND date_first_day = date || '-01'
            WHEN 'day' THEN length(date) = 10 AND date_first_day = date END, 0)
        """
    }

    /// The links name their sentence without a foreign key (schema 0007): it must be one of the link's
    /// own article (for a mention's sources, the mention's article), or 0 (no sentence).
    static let linkSentences: String = [
        ("official_source", "official_id", "x.article_key"), ("meeting_source", "meeting_id", "x.article_key"),
        ("meeting_mention_source", "mention_id",
         "(SELECT article_key FROM meeting_mention WHERE id = x.mention_id)"),
        ("article_area", "area", "x.article_key"), ("article_organization", "organization_id", "x.article_key"),
        ("agreement_source", "agreement_id", "x.article_key"),
    ].map { table, owner, article in
        """
        SELECT '\(table) ' || x.\(owner) || ': sentence ' || x.sentence_id || ' not in its article' FROM \(table) x
        WHERE x.sentence_id <> 0 AND NOT EXISTS (
            SELECT 1 FROM sentence s WHERE s.id = x.sentence_id AND s.article_key = \(article))
        """
    }.joined(separator: "\nUNION ALL\n")

    /// Rows of a stored count that differ from the count taken again from the reports, both ways round.
    static func counted(_ what: String, stored: String, recount: String) -> String {
        """
        WITH r(a, b, n) AS (\(recount)), s(a, b, n) AS (\(stored))
        SELECT '\(what) ' || x.a || ' ' || x.b || ': ' || x.n || ' ' || x.side FROM (
            SELECT *, 'counted from its reports, not stored' AS side FROM (SELECT * FROM r EXCEPT SELECT * FROM s) AS d
            UNION ALL
            SELECT *, 'stored, not counted from its reports' FROM (SELECT * FROM s EXCEPT SELECT * FROM r) AS e) AS x
        """
    }

    /// Schema 0009: each report group's counts are what its reports say. In the link recount, `b` is
    /// found by its article (one article's few reports), never by its bucket: comparing expressions of
    /// the bucket's columns (`|| ''`, `+ 0`) keeps SQLite off the bucket index, through which each report
    /// scanned all of its bucket's (a summit's thousands: minutes at 468,000 articles, 6 s this way).
    /// Written so that PostgreSQL reads it too.
    static let groups: [(check: String, sql: String)] = [
        ("group-counts", counted("group", stored: "SELECT id, held, articles FROM meeting_unit", recount: """
            SELECT unit_id, count(DISTINCT CASE WHEN status = 'held' THEN article_key END), count(DISTINCT article_key)
            FROM meeting_mention WHERE unit_id IS NOT NULL GROUP BY unit_id
            """)),
        ("group-places", counted("group place", stored: "SELECT unit_id, place, articles FROM meeting_unit_place",
                                 recount: """
            SELECT unit_id, place, count(DISTINCT article_key) FROM meeting_mention
            WHERE unit_id IS NOT NULL AND place IS NOT NULL GROUP BY unit_id, place
            """)),
        ("group-participants", counted("group participant",
                                       stored: "SELECT unit_id, official_id, articles FROM meeting_unit_participant",
                                       recount: """
            SELECT mm.unit_id, p.official_id, count(DISTINCT mm.article_key)
            FROM meeting_mention mm JOIN meeting_mention_participant p ON p.mention_id = mm.id
            WHERE mm.unit_id IS NOT NULL GROUP BY mm.unit_id, p.official_id
            """)),
        ("group-links", counted("group link", stored: "SELECT unit_id, other_id, articles FROM meeting_unit_link",
                                recount: """
            SELECT a.unit_id, b.unit_id, count(DISTINCT a.article_key)
            FROM meeting_mention a JOIN meeting_mention b ON b.article_key = a.article_key AND b.unit_id <> a.unit_id
                AND b.country_key || '' = a.country_key AND b.mode || '' = a.mode AND b.bucket_year + 0 = a.bucket_year
            WHERE a.unit_id IS NOT NULL GROUP BY a.unit_id, b.unit_id
            """)),
        ("mention-group", """
            SELECT 'mention ' || mm.id || ': ' || CASE WHEN u.id IS NULL THEN 'dated, in no group'
                ELSE 'in group ' || u.id || ' of another key or meeting' END
            FROM meeting_mention mm LEFT JOIN meeting_unit u ON u.id = mm.unit_id
            WHERE (mm.date IS NULL) <> (mm.unit_id IS NULL)
               OR (mm.unit_id IS NOT NULL AND (u.id IS NULL OR u.country_key IS NOT mm.country_key
                   OR u.mode IS NOT mm.mode OR u.date IS NOT mm.date OR u.meeting_id IS NOT mm.meeting_id))
            """),
    ]

    /// Schema 0012: the pair each row of a meeting's, a group's, a report's and an agreement's tables
    /// names is its parent's. Written so that PostgreSQL reads it too.
    static let pairKey: (check: String, sql: String) = ("pair-key", BackendSupport.pairTables.map { table, column, parent in
        """
        SELECT DISTINCT '\(table) rows of \(parent) ' || p.id || ': pair ' || c.country_key || ', not ' || p.country_key
        FROM \(table) c JOIN \(parent) p ON p.id = c.\(column) WHERE c.country_key <> p.country_key
        """
    }.joined(separator: "\nUNION ALL\n"))

    static let all: [(check: String, sql: String)] = groups + [pairKey] + [
        ("meeting-without-source", """
            SELECT 'meeting ' || id FROM meeting m
            WHERE NOT EXISTS (SELECT 1 FROM meeting_source WHERE meeting_id = m.id)
            """),
        ("meeting-without-mention", """
            SELECT 'meeting ' || id FROM meeting m
            WHERE NOT EXISTS (SELECT 1 FROM meeting_mention WHERE meeting_id = m.id)
            """),
        ("meeting-with-fewer-than-two-countries", """
            SELECT 'meeting ' || id || ' has ' || (SELECT count(*) FROM meeting_country WHERE meeting_id = m.id)
            FROM meeting m WHERE (SELECT count(*) FROM meeting_country WHERE meeting_id = m.id) < 2
            """),
        ("meeting-countries-differ-from-key", """
            SELECT 'meeting ' || id || ' key ' || country_key FROM meeting m
            WHERE country_key IS NOT (SELECT group_concat(country, ',') FROM (
                SELECT country FROM meeting_country WHERE meeting_id = m.id ORDER BY country))
            """),
        ("mention-without-meeting", """
            SELECT 'mention ' || mm.id || ' of article ' || a.id FROM meeting_mention mm
            JOIN article a ON a.key = mm.article_key WHERE mm.meeting_id IS NULL
            """),
        ("mention-in-other-bucket", """
            SELECT 'mention ' || mm.id || ' in meeting ' || m.id FROM meeting_mention mm
            JOIN meeting m ON m.id = mm.meeting_id
            WHERE m.country_key IS NOT mm.country_key OR m.mode IS NOT mm.mode
               OR mm.bucket_year IS NOT CAST(substr(mm.date, 1, 4) AS INTEGER)
               OR (mm.date IS NULL) IS NOT (m.date IS NULL)
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
            SELECT 'agreement ' || id FROM agreement g
            WHERE NOT EXISTS (SELECT 1 FROM agreement_source WHERE agreement_id = g.id)
            """),
        // Each text's length is taken once (length() reads and walks the whole text): once a sentence
        // made the check quadratic in the sentences of one article.
        ("sentence-offsets", """
            WITH a(key, id, text_length) AS MATERIALIZED (SELECT key, id, length(CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT)) FROM article)
            SELECT 'sentence ' || s.id || ' of article ' || a.id || ': offsets ' || s.start_offset || '..'
                || s.end_offset || ' outside its text' FROM sentence s JOIN a ON a.key = s.article_key
            WHERE s.start_offset < 0 OR s.end_offset < s.start_offset OR s.end_offset > a.text_length
            """),
        ("statement-offsets", """
            WITH a(key, id, text_length) AS MATERIALIZED (SELECT key, id, length(CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT)) FROM article)
            SELECT 'statement ' || st.id || ' of article ' || a.id || ': offsets ' || st.start_offset || '..'
                || st.end_offset || ' outside its text' FROM statement st JOIN a ON a.key = st.article_key
            WHERE st.start_offset < 0 OR st.end_offset < st.start_offset OR st.end_offset > a.text_length
            """),
        ("link-sentence", linkSentences),
        // Deleting an article deletes its range of sentence ids: a sentence outside its article's
        // range would outlive it, and a range holding another article's sentence would delete it.
        ("sentence-range", """
            SELECT 'sentence ' || s.id || ' of article ' || coalesce(a.id, 'key ' || s.article_key || ' (missing)')
                || ': outside the article''s sentences ' || coalesce(a.first_sentence, '?') || '..'
                || coalesce(a.first_sentence + a.sentence_count - 1, '?')
            FROM sentence s LEFT JOIN article a ON a.key = s.article_key
            WHERE a.key IS NULL OR s.id NOT BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1
            """),
        ("sentence-count", """
            SELECT 'article ' || a.id || ': ' || a.sentence_count || ' sentences recorded, '
                || (SELECT count(*) FROM sentence s
                    WHERE s.id BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1) || ' stored'
            FROM article a
            WHERE a.sentence_count <> (SELECT count(*) FROM sentence s
                                       WHERE s.id BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1)
            """),
        ("fts-row-count", """
            SELECT 'sentence_fts holds ' || (SELECT count(*) FROM sentence_fts_docsize) || ' rows for '
                || (SELECT count(*) FROM sentence) || ' sentences'
            WHERE (SELECT count(*) FROM sentence_fts_docsize) <> (SELECT count(*) FROM sentence)
            """),
        ("meeting-date", dateConsistent("meeting")),
        ("mention-date", dateConsistent("meeting_mention")),
        ("agreement-date", dateConsistent("agreement")),
    ]
}

/// `bilat db check`: SQLite's checks, the knowledge base's rules and the full-text index.
struct IntegrityCheck {
    let db: Database
    /// Runs after each check with its name; tests write from another connection there.
    var between: (String) throws -> Void = { _ in }

    /// SQLite's `PRAGMA integrity_check`, alone: on a damaged file the other checks read what cannot be
    /// trusted, or fail on it. Outside a transaction (see ``problems(_:_:)``).
    static func damage(_ db: Database) throws -> [IntegrityProblem] {
        try problems(db, "PRAGMA integrity_check").map { IntegrityProblem(check: "integrity-check", detail: $0) }
    }

    /// The rows of `PRAGMA quick_check` or `integrity_check` other than "ok"; SQLite stops some checks
    /// with SQLITE_CORRUPT after the rows that say where (its message is then the last problem). Run
    /// outside a transaction: the COMMIT of one would fail again with SQLITE_CORRUPT, losing the rows.
    static func problems(_ db: Database, _ pragma: String) throws -> [String] {
        var problems: [String] = []
        do {
            let rows = try String.fetchCursor(db, sql: pragma)
            while let row = try rows.next() {
                if row != "ok" { problems.append(row) }
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            problems.append(StorageError.sqliteMessage(error))
        }
        return problems
    }

    /// The other checks, in the caller's read transaction.
    func problems() throws -> [IntegrityProblem] {
        var problems = try knowledgeProblems()
        problems += try FullTextCheck(db: db).problems()
        try between("fts")
        return problems
    }

    /// Foreign keys and bilat's own rules: what `db import` checks before it commits.
    func knowledgeProblems() throws -> [IntegrityProblem] {
        var problems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
            IntegrityProblem(check: "foreign-key-check",
                             detail: "\(row["table"] as String? ?? "?") row \(row["rowid"] as Int64? ?? 0) "
                                 + "points to a missing \(row["parent"] as String? ?? "?")")
        }
        try between("foreign-key-check")
        for rule in IntegrityRules.all {
            problems += try String.fetchAll(db, sql: rule.sql).map { IntegrityProblem(check: rule.check, detail: $0) }
            try between(rule.check)
        }
        return problems
    }
}

extension SQLiteStore {
    public func integrityProblems() throws -> [IntegrityProblem] {
        try integrityProblems(between: { _ in })
    }

    /// Reads only: `PRAGMA integrity_check`, then the other checks in one read transaction, a snapshot of
    /// the file (WAL mode) that no writer waits for, where the check once ran in a write transaction (for
    /// FTS5's own check, an INSERT) and held every ingest off.
    /// A file found sound is stamped (see ``DamageGuard``) as it was when the check began; a damaged
    /// one loses its stamp.
    func integrityProblems(between: @escaping (String) throws -> Void) throws -> [IntegrityProblem] {
        let damageGuard = DamageGuard(path: path)
        let before = damageGuard.fingerprint()
        let problems: [IntegrityProblem]
        do {
            let damage = try pool.unsafeRead { db in try IntegrityCheck.damage(db) }
            try between("integrity-check")
            problems = try damage.isEmpty ? pool.read { db in try IntegrityCheck(db: db, between: between).problems() } : damage
        } catch let error where StorageError.databaseProblem(error) == .corrupt {
            distrust()
            throw error
        }
        if problems.contains(where: { $0.check == "integrity-check" }) {
            distrust()
        } else if let restamp {
            damageGuard.stamp(before)
            restamp.arm(true)
        }
        return problems
    }
}
