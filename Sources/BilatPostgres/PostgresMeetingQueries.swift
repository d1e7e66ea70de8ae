import BilatModel
import BilatStorage
import Foundation

/// SQL conditions with their positional parameters, numbered as they are bound: each value is bound
/// where its placeholder is written, so no order of appending can put a value in the wrong place.
struct PostgresFilter {
    var conditions: [String] = []
    var values: [TransferValue] = []

    /// The placeholder of `value`, bound now.
    mutating func bind(_ value: TransferValue) -> String {
        values.append(value)
        return "$\(values.count)"
    }

    mutating func bind(_ text: String) -> String { bind(.text(text)) }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    /// Requires every filter country among `table`'s rows for the owner, as an `IN` over the country
    /// index alone (as SQLite's store does).
    mutating func requireCountriesFirst(_ countries: [String], table: String, column: String, ownerColumn: String) {
        let codes = Set(countries.map { $0.uppercased() }).sorted()
        guard let first = codes.first else { return }
        var select = "SELECT c0.\(column) FROM \(table) c0"
        for (i, code) in codes.dropFirst().enumerated() {
            let alias = "c\(i + 1)"
            select += " JOIN \(table) \(alias) ON \(alias).\(column) = c0.\(column) AND \(alias).country = \(bind(code))"
        }
        conditions.append("\(ownerColumn) IN (\(select) WHERE c0.country = \(bind(first)))")
    }

    /// Requires every filter country among a meeting's sides: the meetings of exactly those sides by
    /// `country_key`, and those of more sides through the partial index `meeting_multilateral`.
    mutating func requireMeetingSides(_ countries: [String]) {
        let key = BackendSupport.countryKey(countries)
        guard key.codes.count >= 2 else {
            return requireCountriesFirst(countries, table: "meeting_country", column: "meeting_id", ownerColumn: "m.id")
        }
        let exact = bind(key.text)
        let more = moreSides(key, alias: "x")
        conditions.append("""
            m.id IN (SELECT id FROM meeting WHERE country_key = \(exact)
                     UNION ALL
                     SELECT x.id FROM meeting x WHERE \(more))
            """)
    }

    /// A meeting `alias` of more sides than `key`'s, every one of them among its own: through the partial
    /// index `meeting_multilateral` (keys longer than a pair's five characters), its sides read from its
    /// own `country_key` (the codes joined by commas, as `db check`'s `meeting-countries-differ-from-key`
    /// holds it) and compared as arrays. No join: probing `meeting_country` for each side, PostgreSQL took
    /// the multilateral meetings for a third of all and hash-joined every meeting of each side instead
    /// (tens of thousands of rows for the busiest pair at 100,000 articles); and a cluster's servers read
    /// it each alone.
    mutating func moreSides(_ key: (text: String, codes: [String]), alias: String) -> String {
        "length(\(alias).country_key) > 5 AND length(\(alias).country_key) > \(key.text.count) "
            + "AND string_to_array(\(alias).country_key, ',') @> ARRAY[\(key.codes.map { bind($0) }.joined(separator: ", "))]"
    }

    /// A page of the meetings of `key` (two or more countries) that meet the conditions, latest first, as
    /// `meeting m` with the columns `meetingColumns` reads: those of exactly these sides read in order
    /// from `meeting_pair_page`, which stops at `limit` rows instead of sorting all of a pair's meetings,
    /// and those of more sides from `meeting_multilateral`, merged (as SQLite's `pairPage`).
    mutating func pairPage(_ key: (text: String, codes: [String]), limit: Int) -> String {
        let rest = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        let order = "ORDER BY m.date_first_day COLLATE \"C\" DESC NULLS LAST, m.id DESC LIMIT \(max(0, limit))"
        let columns = "m.id, m.country_key, m.date, m.date_first_day, m.place, m.mode, m.status"
        let exact = bind(key.text)
        let more = moreSides(key, alias: "m")
        // Wrapped: a UNION's own ORDER BY may name its columns only, not `COLLATE "C"` on one.
        return """
            (SELECT * FROM (
                (SELECT \(columns) FROM meeting m WHERE m.country_key = \(exact)\(rest) \(order))
                UNION ALL
                (SELECT \(columns) FROM meeting m WHERE \(more)\(rest) \(order))) m
             \(order)) m
            """
    }

    /// Keeps dates whose first day lies in [from's first day, to's last day]; undated rows are left out.
    mutating func requireDates(_ filter: MeetingFilter, firstDay: String) {
        if let from = filter.from { conditions.append("\(firstDay) >= \(bind(from.firstDayISO))") }
        if let to = filter.to { conditions.append("\(firstDay) <= \(bind(to.lastDayISO))") }
    }
}

extension PostgresStore {
    /// What every meeting query selects from `meeting m` (or a page of it, with the columns `pairPage`
    /// reads), lists joined by U+001F as SQLite's `MeetingRow.selection` joins them.
    static let meetingColumns = """
        SELECT m.id, m.date, m.place, m.mode, m.status,
            (SELECT string_agg(country, chr(31)) FROM meeting_country
                WHERE meeting_id = m.id AND country_key = m.country_key) AS countries,
            (SELECT string_agg(x.name || chr(30) || coalesce(x.country, ''), chr(31)) FROM (
                SELECT DISTINCT o.name, o.country FROM meeting_participant p JOIN official o ON o.id = p.official_id
                WHERE p.meeting_id = m.id AND p.country_key = m.country_key) x) AS participants,
            (SELECT string_agg(x.area, chr(31)) FROM (
                SELECT DISTINCT area FROM meeting_area WHERE meeting_id = m.id AND country_key = m.country_key) x) AS areas,
            (SELECT count(DISTINCT article_key) FROM meeting_source
             WHERE meeting_id = m.id AND country_key = m.country_key) AS source_count
        """

    static let meetingSelection = meetingColumns + " FROM meeting m"

    /// Latest first, undated last, as SQLite's `date_first_day IS NULL, date_first_day DESC, id DESC`; written
    /// as `meeting_pair_page` holds it, so that a pair's page is read in its order.
    static let meetingOrder = "ORDER BY m.date_first_day COLLATE \"C\" DESC NULLS LAST, m.id DESC"

    static func meetingSummary(_ row: [TransferValue]) throws -> MeetingSummary {
        try BackendSupport.meetingSummary(
            id: row[0].integer ?? 0, date: row[1].text, place: row[2].text, mode: row[3].text ?? "",
            status: row[4].text ?? "", countries: row[5].text, participants: row[6].text, areas: row[7].text,
            sourceCount: Int(row[8].integer ?? 0))
    }

    public func meetings(_ filter: MeetingFilter) throws -> [MeetingSummary] {
        let (query, values) = Self.meetingQuery(filter)
        // Unnamed: planned for its values each time, as the best plan depends on them (a busy country's or
        // a rare one's). A generic plan, chosen after five runs in one process, once took the busiest
        // pair's page from 20 ms to 46 at 100,000 articles.
        return try with { session in try session.rows(query, values, unnamed: true).map(Self.meetingSummary) }
    }

    /// The statement of `meetings(filter)` and its values.
    static func meetingQuery(_ filter: MeetingFilter) -> (sql: String, values: [TransferValue]) {
        let key = BackendSupport.countryKey(filter.countries)
        // A page of a pair (or more sides) is read in date order from meeting_pair_page (pairPage); any
        // other query names its sides as a condition.
        let pairPage = filter.limit != nil && key.codes.count >= 2
        var sql = PostgresFilter()
        if !pairPage { sql.requireMeetingSides(filter.countries) }
        sql.requireDates(filter, firstDay: "m.date_first_day")
        if let mode = filter.mode { sql.conditions.append("m.mode = \(sql.bind(mode.rawValue))") }
        if let status = filter.status { sql.conditions.append("m.status = \(sql.bind(status.rawValue))") }
        for name in Set(filter.participants).sorted() {
            sql.conditions.append("""
                EXISTS (SELECT 1 FROM official o JOIN meeting_participant p ON p.official_id = o.id
                        WHERE o.name = \(sql.bind(name)) AND p.meeting_id = m.id AND p.country_key = m.country_key)
                """)
        }
        if let area = filter.area {
            sql.conditions.append("EXISTS (SELECT 1 FROM meeting_area WHERE meeting_id = m.id AND country_key = m.country_key AND area = \(sql.bind(area)))")
        }
        let query: String
        if pairPage, let limit = filter.limit {
            query = "\(Self.meetingColumns) FROM \(sql.pairPage(key, limit: limit)) \(Self.meetingOrder)"
        } else if let limit = filter.limit {
            // The page of ids first, then the lists of only those meetings.
            query = """
                \(Self.meetingSelection) WHERE m.id IN (
                    SELECT m.id FROM meeting m \(sql.whereClause) \(Self.meetingOrder) LIMIT \(max(0, limit)))
                \(Self.meetingOrder)
                """
        } else {
            query = "\(Self.meetingSelection) \(sql.whereClause) \(Self.meetingOrder)"
        }
        return (query, sql.values)
    }

    public func meetingSources(ids: [Int64]) throws -> [Int64: [SourceSentence]] {
        try with { session in try Self.sources(session, table: "meeting_source", owner: "meeting_id", ids: ids) }
    }

    public func meeting(id: Int64) throws -> MeetingDetail? {
        try with { session in
            guard let row = try session.rows(Self.meetingSelection + " WHERE m.id = $1", [.integer(id)]).first else {
                return nil
            }
            let sources = try Self.sources(session, table: "meeting_source", owner: "meeting_id", ids: [id])[id] ?? []
            let reports = try session.rows("""
                SELECT mm.date, mm.place, mm.status, string_agg(DISTINCT a.id, ',') AS articles
                FROM meeting_mention mm JOIN article a ON a.key = mm.article_key
                WHERE mm.meeting_id = $1
                GROUP BY mm.date, mm.place, mm.status
                ORDER BY count(DISTINCT a.id) DESC, mm.date COLLATE "C" NULLS FIRST, mm.place COLLATE "C" NULLS FIRST,
                         mm.status COLLATE "C"
                """, [.integer(id)]).map { row in
                    let status = row[2].text ?? ""
                    guard let meetingStatus = MeetingStatus(rawValue: status) else {
                        throw StorageError.invalidStoredValue(table: "meeting_mention", column: "status", value: status)
                    }
                    return MeetingReport(
                        date: try BackendSupport.storedDate(row[0].text, table: "meeting_mention", column: "date"),
                        place: row[1].text, status: meetingStatus,
                        articleIDs: (row[3].text ?? "").split(separator: ",").map(String.init).sorted())
                }
            return MeetingDetail(meeting: try Self.meetingSummary(row), sources: sources, reports: reports)
        }
    }

    /// The sources of the owners `ids` of a link table (`meeting_source`, `agreement_source`), each
    /// owner's oldest article first (undated last), its sentence cut from the article's text.
    static func sources(_ session: PostgresSession, table: String, owner: String, ids: [Int64]) throws -> [Int64: [SourceSentence]] {
        let unique = Array(Set(ids)).sorted()
        var sources: [Int64: [SourceSentence]] = [:]
        for start in stride(from: 0, to: unique.count, by: 1000) {
            let chunk = unique[start..<min(start + 1000, unique.count)]
            let rows = try session.rows("""
                SELECT src.\(owner), a.id, a.title, a.source, a.url, a.published,
                    \(PostgresStore.sentenceText("s")), s.start_offset, s.end_offset
                FROM \(table) src
                JOIN article a ON a.key = src.article_key
                LEFT JOIN sentence s ON s.id = src.sentence_id
                WHERE src.\(owner) = ANY($1::bigint[])
                ORDER BY src.\(owner), a.published IS NULL, a.published COLLATE "C", a.id COLLATE "C", s.id NULLS FIRST
                """, [.text("{" + chunk.map(String.init).joined(separator: ",") + "}")])
            for row in rows {
                let source = SourceSentence(
                    articleID: row[1].text ?? "", title: row[2].text, source: row[3].text, url: row[4].text,
                    published: try BackendSupport.storedDate(row[5].text, table: "article", column: "published"),
                    sentence: row[6].text ?? "",
                    span: SourceSpan(start: Int(row[7].integer ?? 0), end: Int(row[8].integer ?? 0)))
                sources[row[0].integer ?? 0, default: []].append(source)
            }
        }
        return sources
    }
}
