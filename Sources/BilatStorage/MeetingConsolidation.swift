import BilatModel

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
    let db: any WriteConnection
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
            guard let row = try db.rows("""
                SELECT country_key, mode, status, place, meeting_id FROM meeting_mention WHERE id = ? AND date IS NULL
                """, id).first, row.optionalInt(4) == nil else { continue }
            let mode = try row.text(1), status = try row.text(2)
            var record = MeetingRecord(id: nil, place: row.optionalText(3),
                                       mode: try MeetingMode(rawValue: mode).orThrow(table: "meeting_mention", column: "mode", mode),
                                       status: try MeetingStatus(rawValue: status).orThrow(table: "meeting_mention", column: "status", status),
                                       countryKey: try row.text(0))
            let meeting = try insert(&record)
            try derive(meeting: meeting, countryKey: record.countryKey, reports: .mention(id))
        }
    }

    private func recompute(_ bucket: MeetingBucket, touched: Set<Int64>, rebuild: Bool) throws {
        try db.lockBucket(bucket)
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
            try Self.deleteMeeting(id, countryKey: bucket.countryKey, on: db)
        }
    }

    /// The bucket's groups with their counts: four statements, each one indexed range of the bucket.
    private func loadUnits(_ bucket: MeetingBucket) throws -> [UnitInput] {
        let args: [TransferValue] = [.text(bucket.countryKey), .text(bucket.mode.rawValue), bucket.year.sqlValue]
        var units: [UnitInput] = []
        var index: [Int64: Int] = [:]
        try db.each("""
            SELECT id, date, status, place, rank, articles, held, meeting_id, participants FROM meeting_unit
            WHERE country_key = ? AND mode = ? AND bucket_year = ?
            """, args) { row in
            let iso = try row.text(1), status = try row.text(2), place = try row.text(3)
            guard let date = PartialDate(iso: iso) else {
                throw StorageError.invalidStoredValue(table: "meeting_unit", column: "date", value: iso)
            }
            let key = MeetingUnitKey(
                date: date,
                status: status.isEmpty ? nil
                    : try MeetingStatus(rawValue: status).orThrow(table: "meeting_unit", column: "status", status),
                place: place.isEmpty ? nil : place,
                participants: try row.text(8).split(separator: ",").compactMap { Int64($0) }, rank: Int(try row.int(4)))
            let id = try row.int(0)
            index[id] = units.count
            units.append(UnitInput(id: id, key: key, articles: Int(try row.int(5)), held: Int(try row.int(6)), places: [:],
                                   participants: [], links: [], formerMeetingID: row.optionalInt(7)))
        }
        guard !units.isEmpty else { return [] }
        func each(_ sql: String, _ body: (Int, SQLRow) throws -> Void) throws {
            try db.each(sql, args) { row in
                if let at = index[try row.int(0)] { try body(at, row) }
            }
        }
        try each("""
            SELECT p.unit_id, p.place, p.articles FROM meeting_unit u JOIN meeting_unit_place p ON p.unit_id = u.id AND p.country_key = u.country_key
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].places[try $1.text(1)] = Int(try $1.int(2)) }
        try each("""
            SELECT p.unit_id, p.official_id FROM meeting_unit u JOIN meeting_unit_participant p ON p.unit_id = u.id AND p.country_key = u.country_key
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].participants.insert(try $1.int(1)) }
        try each("""
            SELECT l.unit_id, l.other_id FROM meeting_unit u JOIN meeting_unit_link l ON l.unit_id = u.id AND l.country_key = u.country_key
            WHERE u.country_key = ? AND u.mode = ? AND u.bucket_year = ?
            """) { units[$0].links.insert(try $1.int(1)) }
        return units
    }

    /// Meetings stored for the bucket, whether or not a group still points at them, fetched in one
    /// statement so that an unchanged cluster costs no query.
    private func formerMeetings(_ bucket: MeetingBucket) throws -> [Int64: MeetingRecord] {
        guard let year = bucket.year, let span = PartialDate(year: year) else { return [:] }
        var records: [Int64: MeetingRecord] = [:]
        try db.each("""
            SELECT id, date, date_precision, date_first_day, place, mode, status, country_key FROM meeting
            WHERE country_key = ? AND mode = ? AND date_first_day BETWEEN ? AND ?
            """, [.text(bucket.countryKey), .text(bucket.mode.rawValue), .text(span.firstDayISO), .text(span.lastDayISO)]) { row in
            let record = try MeetingRecord(positional: row)
            records[try row.int(0)] = record
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
            let new = try insert(&record)
            for unit in cluster.units { try derive(meeting: new, countryKey: bucket.countryKey, reports: .unit(unit.id, .notInMeeting)) }
            try setMeeting(new, countryKey: bucket.countryKey, of: cluster.units)
            return new
        }
        if try (stored ?? fetchMeeting(id)) != record {
            // A meeting's pair never changes (it is its bucket's): the key it is spread by is not written.
            try db.execute("""
                UPDATE meeting SET date = ?, date_precision = ?, date_first_day = ?, place = ?, mode = ?, status = ?
                WHERE id = ? AND country_key = ?
                """, record.date, record.datePrecision?.rawValue, record.dateFirstDay, record.place, record.mode.rawValue,
                record.status.rawValue, id, record.countryKey)
        }
        if formerUnits.isSubset(of: members), !rebuild {
            for unit in cluster.units {
                if unit.formerMeetingID != id {
                    try derive(meeting: id, countryKey: bucket.countryKey, reports: .unit(unit.id, .notInMeeting))
                } else if touched.contains(unit.id) {
                    try derive(meeting: id, countryKey: bucket.countryKey, reports: .unit(unit.id, .new))
                }
            }
        } else {
            for table in ["meeting_participant", "meeting_area", "meeting_source"] {
                try db.execute("DELETE FROM \(table) WHERE meeting_id = ? AND country_key = ?", id, bucket.countryKey)
            }
            for unit in cluster.units { try derive(meeting: id, countryKey: bucket.countryKey, reports: .unit(unit.id, .all)) }
        }
        try setMeeting(id, countryKey: bucket.countryKey, of: cluster.units)
        return id
    }

    private func setMeeting(_ id: Int64, countryKey: String, of units: [UnitInput]) throws {
        for unit in units where unit.formerMeetingID != id {
            try db.execute("UPDATE meeting_unit SET meeting_id = ? WHERE id = ? AND country_key = ?", id, unit.id, countryKey)
        }
    }

    /// Stores a new meeting with its countries; returns (and sets) its id.
    private func insert(_ record: inout MeetingRecord) throws -> Int64 {
        guard let id = try db.integer("""
            INSERT INTO meeting(date, date_precision, date_first_day, place, mode, status, country_key)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, record.date, record.datePrecision?.rawValue, record.dateFirstDay, record.place, record.mode.rawValue,
            record.status.rawValue, record.countryKey) else { throw StorageError.noID("meeting") }
        record.id = id
        for code in CountryKey(record.countryKey.split(separator: ",").map(String.init)).codes {
            try db.execute("INSERT INTO meeting_country(meeting_id, country, country_key) VALUES (?, ?, ?)",
                           id, code, record.countryKey)
        }
        return id
    }

    /// Deletes a meeting with its derived rows, its reports and groups first pointed at no meeting (the
    /// foreign keys that name the pair cannot set them to NULL themselves on PostgreSQL).
    static func deleteMeeting(_ id: Int64, countryKey: String, on db: any WriteConnection) throws {
        try db.execute("UPDATE meeting_mention SET meeting_id = NULL WHERE meeting_id = ? AND country_key = ?", id, countryKey)
        try db.execute("UPDATE meeting_unit SET meeting_id = NULL WHERE meeting_id = ? AND country_key = ?", id, countryKey)
        try db.execute("DELETE FROM meeting WHERE id = ? AND country_key = ?", id, countryKey)
    }

    private func fetchMeeting(_ id: Int64) throws -> MeetingRecord? {
        try db.rows("""
            SELECT id, date, date_precision, date_first_day, place, mode, status, country_key FROM meeting WHERE id = ?
            """, id).first.map(MeetingRecord.init(positional:))
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
            case .mention: "mm.id = ?2 AND mm.country_key = ?3"
            case .unit(_, .new): "mm.unit_id = ?2 AND mm.country_key = ?3 AND mm.meeting_id IS NULL"
            case .unit(_, .notInMeeting): "mm.unit_id = ?2 AND mm.country_key = ?3 AND mm.meeting_id IS DISTINCT FROM ?1"
            case .unit(_, .all): "mm.unit_id = ?2 AND mm.country_key = ?3"
            }
        }

        var id: Int64 {
            switch self {
            case let .unit(id, _), let .mention(id): id
            }
        }
    }

    /// Adds to the meeting the participants, areas and source sentences of the reports, and points the
    /// reports at it. The primary keys reject a repeated row (sentence 0 included: no sentence). Every
    /// table is read and joined on the pair too (`countryKey`, the reports' and the meeting's), so that a
    /// knowledge base spread by pair (Citus) runs it on the one server that holds the pair.
    private func derive(meeting: Int64, countryKey: String, reports: Reports) throws {
        let args: [TransferValue] = [.integer(meeting), .integer(reports.id), .text(countryKey)]
        let condition = reports.condition
        try db.execute("""
            INSERT INTO meeting_participant(meeting_id, official_id, article_key, country_key)
            SELECT ?1, p.official_id, mm.article_key, mm.country_key
            FROM meeting_mention mm JOIN meeting_mention_participant p ON p.mention_id = mm.id AND p.country_key = mm.country_key
            WHERE \(condition)
            ON CONFLICT DO NOTHING
            """, args)
        try db.execute("""
            INSERT INTO meeting_area(meeting_id, area, article_key, country_key)
            SELECT ?1, a.area, mm.article_key, mm.country_key
            FROM meeting_mention mm JOIN meeting_mention_area a ON a.mention_id = mm.id AND a.country_key = mm.country_key
            WHERE \(condition)
            ON CONFLICT DO NOTHING
            """, args)
        try db.execute("""
            INSERT INTO meeting_source(meeting_id, article_key, sentence_id, country_key)
            SELECT ?1, mm.article_key, s.sentence_id, mm.country_key
            FROM meeting_mention mm JOIN meeting_mention_source s ON s.mention_id = mm.id AND s.country_key = mm.country_key
            WHERE \(condition)
            ON CONFLICT DO NOTHING
            """, args)
        try db.execute("""
            UPDATE meeting_mention AS mm SET meeting_id = ?1 WHERE \(condition) AND mm.meeting_id IS DISTINCT FROM ?1
            """, args)
    }
}
