import BilatModel
import GRDB

/// Derives the meetings of some buckets from their report groups, inside the caller's write transaction.
///
/// A bucket's work is bounded by its groups (schema 0009), not by its reports: the groups and their
/// counts come from indexed look-ups of the bucket, the clustering places groups, and a meeting whose
/// groups did not change only gains the derived rows of its new reports (`meeting_id IS NULL`, found
/// through `meeting_mention_by_unit`). A meeting id survives re-clustering when the meeting does: each
/// cluster takes the former meeting of its earliest-stored group that still has one free; the meetings
/// no cluster takes are deleted with their derived rows. Undated reports are meetings of their own
/// (``addUndated(_:)``), never clustered.
struct MeetingConsolidation {
    let db: Database
    let clustering = MeetingClustering()

    /// Re-clusters the dated buckets. `rebuild` writes every meeting's derived rows again (the upgrade to
    /// schema 0009, whose groups start with the meeting most of their reports were in).
    /// `touched`: the groups that gained reports since the last clustering (the others, if they stay in
    /// their meeting, have nothing to write).
    func recompute(_ buckets: Set<MeetingBucket>, touched: Set<Int64> = [], rebuild: Bool = false) throws {
        for bucket in buckets.sorted() where bucket.year != nil {
            try recompute(bucket, touched: touched, rebuild: rebuild)
        }
    }

    /// Makes each undated report a meeting of its own, with its derived rows.
    func addUndated(_ mentionIDs: [Int64]) throws {
        for id in mentionIDs {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT country_key, mode, status, place, meeting_id FROM meeting_mention WHERE id = ? AND date IS NULL
                """), arguments: [id]), (row[4] as Int64?) == nil else { continue }
            let mode: String = row[1], status: String = row[2]
            var record = MeetingRecord(id: nil, place: row[3],
                                       mode: try MeetingMode(rawValue: mode).orThrow(table: "meeting_mention", column: "mode", mode),
                                       status: try MeetingStatus(rawValue: status).orThrow(table: "meeting_mention", column: "status", status),
                                       countryKey: row[0])
            try record.insert(db)
            try insertCountries(of: record)
            try derive(meeting: record.id!, reports: .mention(id))
        }
    }

    private func recompute(_ bucket: MeetingBucket, touched: Set<Int64>, rebuild: Bool) throws {
        let units = try loadUnits(bucket)
        let stored = try formerMeetings(bucket)
        // Each meeting's groups before this clustering, gathered once (not a pass over the bucket per cluster).
        var formerUnits: [Int64: Set<Int64>] = [:]
        for unit in units {
            if let meeting = unit.formerMeetingID { formerUnits[meeting, default: []].insert(unit.id) }
        }
        let former = Set(stored.keys).union(formerUnits.keys)
        var taken = Set<Int64>()
        for cluster in clustering.clusters(units, mode: bucket.mode) {
            let reusable = cluster.units.sorted { $0.id < $1.id }
                .compactMap(\.formerMeetingID).first { former.contains($0) && !taken.contains($0) }
            let id = try write(cluster, bucket: bucket, reusing: reusable, stored: reusable.flatMap { stored[$0] },
                               formerUnits: reusable.flatMap { formerUnits[$0] } ?? [],
                               touched: touched, rebuild: rebuild)
            taken.insert(id)
        }
        for id in former.subtracting(taken).sorted() {
            try db.cachedStatement(sql: "DELETE FROM meeting WHERE id = ?").execute(arguments: [id])
        }
    }

    /// The bucket's groups with their counts: four statements, each one indexed range of the bucket.
    private func loadUnits(_ bucket: MeetingBucket) throws -> [UnitInput] {
        let args: StatementArguments = [bucket.countryKey, bucket.mode.rawValue, bucket.year]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, date, status, place, rank, articles, held, meeting_id, participants FROM meeting_unit
            WHERE country_key = ? AND mode = ? AND bucket_year = ?
            """), arguments: args)
        var units: [UnitInput] = []
        var index: [Int64: Int] = [:]
        while let row = try rows.next() {
            let iso: String = row[1], status: String = row[2], place: String = row[3]
            guard let date = PartialDate(iso: iso) else {
                throw StorageError.invalidStoredValue(table: "meeting_unit", column: "date", value: iso)
            }
            let key = MeetingUnitKey(
                date: date,
                status: status.isEmpty ? nil
                    : try MeetingStatus(rawValue: status).orThrow(table: "meeting_unit", column: "status", status),
                place: place.isEmpty ? nil : place,
                participants: (row[8] as String).split(separator: ",").compactMap { Int64($0) }, rank: row[4])
            let id: Int64 = row[0]
            index[id] = units.count
            units.append(UnitInput(id: id, key: key, articles: row[5], held: row[6], places: [:], participants: [],
                                   links: [], formerMeetingID: row[7]))
        }
        guard !units.isEmpty else { return [] }
        func each(_ sql: String, _ body: (Int, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: args)
            while let row = try rows.next() {
                if let at = index[row[0]] { body(at, row) }
            }
        }
        try each("""
            SELECT p.unit_id, p.place, p.articles FROM meeting_unit u JOIN meeting_unit_place p ON p.unit_id = u.id
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].places[$1[1]] = $1[2] }
        try each("""
            SELECT p.unit_id, p.official_id FROM meeting_unit u JOIN meeting_unit_participant p ON p.unit_id = u.id
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].participants.insert($1[1]) }
        try each("""
            SELECT l.unit_id, l.other_id FROM meeting_unit u JOIN meeting_unit_link l ON l.unit_id = u.id
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].links.insert($1[1]) }
        return units
    }

    /// Meetings stored for the bucket, whether or not a group still points at them, fetched in one
    /// statement so that an unchanged cluster costs no query.
    private func formerMeetings(_ bucket: MeetingBucket) throws -> [Int64: MeetingRecord] {
        guard let year = bucket.year, let span = PartialDate(year: year) else { return [:] }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, date, date_precision, date_first_day, place, mode, status, country_key FROM meeting
            WHERE country_key = ? AND mode = ? AND date_first_day BETWEEN ? AND ?
            """), arguments: [bucket.countryKey, bucket.mode.rawValue, span.firstDayISO, span.lastDayISO])
        var records: [Int64: MeetingRecord] = [:]
        while let row = try rows.next() {
            let record = try MeetingRecord(positional: row)
            records[record.id!] = record
        }
        return records
    }

    /// Stores the cluster as a meeting (updating `id` when given) with its derived rows; returns its id.
    /// A reused meeting that lost no group only gains the rows of its new reports and of the groups that
    /// joined it, so adding the hundredth report of a summit does not rewrite the other ninety-nine.
    private func write(_ cluster: UnitCluster, bucket: MeetingBucket, reusing id: Int64?, stored: MeetingRecord?,
                       formerUnits: Set<Int64>, touched: Set<Int64>, rebuild: Bool) throws -> Int64 {
        var record = MeetingRecord(id: id, place: cluster.summary.place, mode: bucket.mode,
                                   status: cluster.summary.status, countryKey: bucket.countryKey)
        record.setDate(cluster.summary.date)
        let members = Set(cluster.units.map(\.id))
        guard let id else {
            try record.insert(db)
            try insertCountries(of: record)
            for unit in cluster.units { try derive(meeting: record.id!, reports: .unit(unit.id, .notInMeeting)) }
            try setMeeting(record.id!, of: cluster.units)
            return record.id!
        }
        if try (stored ?? MeetingRecord.fetchOne(db, key: id)) != record { try record.update(db) }
        if formerUnits.isSubset(of: members), !rebuild {
            for unit in cluster.units {
                if unit.formerMeetingID != id {
                    try derive(meeting: id, reports: .unit(unit.id, .notInMeeting))
                } else if touched.contains(unit.id) {
                    try derive(meeting: id, reports: .unit(unit.id, .new))
                }
            }
        } else {
            for table in ["meeting_participant", "meeting_area", "meeting_source"] {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE meeting_id = ?").execute(arguments: [id])
            }
            for unit in cluster.units { try derive(meeting: id, reports: .unit(unit.id, .all)) }
        }
        try setMeeting(id, of: cluster.units)
        return id
    }

    private func setMeeting(_ id: Int64, of units: [UnitInput]) throws {
        for unit in units where unit.formerMeetingID != id {
            try db.cachedStatement(sql: "UPDATE meeting_unit SET meeting_id = ? WHERE id = ?").execute(arguments: [id, unit.id])
        }
    }

    private func insertCountries(of record: MeetingRecord) throws {
        for code in CountryKey(record.countryKey.split(separator: ",").map(String.init)).codes {
            try db.cachedStatement(sql: "INSERT INTO meeting_country(meeting_id, country) VALUES (?, ?)")
                .execute(arguments: [record.id!, code])
        }
    }

    /// Which reports a meeting takes the derived rows of.
    enum Reports {
        enum Scope {
            /// The group's reports in no meeting yet (new ones, or ones whose meeting was deleted).
            case new
            /// The group's reports not in this meeting (the group joined it).
            case notInMeeting
            /// All the group's reports (the meeting's rows were deleted to be written again).
            case all
        }
        case unit(Int64, Scope)
        case mention(Int64)

        var condition: String {
            switch self {
            case .mention: "mm.id = ?2"
            case .unit(_, .new): "mm.unit_id = ?2 AND mm.meeting_id IS NULL"
            case .unit(_, .notInMeeting): "mm.unit_id = ?2 AND mm.meeting_id IS NOT ?1"
            case .unit(_, .all): "mm.unit_id = ?2"
            }
        }

        var id: Int64 {
            switch self {
            case let .unit(id, _), let .mention(id): id
            }
        }
    }

    /// Adds to the meeting the participants, areas and source sentences of the reports, and points the
    /// reports at it. The primary keys reject a repeated row (sentence 0 included: no sentence).
    private func derive(meeting: Int64, reports: Reports) throws {
        let args: StatementArguments = [meeting, reports.id]
        let condition = reports.condition
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO meeting_participant(meeting_id, official_id, article_key)
            SELECT ?1, p.official_id, mm.article_key
            FROM meeting_mention mm JOIN meeting_mention_participant p ON p.mention_id = mm.id
            WHERE \(condition)
            """).execute(arguments: args)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO meeting_area(meeting_id, area, article_key)
            SELECT ?1, a.area, mm.article_key
            FROM meeting_mention mm JOIN meeting_mention_area a ON a.mention_id = mm.id
            WHERE \(condition)
            """).execute(arguments: args)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO meeting_source(meeting_id, article_key, sentence_id)
            SELECT ?1, mm.article_key, s.sentence_id
            FROM meeting_mention mm JOIN meeting_mention_source s ON s.mention_id = mm.id
            WHERE \(condition)
            """).execute(arguments: args)
        try db.cachedStatement(sql: """
            UPDATE meeting_mention AS mm SET meeting_id = ?1 WHERE \(condition) AND mm.meeting_id IS NOT ?1
            """).execute(arguments: args)
    }
}
