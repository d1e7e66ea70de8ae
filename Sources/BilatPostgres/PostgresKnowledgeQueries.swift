import BilatModel
import BilatStorage
import Foundation

/// The stored questions on PostgreSQL, as SQLite's store answers them (same rows, same order: text
/// compared by bytes, `COLLATE "C"`, and NULL first where SQLite puts it first).
extension PostgresStore: RelationsQueries, KnowledgeQueries {
    // MARK: Agreements and statements

    static let agreementSelection = """
        SELECT g.id, g.kind, g.date, g.title,
            (SELECT string_agg(country, chr(31)) FROM agreement_country
             WHERE agreement_id = g.id AND country_key = g.country_key) AS countries
        FROM agreement g
        """

    public func agreements(_ filter: MeetingFilter) throws -> [AgreementSummary] {
        var sql = PostgresFilter()
        sql.requireCountriesFirst(filter.countries, table: "agreement_country", column: "agreement_id", ownerColumn: "g.id")
        sql.requireDates(filter, firstDay: "g.date_first_day")
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try with { session in
            try Self.agreementSummaries(session, rows: session.rows("""
                \(Self.agreementSelection) \(sql.whereClause)
                ORDER BY g.date_first_day IS NULL, g.date_first_day COLLATE "C", g.id\(limit)
                """, sql.values))
        }
    }

    public func agreement(id: Int64) throws -> AgreementSummary? {
        try with { session in
            try Self.agreementSummaries(session, rows: session.rows(Self.agreementSelection + " WHERE g.id = $1",
                                                                     [.integer(id)])).first
        }
    }

    static func agreementSummaries(_ session: PostgresSession, rows: [[TransferValue]]) throws -> [AgreementSummary] {
        let sources = try sources(session, table: "agreement_source", owner: "agreement_id", ids: rows.compactMap { $0[0].integer })
        return try rows.map { row in
            let id = row[0].integer ?? 0, kind = row[1].text ?? ""
            guard let agreementKind = AgreementKind(rawValue: kind) else {
                throw StorageError.invalidStoredValue(table: "agreement", column: "kind", value: kind)
            }
            return AgreementSummary(
                id: id, kind: agreementKind, date: try BackendSupport.storedDate(row[2].text, table: "agreement", column: "date"),
                countries: BackendSupport.list(row[4].text), title: row[3].text, sources: sources[id] ?? [])
        }
    }

    public func statements(_ filter: MeetingFilter) throws -> [StatementSummary] {
        var sql = PostgresFilter()
        let codes = Set(filter.countries.map { $0.uppercased() }).sorted()
        if !codes.isEmpty {
            sql.conditions.append("st.country IN (\(codes.map { sql.bind($0) }.joined(separator: ", ")))")
            for code in codes {
                let bound = sql.bind(code)
                sql.conditions.append("""
                    (st.country = \(bound) OR EXISTS (
                        SELECT 1 FROM article_country ac WHERE ac.article_key = st.article_key AND ac.country = \(bound)))
                    """)
            }
        }
        sql.requireDates(filter, firstDay: BackendSupport.publishedFirstDay)
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try with { session in
            try session.rows("""
                SELECT st.id, st.speaker, st.country, st.verb, st.type,
                    \(PostgresStore.sentenceText("st")),
                    st.start_offset, st.end_offset,
                    a.id, a.title, a.source, a.url, a.published,
                    \(PostgresStore.sentenceText("s")), s.start_offset, s.end_offset
                FROM statement st
                JOIN article a ON a.key = st.article_key
                LEFT JOIN sentence s ON s.id = st.sentence_id
                \(sql.whereClause)
                ORDER BY a.published IS NULL, a.published COLLATE "C", st.id\(limit)
                """, sql.values).map { row in
                let type = row[4].text ?? ""
                guard let statementType = StatementType(rawValue: type) else {
                    throw StorageError.invalidStoredValue(table: "statement", column: "type", value: type)
                }
                let text = row[5].text ?? ""
                let published = try BackendSupport.storedDate(row[12].text, table: "article", column: "published")
                // A statement outside any stored sentence shows its own words as its source.
                let sentence = row[13].text
                let source = SourceSentence(
                    articleID: row[8].text ?? "", title: row[9].text, source: row[10].text, url: row[11].text,
                    published: published, sentence: sentence ?? text,
                    span: sentence == nil
                        ? SourceSpan(start: Int(row[6].integer ?? 0), end: Int(row[7].integer ?? 0))
                        : SourceSpan(start: Int(row[14].integer ?? 0), end: Int(row[15].integer ?? 0)))
                return StatementSummary(id: row[0].integer ?? 0, speaker: row[1].text ?? "", country: row[2].text,
                                        verb: row[3].text ?? "", type: statementType, text: text, date: published,
                                        source: source)
            }
        }
    }

    // MARK: Officials

    static let officialSelection = """
        SELECT o.id, o.name, o.country,
            (SELECT count(DISTINCT meeting_id) FROM meeting_participant WHERE official_id = o.id) AS meeting_count,
            (SELECT count(*) FROM (SELECT article_key FROM official_source WHERE official_id = o.id
                                   UNION SELECT article_key FROM meeting_participant WHERE official_id = o.id) x)
                AS article_count
        FROM official o
        """

    static func officialSummary(_ session: PostgresSession, _ row: [TransferValue]) throws -> OfficialSummary {
        let id = row[0].integer ?? 0
        let roles = try session.rows("""
            SELECT title, min(seen_on COLLATE "C"), max(seen_on COLLATE "C"), count(*)
            FROM official_role WHERE official_id = $1 GROUP BY title
            ORDER BY min(seen_on COLLATE "C") NULLS FIRST, title COLLATE "C"
            """, [.integer(id)]).map { role in
                RoleSighting(
                    title: role[0].text ?? "",
                    firstSeen: try BackendSupport.storedDate(role[1].text, table: "official_role", column: "seen_on"),
                    lastSeen: try BackendSupport.storedDate(role[2].text, table: "official_role", column: "seen_on"),
                    articleCount: Int(role[3].integer ?? 0))
            }
        return OfficialSummary(id: id, name: row[1].text ?? "", country: row[2].text, roles: roles,
                               meetingCount: Int(row[3].integer ?? 0), articleCount: Int(row[4].integer ?? 0))
    }


    public func officials(country: String?) throws -> [OfficialSummary] {
        try with { session in
            let rows = if let country {
                try session.rows(Self.officialSelection + " WHERE o.country = $1", [.text(country.uppercased())])
            } else {
                try session.rows(Self.officialSelection)
            }
            return try rows.map { try Self.officialSummary(session, $0) }.sorted(by: OfficialSummary.busiestFirst)
        }
    }

    public func officials(named name: String) throws -> [OfficialSummary] {
        let words = BackendSupport.nameWords(name)
        guard !words.isEmpty else { return [] }
        return try with { session in
            // SQLite's NOCASE folds ASCII letters only; lower() here folds every letter.
            let exact = try session.rows(Self.officialSelection + " WHERE lower(o.name) = lower($1)",
                                         [.text(name.trimmingCharacters(in: .whitespaces))])
            if !exact.isEmpty { return try exact.map { try Self.officialSummary(session, $0) }.sorted(by: OfficialSummary.busiestFirst) }
            let wanted = Set(words)
            return try session.rows(Self.officialSelection)
                .filter { wanted.isSubset(of: Set(BackendSupport.nameWords($0[1].text ?? ""))) }
                .map { try Self.officialSummary(session, $0) }.sorted(by: OfficialSummary.busiestFirst)
        }
    }

    public func officialNames() throws -> [String] {
        try with { session in
            try session.rows("SELECT DISTINCT name COLLATE \"C\" AS name FROM official ORDER BY 1").compactMap { $0[0].text }
        }
    }

    public func official(id: Int64) throws -> OfficialDetail? {
        let found: (OfficialSummary, [Int64])? = try with { session in
            guard let row = try session.rows(Self.officialSelection + " WHERE o.id = $1", [.integer(id)]).first else { return nil }
            let meetings = try session.rows("SELECT DISTINCT meeting_id FROM meeting_participant WHERE official_id = $1",
                                            [.integer(id)]).compactMap { $0[0].integer }
            return (try Self.officialSummary(session, row), meetings)
        }
        guard let (summary, meetingIDs) = found else { return nil }
        let meetings = try meetingIDs.compactMap { try meeting(id: $0)?.meeting }
            .sorted { ($0.date?.iso ?? "", $0.id) > ($1.date?.iso ?? "", $1.id) }
        return try with { session in
            let counterparts = try session.rows("""
                SELECT o.name, o.country, count(DISTINCT other.meeting_id) AS meeting_count
                FROM meeting_participant mine
                JOIN meeting_participant other ON other.meeting_id = mine.meeting_id AND other.country_key = mine.country_key
                    AND other.official_id <> mine.official_id
                JOIN official o ON o.id = other.official_id
                WHERE mine.official_id = $1 AND coalesce(o.country, '') <> coalesce((SELECT country FROM official WHERE id = $1), '')
                GROUP BY o.id ORDER BY meeting_count DESC, o.name COLLATE "C"
                """, [.integer(id)]).map {
                    Counterpart(name: $0[0].text ?? "", country: $0[1].text, meetingCount: Int($0[2].integer ?? 0))
                }
            let sources = try Self.sources(session, table: "official_source", owner: "official_id", ids: [id])[id] ?? []
            return OfficialDetail(official: summary, meetings: meetings, counterparts: counterparts, sources: sources)
        }
    }

    // MARK: Areas, search, totals

    public func areas(countries: [String]) throws -> [AreaActivity] {
        var sql = PostgresFilter()
        sql.requireCountriesFirst(countries, table: "article_country", column: "article_key", ownerColumn: "aa.article_key")
        let rows = try with { session in
            try session.rows("""
                SELECT aa.area, a.published, count(DISTINCT aa.article_key)
                FROM article_area aa JOIN article a ON a.key = aa.article_key
                \(sql.whereClause)
                GROUP BY aa.area, a.published
                """, sql.values)
        }
        return AreaActivity.tally(try rows.map { row in
            (row[0].text ?? "", try BackendSupport.storedDate(row[1].text, table: "article", column: "published"),
             Int(row[2].integer ?? 0))
        })
    }

    /// Full-text search on the sentences' `words` (a tsvector without diacritics, GIN-indexed): every
    /// word required, a word no sentence holds whole matched as a prefix, as on SQLite. The newest
    /// `candidates` matches passing the filters are ranked. Where it differs from FTS5: the rank is
    /// PostgreSQL's `ts_rank` (negated, lower is better, as bm25), not bm25; the snippet is
    /// `ts_headline`'s fragment of about 16 words, its matches marked `[...]`.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard query.limit > 0, query.candidates > 0 else { return [] }
        let words = BackendSupport.searchWords(query.text)
        guard !words.isEmpty else { return [] }
        return try with { session in
            // Letters and digits only (searchWords splits at everything else): safe inside a tsquery.
            var terms: [String] = []
            for word in words {
                let whole = "'\(word)'"
                let held = try session.scalar("SELECT 1 FROM sentence WHERE words @@ to_tsquery('simple', unaccent($1)) LIMIT 1",
                                              [.text(whole)]) != nil
                terms.append(held ? whole : whole + ":*")
            }
            // The query made once and bound as a value: the planner then knows how many sentences match.
            guard case .text(let tsquery)? = try session.scalar("SELECT to_tsquery('simple', unaccent($1))::text",
                                                               [.text(terms.joined(separator: " & "))]) else { return [] }
            var sql = PostgresFilter()
            let pattern = sql.bind(tsquery) + "::tsquery"
            for code in Set(query.countries.map { $0.uppercased() }).sorted() {
                sql.conditions.append("EXISTS (SELECT 1 FROM article_country WHERE article_key = a.key AND country = \(sql.bind(code)))")
            }
            sql.requireDates(MeetingFilter(from: query.from, to: query.to), firstDay: BackendSupport.publishedFirstDay)
            let extra = sql.conditions.map { " AND " + $0 }.joined()
            // The article joined for the newest matches only when a filter needs it.
            let join = sql.conditions.isEmpty ? "" : " JOIN article a ON a.key = s.article_key"
            let candidates = sql.bind(.integer(Int64(query.candidates)))
            let limit = sql.bind(.integer(Int64(query.limit)))
            // Ids only while the matches are cut to the newest, ranks only for those, text only for the page.
            return try session.rows("""
                WITH c AS (
                    SELECT s.id FROM sentence s\(join)
                    WHERE s.words @@ \(pattern)\(extra)
                    ORDER BY s.id DESC LIMIT \(candidates)),
                r AS (
                    SELECT s.id, s.article_key, s.start_offset, s.end_offset, -ts_rank(s.words, \(pattern))::float8 AS rank
                    FROM c JOIN sentence s ON s.id = c.id
                    ORDER BY rank, s.id LIMIT \(limit))
                SELECT r.id, a.id, a.title, a.source, a.url, a.published,
                    \(PostgresStore.sentenceText("r")), r.start_offset, r.end_offset,
                    ts_headline('simple', \(PostgresStore.sentenceText("r")), \(pattern),
                                'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…'),
                    r.rank,
                    (SELECT string_agg(speaker, chr(31)) FROM statement WHERE article_key = r.article_key AND sentence_id = r.id)
                FROM r JOIN article a ON a.key = r.article_key
                ORDER BY r.rank, r.id
                """, sql.values).map { row in
                    SearchHit(
                        snippet: row[9].text ?? "", rank: { if case .real(let r) = row[10] { r } else { 0 } }(),
                        speakers: Array(Set(BackendSupport.list(row[11].text))).sorted(),
                        source: SourceSentence(
                            articleID: row[1].text ?? "", title: row[2].text, source: row[3].text, url: row[4].text,
                            published: try BackendSupport.storedDate(row[5].text, table: "article", column: "published"),
                            sentence: row[6].text ?? "",
                            span: SourceSpan(start: Int(row[7].integer ?? 0), end: Int(row[8].integer ?? 0))))
                }
        }
    }

    public func stats(topPairs: Int) throws -> KnowledgeStats {
        try with { session in
            func count(_ sql: String) throws -> Int { Int(try session.scalar(sql)?.integer ?? 0) }
            let pairs = try session.rows("""
                SELECT country_a, country_b, count(*) AS meetings, max(date COLLATE "C") AS last_date
                FROM meetings_by_pair GROUP BY country_a, country_b
                ORDER BY meetings DESC, country_a COLLATE "C", country_b COLLATE "C" LIMIT $1
                """, [.integer(Int64(max(0, topPairs)))]).map { row in
                    PairActivity(countries: [row[0].text ?? "", row[1].text ?? ""], meetingCount: Int(row[2].integer ?? 0),
                                 lastMeeting: try BackendSupport.storedDate(row[3].text, table: "meeting", column: "date"))
                }
            return KnowledgeStats(
                articles: try count("SELECT count(*) FROM article"), meetings: try count("SELECT count(*) FROM meeting"),
                meetingReports: try count("SELECT count(*) FROM meeting_mention"),
                officials: try count("SELECT count(*) FROM official"),
                agreements: try count("SELECT count(*) FROM agreement"),
                organizations: try count("SELECT count(*) FROM organization"),
                countryPairs: try count("SELECT count(*) FROM (SELECT DISTINCT country_a, country_b FROM meetings_by_pair) x"),
                mostActivePairs: pairs)
        }
    }
}
