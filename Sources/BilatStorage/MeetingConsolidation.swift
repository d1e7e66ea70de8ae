import BilatModel
import GRDB

/// Rebuilds the meetings of some buckets from their mentions, inside the caller's write transaction.
///
/// A bucket's work is bounded by the bucket: its mentions and meetings come from indexed lookups
/// (`meeting_mention_by_bucket`, `meeting_by_bucket`). A meeting id survives re-clustering when the
/// meeting does: each cluster takes the former meeting of its earliest-stored mention that still
/// has one free; the meetings no cluster takes are deleted with their derived rows.
struct MeetingConsolidation {
    let db: Database
    let clustering = MeetingClustering()

    func recompute(_ buckets: Set<MeetingBucket>) throws {
        for bucket in buckets.sorted() {
            try recompute(bucket)
        }
    }

    private func recompute(_ bucket: MeetingBucket) throws {
        let mentions = try loadMentions(bucket)
        let stored = try formerMeetings(bucket)
        var former = Set(stored.keys)
        former.formUnion(mentions.compactMap(\.formerMeetingID))
        let formerMembers = Dictionary(grouping: mentions.filter { $0.formerMeetingID != nil }) { $0.formerMeetingID! }
            .mapValues { Set($0.map(\.id)) }
        var taken = Set<Int64>()
        for cluster in clustering.clusters(mentions) {
            let reusable = cluster.mentions.sorted { $0.id < $1.id }
                .compactMap(\.formerMeetingID).first { former.contains($0) && !taken.contains($0) }
            let id = try write(cluster, bucket: bucket, reusing: reusable, stored: reusable.flatMap { stored[$0] },
                               formerMembers: reusable.flatMap { formerMembers[$0] } ?? [])
            taken.insert(id)
        }
        for id in former.subtracting(taken).sorted() {
            try db.cachedStatement(sql: "DELETE FROM meeting WHERE id = ?").execute(arguments: [id])
        }
    }

    private func loadMentions(_ bucket: MeetingBucket) throws -> [MentionInput] {
        // One statement for the bucket, participants aggregated: no query per mention. Columns are
        // read by position from a cursor: by name, each read lowercased the name (GRDB), which with
        // the row copies was half the cost of loading a bucket.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT mm.id, a.id AS article_id, mm.article_key, mm.position, mm.date, mm.place, mm.status,
                mm.meeting_id,
                (SELECT group_concat(official_id) FROM meeting_mention_participant WHERE mention_id = mm.id)
                    AS participants
            FROM meeting_mention mm JOIN article a ON a.key = mm.article_key
            WHERE mm.country_key = ? AND mm.mode = ? AND mm.bucket_year IS ?
            """), arguments: [bucket.countryKey, bucket.mode.rawValue, bucket.year])
        var mentions: [MentionInput] = []
        while let row = try rows.next() {
            let status: String = row[6]
            let participants = (row[8] as String?)?.split(separator: ",").compactMap { Int64($0) } ?? []
            mentions.append(MentionInput(
                id: row[0], articleID: row[1], articleKey: row[2], position: row[3],
                date: try PartialDate.stored(row[4], table: "meeting_mention", column: "date"),
                place: row[5],
                status: try MeetingStatus(rawValue: status).orThrow(table: "meeting_mention", column: "status", status),
                participants: Set(participants), formerMeetingID: row[7]))
        }
        return mentions
    }

    /// Meetings stored for the bucket, whether or not a mention still points at them, fetched in one
    /// statement so that an unchanged cluster costs no query.
    private func formerMeetings(_ bucket: MeetingBucket) throws -> [Int64: MeetingRecord] {
        let columns = "id, date, date_precision, date_first_day, place, mode, status, country_key"
        let rows: RowCursor
        if let year = bucket.year {
            let span = PartialDate(year: year)!
            rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(columns) FROM meeting
                WHERE country_key = ? AND mode = ? AND date_first_day BETWEEN ? AND ?
                """), arguments: [bucket.countryKey, bucket.mode.rawValue, span.firstDayISO, span.lastDayISO])
        } else {
            rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(columns) FROM meeting WHERE country_key = ? AND mode = ? AND date_first_day IS NULL
                """), arguments: [bucket.countryKey, bucket.mode.rawValue])
        }
        var records: [Int64: MeetingRecord] = [:]
        while let row = try rows.next() {
            let record = try MeetingRecord(positional: row)
            records[record.id!] = record
        }
        return records
    }

    /// Stores the cluster as a meeting (updating `id` when given) with its derived rows; returns its id.
    /// A reused meeting that lost no mention only gains the rows of its new mentions, so adding the
    /// hundredth report of a summit does not rewrite the other ninety-nine.
    private func write(_ cluster: MentionCluster, bucket: MeetingBucket, reusing id: Int64?, stored: MeetingRecord?,
                       formerMembers: Set<Int64>) throws -> Int64 {
        var record = MeetingRecord(id: id, place: cluster.place, mode: bucket.mode, status: cluster.status,
                                   countryKey: bucket.countryKey)
        record.setDate(cluster.date)
        let meetingID: Int64
        var added = cluster.mentions
        if let id {
            meetingID = id
            if try (stored ?? MeetingRecord.fetchOne(db, key: id)) != record { try record.update(db) }
            if formerMembers.isSubset(of: Set(cluster.mentions.map(\.id))) {
                added = cluster.mentions.filter { !formerMembers.contains($0.id) }
            } else {
                for table in ["meeting_participant", "meeting_area", "meeting_source"] {
                    try db.cachedStatement(sql: "DELETE FROM \(table) WHERE meeting_id = ?").execute(arguments: [id])
                }
            }
        } else {
            try record.insert(db)
            meetingID = record.id!
            for code in CountryKey(bucket.countryKey.split(separator: ",").map(String.init)).codes {
                try db.cachedStatement(sql: "INSERT INTO meeting_country(meeting_id, country) VALUES (?, ?)")
                    .execute(arguments: [meetingID, code])
            }
        }
        for mention in added {
            let args: StatementArguments = [meetingID, mention.id]
            try db.cachedStatement(sql: "UPDATE meeting_mention SET meeting_id = ?1 WHERE id = ?2 AND meeting_id IS NOT ?1")
                .execute(arguments: args)
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_participant(meeting_id, official_id, article_key)
                SELECT ?1, p.official_id, mm.article_key
                FROM meeting_mention_participant p JOIN meeting_mention mm ON mm.id = p.mention_id
                WHERE p.mention_id = ?2
                """).execute(arguments: args)
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_area(meeting_id, area, article_key)
                SELECT ?1, a.area, mm.article_key
                FROM meeting_mention_area a JOIN meeting_mention mm ON mm.id = a.mention_id
                WHERE a.mention_id = ?2
                """).execute(arguments: args)
            // The primary key rejects a repeated sentence (sentence 0 included: no sentence).
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_source(meeting_id, article_key, sentence_id)
                SELECT ?1, mm.article_key, s.sentence_id
                FROM meeting_mention_source s JOIN meeting_mention mm ON mm.id = s.mention_id
                WHERE s.mention_id = ?2
                """).execute(arguments: args)
        }
        return meetingID
    }
}
