import BilatModel
import GRDB

/// A meeting row with its lists aggregated by SQL (names joined with U+001F).
struct MeetingRow: FetchableRecord {
    var id: Int64
    var date: String?
    var place: String?
    var mode: MeetingMode
    var status: MeetingStatus
    var countries: String?
    var participants: String?
    var areas: String?
    var sourceCount: Int

    init(id: Int64, date: String?, place: String?, mode: MeetingMode, status: MeetingStatus, countries: String?,
         participants: String?, areas: String?, sourceCount: Int) {
        self.id = id
        self.date = date
        self.place = place
        self.mode = mode
        self.status = status
        self.countries = countries
        self.participants = participants
        self.areas = areas
        self.sourceCount = sourceCount
    }

    /// Read by column index, in `selection`'s order: a Decodable row looks each column up by name
    /// through a keyed container (a third of `meetings A B` on a 558-meeting pair).
    init(row: Row) throws {
        id = row[0]
        date = row[1]
        place = row[2]
        let mode: String = row[3]
        self.mode = try MeetingMode(rawValue: mode).orThrow(table: "meeting", column: "mode", mode)
        let status: String = row[4]
        self.status = try MeetingStatus(rawValue: status).orThrow(table: "meeting", column: "status", status)
        countries = row[5]
        participants = row[6]
        areas = row[7]
        sourceCount = row[8]
    }

    /// The columns every meeting query selects from `meeting m`: one statement, no query per row.
    static let selection = """
        SELECT m.id, m.date, m.place, m.mode, m.status,
            (SELECT group_concat(country, char(31)) FROM meeting_country WHERE meeting_id = m.id) AS countries,
            (SELECT group_concat(name || char(30) || coalesce(country, ''), char(31)) FROM (
                SELECT DISTINCT o.name, o.country FROM meeting_participant p JOIN official o ON o.id = p.official_id
                WHERE p.meeting_id = m.id)) AS participants,
            (SELECT group_concat(area, char(31)) FROM (
                SELECT DISTINCT area FROM meeting_area WHERE meeting_id = m.id)) AS areas,
            (SELECT count(DISTINCT article_key) FROM meeting_source WHERE meeting_id = m.id) AS source_count
        FROM meeting m
        """

    func summary() throws -> MeetingSummary {
        // "name U+001E country" pairs, sorted by name; one name serving two countries is listed once.
        var names: [String] = [], serving: [String?] = []
        for pair in Self.list(participants) {
            let parts = pair.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if names.last == name { continue }
            names.append(name)
            serving.append(parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
        }
        return MeetingSummary(
            id: id, date: try PartialDate.stored(date, table: "meeting", column: "date"),
            countries: Self.list(countries), participants: names, participantCountries: serving, place: place,
            mode: mode, status: status, areas: Self.list(areas), sourceCount: sourceCount)
    }

    /// Splits an aggregated list, sorted. On UTF-8 bytes: U+001F is one byte that no other character's
    /// encoding contains, and splitting by Character was 8 % of an export.
    static func list(_ joined: String?) -> [String] {
        guard var joined, !joined.isEmpty else { return [] }
        return joined.withUTF8 { bytes in
            bytes.split(separator: 0x1F, omittingEmptySubsequences: true)
                .map { String(decoding: $0, as: UTF8.self) }
        }.sorted()
    }
}

/// A source sentence row of `meeting(id:)`, `agreements` and `statements`.
struct SourceRow: FetchableRecord {
    var ownerID: Int64
    var articleID: String
    var title: String?
    var source: String?
    var url: String?
    var published: String?
    var sentence: String?
    var startOffset: Int?
    var endOffset: Int?

    /// Read by column index: `owner_id` at `first`, then `columns` (exports read one a source of
    /// every event; a look-up by name searches the row's columns each time).
    init(row: Row) {
        self.init(row: row, first: 0)
    }

    init(row: Row, first: Int) {
        ownerID = row[first]
        articleID = row[first + 1]
        title = row[first + 2]
        source = row[first + 3]
        url = row[first + 4]
        published = row[first + 5]
        sentence = row[first + 6]
        startOffset = row[first + 7]
        endOffset = row[first + 8]
    }

    /// Columns after the owner id, from `article a` left-joined with `sentence s`; `init(row:)` reads
    /// them by position.
    static let columns = """
        a.id AS article_id, a.title, a.source, a.url, a.published,
        substr(CAST(sqlar_uncompress(a.text_zlib, a.text_size) AS TEXT), s.start_offset + 1, s.end_offset - s.start_offset)
            AS sentence, s.start_offset, s.end_offset
        """

    /// The sources of the owners `ids` of a link table (`meeting_source`, `agreement_source`), each
    /// owner's oldest article first; a few hundred owners a statement (bound `IN` parameters). The
    /// sentences are cut afterwards, each article's text uncompressed once for all its sentences
    /// (``SentenceTexts/texts(_:spans:)``): an export reads the sources of thousands of events, and an
    /// article is the source of several.
    static func sources(_ db: Database, table: String, owner: String, ids: [Int64]) throws -> [Int64: [SourceSentence]] {
        let unique = Array(Set(ids)).sorted()
        var rows: [SourceRow] = []
        var spans: [(row: Int, article: Int64, start: Int, end: Int)] = []
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = unique[start..<min(start + 500, unique.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT src.\(owner) AS owner_id, a.id AS article_id, a.title, a.source, a.url, a.published,
                    NULL AS sentence, s.start_offset, s.end_offset, a.key
                FROM \(table) src
                JOIN article a ON a.key = src.article_key
                LEFT JOIN sentence s ON s.id = src.sentence_id
                WHERE src.\(owner) IN (\(marks))
                ORDER BY src.\(owner), a.published IS NULL, a.published, a.id, s.id
                """, arguments: StatementArguments(Array(chunk)))
            while let row = try cursor.next() {
                let source = SourceRow(row: row)
                if let start = source.startOffset, let end = source.endOffset {
                    spans.append((rows.count, row[9], start, end))
                }
                rows.append(source)
            }
        }
        let texts = try SentenceTexts.texts(db, spans: spans.map { ($0.article, $0.start, $0.end) })
        for (span, text) in zip(spans, texts) { rows[span.row].sentence = text }
        var sources: [Int64: [SourceSentence]] = [:]
        for row in rows {
            sources[row.ownerID, default: []].append(try row.sourceSentence())
        }
        return sources
    }

    /// The source; a link without a sentence shows an empty sentence at offset 0.
    func sourceSentence() throws -> SourceSentence {
        SourceSentence(
            articleID: articleID, title: title, source: source, url: url,
            published: try PartialDate.stored(published, table: "article", column: "published"),
            sentence: sentence ?? "", span: SourceSpan(start: startOffset ?? 0, end: endOffset ?? 0))
    }
}

/// SQL conditions shared by the queries: countries joined once each, dates compared by first day.
/// Built with GRDB's SQL interpolation, so that each value is bound where it appears in the text: a
/// condition carries its own arguments, and no order of appending can put a value in the wrong place.
struct FilterSQL {
    var joins: [SQL] = []
    var conditions: [SQL] = []

    /// Requires every filter country among `table`'s rows for the owner `ownerColumn`.
    mutating func requireCountries(_ countries: [String], table: String, column: String, ownerColumn: String) {
        for (i, code) in Set(countries.map { $0.uppercased() }).sorted().enumerated() {
            let alias = "c\(i)"
            joins.append("JOIN \(sql: table) \(sql: alias) ON \(sql: alias).\(sql: column) = \(sql: ownerColumn) AND \(sql: alias).country = \(code)")
        }
    }

    /// Requires every filter country among `table`'s rows for the owner, as an `IN` over the country
    /// index alone: the owners of all the countries are intersected before any owner row is read
    /// (the joins read the row of every meeting of the first country: 9,739 for DZ to return 931).
    mutating func requireCountriesFirst(_ countries: [String], table: String, column: String, ownerColumn: String) {
        let codes = Set(countries.map { $0.uppercased() }).sorted()
        guard let first = codes.first else { return }
        var select: SQL = "SELECT c0.\(sql: column) FROM \(sql: table) c0"
        for (i, code) in codes.dropFirst().enumerated() {
            let alias = "c\(i + 1)"
            select += " JOIN \(sql: table) \(sql: alias) ON \(sql: alias).\(sql: column) = c0.\(sql: column) AND \(sql: alias).country = \(code)"
        }
        conditions.append("\(sql: ownerColumn) IN (\(literal: select) WHERE c0.country = \(first))")
    }

    /// Requires every filter country among a meeting's sides. Two or more countries: the meetings of
    /// exactly those sides by `meeting.country_key` (an index lookup), and those of more sides from the
    /// partial index `meeting_multilateral` (keys longer than a pair's five characters), each side probed
    /// in `meeting_country`; one country: its meetings from `meeting_country`.
    mutating func requireMeetingSides(_ countries: [String]) {
        let key = CountryKey(countries)
        guard key.codes.count >= 2 else {
            return requireCountriesFirst(countries, table: "meeting_country", column: "meeting_id", ownerColumn: "m.id")
        }
        conditions.append("""
            m.id IN (SELECT id FROM meeting WHERE country_key = \(key.text)
                     UNION ALL
                     SELECT x.id FROM meeting x INDEXED BY meeting_multilateral
                     WHERE \(literal: Self.moreSides(key, alias: "x")))
            """)
    }

    /// Keeps dates whose first day lies in [from's first day, to's last day]; undated rows are left out.
    mutating func requireDates(_ filter: MeetingFilter, firstDay: String) {
        if let from = filter.from { conditions.append("\(sql: firstDay) >= \(from.firstDayISO)") }
        if let to = filter.to { conditions.append("\(sql: firstDay) <= \(to.lastDayISO)") }
    }

    /// The ids of a page of the meetings of `sides` (two or more countries) that meet the conditions,
    /// latest first: those of exactly these sides read in date order from meeting_by_pair_date, which
    /// stops at `limit` rows instead of sorting all of a pair's meetings, and those of more sides from
    /// the partial index meeting_multilateral, merged. SQLite sorts NULL before any value, so
    /// `date_first_day DESC` puts undated meetings last, as the queries' `IS NULL` term does.
    func pairPage(_ sides: CountryKey, limit: Int) -> SQL {
        let rest: SQL = conditions.isEmpty ? "" : " AND \(literal: conditions.joined(separator: " AND "))"
        let order: SQL = "ORDER BY m.date_first_day DESC, m.id DESC LIMIT \(sql: String(max(0, limit)))"
        return """
            SELECT id FROM (
                SELECT * FROM (SELECT m.id, m.date_first_day FROM meeting m INDEXED BY meeting_by_pair_date
                               WHERE m.country_key = \(sides.text)\(literal: rest) \(literal: order))
                UNION ALL
                SELECT * FROM (SELECT m.id, m.date_first_day FROM meeting m INDEXED BY meeting_multilateral
                               WHERE \(literal: Self.moreSides(sides, alias: "m"))\(literal: rest) \(literal: order)))
            ORDER BY date_first_day DESC, id DESC LIMIT \(sql: String(max(0, limit)))
            """
    }

    /// A meeting `alias` of more sides than `key`'s, every one of them among its own: through the partial
    /// index meeting_multilateral (keys longer than a pair's five characters), each side probed in
    /// meeting_country.
    static func moreSides(_ key: CountryKey, alias: String) -> SQL {
        let probes = key.codes.map { code -> SQL in
            "EXISTS (SELECT 1 FROM meeting_country WHERE meeting_id = \(sql: alias).id AND country = \(code))"
        }
        return """
            length(\(sql: alias).country_key) > 5 AND length(\(sql: alias).country_key) > \(key.text.count) \
            AND \(literal: probes.joined(separator: " AND "))
            """
    }

    var joinClause: SQL { joins.joined(separator: " ") }

    var whereClause: SQL {
        conditions.isEmpty ? "" : "WHERE \(literal: conditions.joined(separator: " AND "))"
    }

    func limitClause(_ limit: Int?) -> SQL {
        limit.map { "LIMIT \(sql: String(max(0, $0)))" } ?? ""
    }
}

extension SQLiteStore {
    public func meetings(_ filter: MeetingFilter) throws -> [MeetingSummary] {
        let sides = CountryKey(filter.countries)
        // A page of a pair (or more sides) is read in date order from meeting_by_pair_date (below); any
        // other query names its sides as a condition.
        let pairPage = filter.limit != nil && sides.codes.count >= 2
        var sql = FilterSQL()
        if !pairPage { sql.requireMeetingSides(filter.countries) }
        sql.requireDates(filter, firstDay: "m.date_first_day")
        if let mode = filter.mode { sql.conditions.append("m.mode = \(mode.rawValue)") }
        if let status = filter.status { sql.conditions.append("m.status = \(status.rawValue)") }
        for name in Set(filter.participants).sorted() {
            sql.conditions.append("""
                EXISTS (SELECT 1 FROM official o JOIN meeting_participant p ON p.official_id = o.id
                        WHERE o.name = \(name) AND p.meeting_id = m.id)
                """)
        }
        // The meeting's own areas (what its sentences say was discussed), not every area its articles name.
        if let area = filter.area {
            sql.conditions.append("EXISTS (SELECT 1 FROM meeting_area WHERE meeting_id = m.id AND area = \(area))")
        }
        // The page of ids first, then the lists of only those meetings: SQLite computes a selection's
        // subqueries for every row it sorts, before the LIMIT.
        let order = "ORDER BY m.date_first_day IS NULL, m.date_first_day DESC, m.id DESC"
        let query: SQL
        if pairPage, let limit = filter.limit {
            query = """
                \(sql: MeetingRow.selection) WHERE m.id IN (\(literal: sql.pairPage(sides, limit: limit)))
                \(sql: order)
                """
        } else if filter.limit == nil {
            query = "\(sql: MeetingRow.selection) \(literal: sql.joinClause) \(literal: sql.whereClause) \(sql: order)"
        } else {
            query = """
                \(sql: MeetingRow.selection) WHERE m.id IN (
                    SELECT m.id FROM meeting m \(literal: sql.joinClause) \(literal: sql.whereClause) \(sql: order) \(literal: sql.limitClause(filter.limit)))
                \(sql: order)
                """
        }
        return try pool.read { db in
            try SQLRequest<MeetingRow>(literal: query).fetchAll(db).map { try $0.summary() }
        }
    }

    /// The sources of many meetings, a few hundred meetings a statement (bound `IN` parameters).
    public func meetingSources(ids: [Int64]) throws -> [Int64: [SourceSentence]] {
        try pool.read { db in try SourceRow.sources(db, table: "meeting_source", owner: "meeting_id", ids: ids) }
    }

    public func meeting(id: Int64) throws -> MeetingDetail? {
        try pool.read { db in
            guard let row = try MeetingRow.fetchOne(db, sql: MeetingRow.selection + " WHERE m.id = ?",
                                                    arguments: [id]) else { return nil }
            let sources = try SourceRow.sources(db, table: "meeting_source", owner: "meeting_id", ids: [id])[id] ?? []
            let reports = try Row.fetchAll(db, sql: """
                SELECT mm.date, mm.place, mm.status, group_concat(DISTINCT a.id) AS articles
                FROM meeting_mention mm JOIN article a ON a.key = mm.article_key
                WHERE mm.meeting_id = ?
                GROUP BY mm.date, mm.place, mm.status
                ORDER BY count(DISTINCT a.id) DESC, mm.date, mm.place, mm.status
                """, arguments: [id]).map { row in
                    let status: String = row["status"]
                    return MeetingReport(
                        date: try PartialDate.stored(row["date"], table: "meeting_mention", column: "date"),
                        place: row["place"],
                        status: try MeetingStatus(rawValue: status).orThrow(table: "meeting_mention", column: "status", status),
                        articleIDs: ((row["articles"] as String?) ?? "").split(separator: ",").map(String.init).sorted())
                }
            return MeetingDetail(meeting: try row.summary(), sources: sources, reports: reports)
        }
    }
}
