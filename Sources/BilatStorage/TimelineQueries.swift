import BilatModel
import GRDB

/// An agreement row with its countries aggregated by SQL.
struct AgreementRow: Decodable, FetchableRecord {
    var id: Int64
    var kind: AgreementKind
    var date: String?
    var title: String?
    var countries: String?
}

/// A statement row joined with its article and sentence.
struct StatementRow: FetchableRecord {
    var id: Int64
    var speaker: String
    var country: String?
    var verb: String
    var type: StatementType
    var text: String
    var statementStart: Int
    var statementEnd: Int
    var source: SourceRow

    init(row: Row) throws {
        id = row["id"]
        speaker = row["speaker"]
        country = row["country"]
        verb = row["verb"]
        let type: String = row["type"]
        self.type = try StatementType(rawValue: type).orThrow(table: "statement", column: "type", type)
        text = row["text"]
        statementStart = row["statement_start"]
        statementEnd = row["statement_end"]
        // The statement's eight columns come first, then owner_id and SourceRow.columns.
        source = SourceRow(row: row, first: 8)
    }
}

extension Optional {
    func orThrow(table: String, column: String, _ value: String) throws -> Wrapped {
        guard let self else {
            throw StorageError.invalidStoredValue(table: table, column: column, value: value)
        }
        return self
    }
}

extension SQLiteStore: RelationsQueries {
    /// Agreements whose sides include all filter countries, within the dates, oldest first (undated last).
    public func agreements(_ filter: MeetingFilter) throws -> [AgreementSummary] {
        var sql = FilterSQL()
        sql.requireCountries(filter.countries, table: "agreement_country", column: "agreement_id",
                             ownerColumn: "g.id")
        sql.requireDates(filter, firstDay: "g.date_first_day")
        let query: SQL = """
            \(sql: Self.agreementSelection) \(literal: sql.joinClause) \(literal: sql.whereClause)
            ORDER BY g.date_first_day IS NULL, g.date_first_day, g.id \(literal: sql.limitClause(filter.limit))
            """
        return try pool.read { db in
            try Self.agreementSummaries(db, rows: SQLRequest<AgreementRow>(literal: query).fetchAll(db))
        }
    }

    static let agreementSelection = """
        SELECT g.id, g.kind, g.date, g.title,
            (SELECT group_concat(country, char(31)) FROM agreement_country WHERE agreement_id = g.id) AS countries
        FROM agreement g
        """

    /// The agreements with these ids, with their sources.
    func agreements(ids: [Int64]) throws -> [AgreementSummary] {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try pool.read { db in
            try Self.agreementSummaries(db, rows: AgreementRow.fetchAll(
                db, sql: Self.agreementSelection + " WHERE g.id IN (\(marks)) ORDER BY g.id",
                arguments: StatementArguments(ids)))
        }
    }

    /// Agreement rows with their sources, fetched for a few hundred agreements per statement.
    static func agreementSummaries(_ db: Database, rows: [AgreementRow]) throws -> [AgreementSummary] {
        let sources = try SourceRow.sources(db, table: "agreement_source", owner: "agreement_id", ids: rows.map(\.id))
        return try rows.map { row in
            AgreementSummary(
                id: row.id, kind: row.kind, date: try PartialDate.stored(row.date, table: "agreement", column: "date"),
                countries: MeetingRow.list(row.countries), title: row.title, sources: sources[row.id] ?? [])
        }
    }

    /// Statements by speakers of a filter country, in articles that name every other filter country
    /// (the speaker's own country counts as named); dated by the article, oldest first (undated last).
    public func statements(_ filter: MeetingFilter) throws -> [StatementSummary] {
        var sql = FilterSQL()
        let codes = Set(filter.countries.map { $0.uppercased() }).sorted()
        if !codes.isEmpty {
            sql.conditions.append("st.country IN \(codes)")
            for code in codes {
                sql.conditions.append("""
                    (st.country = \(code) OR EXISTS (
                        SELECT 1 FROM article_country ac WHERE ac.article_key = st.article_key AND ac.country = \(code)))
                    """)
            }
        }
        sql.requireDates(filter, firstDay: BackendSupport.publishedFirstDay)
        let query: SQL = """
            SELECT st.id, st.speaker, st.country, st.verb, st.type,
                substr(CAST(sqlar_uncompress(a.text_zlib, a.text_size) AS TEXT), st.start_offset + 1,
                       st.end_offset - st.start_offset) AS text,
                st.start_offset AS statement_start, st.end_offset AS statement_end,
                st.id AS owner_id, \(sql: SourceRow.columns)
            FROM statement st
            JOIN article a ON a.key = st.article_key
            LEFT JOIN sentence s ON s.id = st.sentence_id
            \(literal: sql.whereClause)
            ORDER BY a.published IS NULL, a.published, st.id \(literal: sql.limitClause(filter.limit))
            """
        return try pool.read { db in
            try SQLRequest<StatementRow>(literal: query).fetchAll(db).map { statement in
                var source = try statement.source.sourceSentence()
                if statement.source.sentence == nil {
                    source.sentence = statement.text
                    source.span = SourceSpan(start: statement.statementStart, end: statement.statementEnd)
                }
                return StatementSummary(
                    id: statement.id, speaker: statement.speaker, country: statement.country, verb: statement.verb,
                    type: statement.type, text: statement.text, date: source.published, source: source)
            }
        }
    }
}
