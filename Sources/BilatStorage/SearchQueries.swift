import BilatModel
import GRDB

/// Turns any user text into a safe FTS5 pattern: each word quoted (quotes doubled), all required; a
/// word the index holds is matched whole, a word it does not hold as the start of longer ones ("Kishid"
/// finds "Kishida"). Operators, parentheses, `NEAR(`, `*`, `--` or `;` typed by the user are either
/// split away or quoted into plain words; nil when the text holds no word.
///
/// Whole words first because a prefix word costs every match of every word it starts: FTS5 merges
/// their lists before it returns a row, and bm25 counts them ("Algeria"* at 331,476 articles: 0.25 s
/// of CPU in the sqlite3 shell, against 0.04 s for the word alone).
enum FullTextPattern {
    static func words(_ text: String) -> [String] {
        Array(text.split { !$0.isLetter && !$0.isNumber }.map(String.init).prefix(32))
    }

    static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The pattern, asking `holds` whether the index holds a word whole.
    static func pattern(_ text: String, holds: (String) throws -> Bool) rethrows -> String? {
        let words = words(text)
        guard !words.isEmpty else { return nil }
        return try words.map { word in try holds(word) ? quoted(word) : quoted(word) + "*" }.joined(separator: " ")
    }
}

extension SQLiteStore {
    /// `search` ranks at most this many matches: the most recently stored sentences (highest rowid: FTS5
    /// walks a doclist in rowid order, which is the order of storing) that match the words and the
    /// filters. bm25 over every match grew with the knowledge base ("Algeria" matched 269,524 sentences
    /// at 100,000 articles); the filters apply before the cut, so a search narrowed by country or dates
    /// still reaches older matches. What remains linear in the matches: FTS5's merge of a prefix word's
    /// terms and bm25's count of each word's matches (docs/benchmark.md).
    public static let searchCandidateLimit = 10_000

    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard query.limit > 0, query.candidates > 0 else { return [] }
        let found = try pool.read { db in
            try FullTextPattern.pattern(query.text) { word in
                try Bool.fetchOne(db, sql: "SELECT 1 FROM sentence_fts WHERE sentence_fts MATCH ? LIMIT 1",
                                  arguments: [FullTextPattern.quoted(word)]) ?? false
            }
        }
        guard let pattern = found else { return [] }
        var sql = FilterSQL()
        for code in Set(query.countries.map { $0.uppercased() }).sorted() {
            sql.conditions.append("EXISTS (SELECT 1 FROM article_country WHERE article_key = a.key AND country = \(code))")
        }
        sql.requireDates(MeetingFilter(from: query.from, to: query.to), firstDay: BackendSupport.publishedFirstDay)
        let extra = sql.conditions.map { condition -> SQL in " AND \(literal: condition)" }.joined()
        // The candidates: the newest `query.candidates` matching sentences that pass the filters.
        // The cut is the rowid of the last of them (none: fewer match, all are ranked); FTS5 takes
        // `rowid >=` as a range of its doclists, so only the candidates are ranked and given snippets.
        // Without filters the index alone is walked (every indexed sentence has its row).
        let joins: SQL = sql.conditions.isEmpty ? "" : """
             JOIN sentence s ON s.id = sentence_fts.rowid
             JOIN article a ON a.key = s.article_key
            """
        let cut: SQL = """
            SELECT sentence_fts.rowid FROM sentence_fts\(literal: joins)
            WHERE sentence_fts MATCH \(pattern)\(literal: extra)
            ORDER BY sentence_fts.rowid DESC LIMIT 1 OFFSET \(query.candidates - 1)
            """
        let statement: (Int64?) -> SQL = { first in
            let range: SQL = first.map { " AND sentence_fts.rowid >= \($0)" } ?? ""
            return """
            SELECT s.id AS owner_id, \(sql: SourceRow.columns),
                snippet(sentence_fts, 0, '[', ']', '…', 16) AS snippet, bm25(sentence_fts) AS rank,
                (SELECT group_concat(speaker, char(31)) FROM statement
                 WHERE article_key = s.article_key AND sentence_id = s.id) AS speakers
            FROM sentence_fts
            JOIN sentence s ON s.id = sentence_fts.rowid
            JOIN article a ON a.key = s.article_key
            WHERE sentence_fts MATCH \(pattern)\(literal: extra)\(literal: range)
            ORDER BY rank, s.id \(literal: sql.limitClause(query.limit))
            """
        }
        return try pool.read { db in
            let first = try Int64.fetchOne(db, SQLRequest<Int64>(literal: cut))
            return try SQLRequest<Row>(literal: statement(first)).fetchAll(db).map { row in
                SearchHit(snippet: row["snippet"], rank: row["rank"],
                          speakers: Array(Set(MeetingRow.list(row["speakers"]))).sorted(),
                          source: try SourceRow(row: row).sourceSentence())
            }
        }
    }

    public func areas(countries: [String]) throws -> [AreaActivity] {
        var sql = FilterSQL()
        sql.requireCountries(countries, table: "article_country", column: "article_key", ownerColumn: "aa.article_key")
        let query: SQL = """
            SELECT aa.area, a.published, count(DISTINCT aa.article_key) AS articles
            FROM article_area aa \(literal: sql.joinClause)
            JOIN article a ON a.key = aa.article_key
            GROUP BY aa.area, a.published
            """
        let rows = try pool.read { db in try SQLRequest<Row>(literal: query).fetchAll(db) }
        return AreaActivity.tally(try rows.map { row in
            (row["area"], try PartialDate.stored(row["published"], table: "article", column: "published"), row["articles"])
        })
    }

    public func stats(topPairs: Int) throws -> KnowledgeStats {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let pairs = try Row.fetchAll(db, sql: """
                SELECT country_a, country_b, count(*) AS meetings, max(date) AS last_date
                FROM meetings_by_pair GROUP BY country_a, country_b
                ORDER BY meetings DESC, country_a, country_b LIMIT ?
                """, arguments: [max(0, topPairs)]).map { row in
                    PairActivity(countries: [row["country_a"], row["country_b"]], meetingCount: row["meetings"],
                                 lastMeeting: try PartialDate.stored(row["last_date"], table: "meeting", column: "date"))
                }
            return KnowledgeStats(
                articles: try count("SELECT count(*) FROM article"), meetings: try count("SELECT count(*) FROM meeting"),
                meetingReports: try count("SELECT count(*) FROM meeting_mention"),
                officials: try count("SELECT count(*) FROM official"),
                agreements: try count("SELECT count(*) FROM agreement"),
                organizations: try count("SELECT count(*) FROM organization"),
                countryPairs: try count("SELECT count(*) FROM (SELECT DISTINCT country_a, country_b FROM meetings_by_pair)"),
                mostActivePairs: pairs)
        }
    }
}
