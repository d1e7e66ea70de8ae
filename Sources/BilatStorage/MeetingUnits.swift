import BilatModel

/// Keeps the report groups (`meeting_unit` and its counts, schema 0009) in step with the stored reports:
/// an article adds one to the counts of the groups its reports fall in when it is saved, and takes
/// one away when it is removed. The work is the article's own reports, never the group's.
struct MeetingUnits {
    let db: any WriteConnection

    /// One article's share of one group.
    struct Share {
        var bucket: MeetingBucket
        var key: MeetingUnitKey
        var mentionIDs: [Int64]
        var held: Bool
        var places: Set<String>
        var participants: Set<Int64>
        var unitID: Int64?
    }

    /// A group as one article's reports name it: its bucket and its key within the bucket.
    private struct Key: Hashable {
        var bucket: MeetingBucket
        var unit: MeetingUnitKey
    }

    /// The article's stored reports, grouped: its dated shares and its undated reports (with the meeting
    /// each is in, if any).
    func shares(ofArticle key: Int64) throws -> (dated: [Share], undated: [(id: Int64, meetingID: Int64?, countryKey: String)]) {
        typealias Report = (id: Int64, date: PartialDate?, status: MeetingStatus, place: String?, countryKey: String,
                            mode: MeetingMode, unitID: Int64?, meetingID: Int64?, participants: Set<Int64>)
        var reports: [Report] = []
        try db.each("""
            SELECT mm.id, mm.position, mm.date, mm.status, mm.place, mm.country_key, mm.mode, mm.unit_id, mm.meeting_id,
                (SELECT \(db.backend.joinedIDs("official_id")) FROM meeting_mention_participant
                 WHERE mention_id = mm.id AND country_key = mm.country_key)
            FROM meeting_mention mm WHERE mm.article_key = ? ORDER BY mm.position
            """, [.integer(key)]) { row in
            let status = try row.text(3), mode = try row.text(6)
            let participants = row.optionalText(9)?.split(separator: ",").compactMap { Int64($0) } ?? []
            reports.append((try row.int(0), try PartialDate.stored(row.optionalText(2), table: "meeting_mention", column: "date"),
                            try MeetingStatus(rawValue: status).orThrow(table: "meeting_mention", column: "status", status),
                            row.optionalText(4), try row.text(5),
                            try MeetingMode(rawValue: mode).orThrow(table: "meeting_mention", column: "mode", mode),
                            row.optionalInt(7), row.optionalInt(8), Set(participants)))
        }
        var dated: [Share] = []
        var undated: [(id: Int64, meetingID: Int64?, countryKey: String)] = []
        var index: [Key: Int] = [:]
        // Keys are ranked within the reports of one pair and mode, in position order (the rows' order).
        let bySides = Dictionary(grouping: reports.indices) {
            MeetingBucket(countryKey: reports[$0].countryKey, mode: reports[$0].mode, year: nil)
        }
        for sides in bySides.keys.sorted() {
            let indices = bySides[sides]!
            let keys = MeetingUnitKey.keys(indices.map { (reports[$0].date, reports[$0].status, reports[$0].place, reports[$0].participants) })
            for (i, key) in zip(indices, keys) {
                let report = reports[i]
                guard let key else { undated.append((report.id, report.meetingID, report.countryKey)); continue }
                let share = Key(bucket: MeetingBucket(countryKey: sides.countryKey, mode: sides.mode, year: key.date.year), unit: key)
                if let at = index[share] {
                    dated[at].mentionIDs.append(report.id)
                    dated[at].held = dated[at].held || report.status == .held
                    if let place = report.place { dated[at].places.insert(place) }
                    dated[at].participants.formUnion(report.participants)
                } else {
                    index[share] = dated.count
                    dated.append(Share(bucket: share.bucket, key: key, mentionIDs: [report.id], held: report.status == .held,
                                       places: Set([report.place].compactMap { $0 }), participants: report.participants,
                                       unitID: report.unitID))
                }
            }
        }
        return (dated, undated)
    }

    /// The buckets of an article's dated reports.
    func datedBuckets(ofArticle key: Int64) throws -> Set<MeetingBucket> {
        Set(try db.rows("""
            SELECT DISTINCT country_key, mode, bucket_year FROM meeting_mention WHERE article_key = ? AND date IS NOT NULL
            """, key).map(MeetingBucket.init))
    }

    /// Adds a newly stored article's reports to their groups (creating them), sets each report's group,
    /// and returns the groups and buckets touched and the undated reports, which are meetings of their own.
    /// `regrouping` an article already stored (its officials were merged, so its groups' keys changed)
    /// first takes its dated reports out of their meetings with their derived rows, for the groups they
    /// join now to give them back.
    func add(articleKey: Int64, regrouping: Bool = false)
        throws -> (units: Set<Int64>, buckets: Set<MeetingBucket>, undated: [Int64]) {
        if regrouping {
            for table in ["meeting_participant", "meeting_area", "meeting_source"] {
                try db.execute("""
                    DELETE FROM \(table) WHERE article_key = ?1 AND (country_key, meeting_id) IN (
                        SELECT country_key, meeting_id FROM meeting_mention WHERE article_key = ?1 AND date IS NOT NULL)
                    """, articleKey)
            }
            try db.execute("UPDATE meeting_mention SET meeting_id = NULL WHERE article_key = ? AND date IS NOT NULL", articleKey)
        }
        let (shares, undated) = try shares(ofArticle: articleKey)
        var ids: [Int64] = []
        for bucket in Set(shares.map(\.bucket)).sorted() { try db.lockBucket(bucket) }
        for share in shares {
            // PostgreSQL's upsert takes an id from the sequence even when it updates: the group is looked
            // for first there, so that both backends number groups alike.
            if db.backend == .postgres, let id = try db.integer("""
                UPDATE meeting_unit SET articles = articles + 1, held = held + ?
                WHERE country_key = ? AND mode = ? AND bucket_year = ? AND date = ? AND status = ? AND place = ?
                    AND participants = ? AND rank = ?
                RETURNING id
                """, share.held ? 1 : 0, share.bucket.countryKey, share.bucket.mode.rawValue, share.key.date.year,
                share.key.date.iso, share.key.status?.rawValue ?? "", share.key.place ?? "",
                share.key.participantsText, share.key.rank) {
                try joined(share, unit: id)
                ids.append(id)
                continue
            }
            guard let id = try db.integer("""
                INSERT INTO meeting_unit(country_key, mode, bucket_year, date, status, place, participants, rank,
                                         articles, held)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (country_key, mode, bucket_year, date, status, place, participants, rank)
                DO UPDATE SET articles = meeting_unit.articles + 1, held = meeting_unit.held + excluded.held
                RETURNING id
                """, share.bucket.countryKey, share.bucket.mode.rawValue, share.key.date.year,
                share.key.date.iso, share.key.status?.rawValue ?? "", share.key.place ?? "",
                share.key.participantsText, share.key.rank, share.held ? 1 : 0) else { throw StorageError.noID("meeting_unit") }
            ids.append(id)
            try joined(share, unit: id)
        }
        try link(shares, ids: ids, by: 1)
        return (Set(ids), Set(shares.map(\.bucket)), undated.map(\.id))
    }

    /// Counts a share's places and participants in its group and points its reports at it.
    private func joined(_ share: Share, unit id: Int64) throws {
        try count(share, unit: id, by: 1)
        for mention in share.mentionIDs {
            try db.execute("UPDATE meeting_mention SET unit_id = ? WHERE id = ? AND country_key = ?", id, mention,
                           share.bucket.countryKey)
        }
    }

    /// Takes a stored article's reports out of their groups' counts, before the article is deleted; returns
    /// the groups (to drop with ``dropEmpty(_:)`` once the article is gone), the buckets touched, and the
    /// meetings of its undated reports.
    func remove(articleKey: Int64) throws
        -> (units: [GroupID], buckets: Set<MeetingBucket>, undatedMeetings: [(id: Int64, countryKey: String)]) {
        let (shares, undated) = try shares(ofArticle: articleKey)
        for bucket in Set(shares.map(\.bucket)).sorted() { try db.lockBucket(bucket) }
        var ids: [Int64] = []
        for share in shares {
            guard let id = share.unitID else { continue }
            ids.append(id)
            try db.execute("UPDATE meeting_unit SET articles = articles - 1, held = held - ? WHERE id = ? AND country_key = ?",
                           share.held ? 1 : 0, id, share.bucket.countryKey)
            try count(share, unit: id, by: -1)
        }
        try link(shares.filter { $0.unitID != nil }, ids: ids, by: -1)
        let groups = shares.compactMap { share in share.unitID.map { GroupID(id: $0, countryKey: share.bucket.countryKey) } }
        return (groups, Set(shares.map(\.bucket)), undated.compactMap { report in report.meetingID.map { ($0, report.countryKey) } })
    }

    /// Deletes the groups left without an article (their reports are gone).
    func dropEmpty(_ units: [GroupID]) throws {
        for unit in units {
            try db.execute("DELETE FROM meeting_unit WHERE id = ? AND country_key = ? AND articles = 0", unit.id, unit.countryKey)
        }
    }

    /// A group's id with its pair.
    struct GroupID {
        var id: Int64
        var countryKey: String
    }

    private func count(_ share: Share, unit id: Int64, by delta: Int) throws {
        // A decrement is an UPDATE: SQLite checks CHECK constraints before it looks for the conflict of an
        // upsert, so the -1 of an upsert would be refused as a row of its own.
        for place in share.places.sorted() {
            try db.execute(delta > 0 ? """
                INSERT INTO meeting_unit_place(unit_id, place, articles, country_key) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (unit_id, place, country_key) DO UPDATE SET articles = meeting_unit_place.articles + 1
                """ : "UPDATE meeting_unit_place SET articles = articles - 1 WHERE unit_id = ?1 AND place = ?2 AND country_key = ?3",
                id, place, share.bucket.countryKey)
        }
        for official in share.participants.sorted() {
            try db.execute(delta > 0 ? """
                INSERT INTO meeting_unit_participant(unit_id, official_id, articles, country_key) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (unit_id, official_id, country_key) DO UPDATE SET articles = meeting_unit_participant.articles + 1
                """ : """
                UPDATE meeting_unit_participant SET articles = articles - 1 WHERE unit_id = ?1 AND official_id = ?2 AND country_key = ?3
                """, id, official, share.bucket.countryKey)
        }
        if delta < 0 {
            try db.execute("DELETE FROM meeting_unit_place WHERE unit_id = ? AND country_key = ? AND articles <= 0",
                           id, share.bucket.countryKey)
            try db.execute("DELETE FROM meeting_unit_participant WHERE unit_id = ? AND country_key = ? AND articles <= 0",
                           id, share.bucket.countryKey)
        }
    }

    /// Counts, both ways round, the article shared by each two of its groups of one bucket.
    private func link(_ shares: [Share], ids: [Int64], by delta: Int) throws {
        for i in shares.indices {
            for j in shares.indices where j != i && shares[j].bucket == shares[i].bucket && ids[j] != ids[i] {
                if delta > 0 {
                    try db.execute("""
                        INSERT INTO meeting_unit_link(unit_id, other_id, articles, country_key) VALUES (?1, ?2, 1, ?3)
                        ON CONFLICT (unit_id, other_id, country_key) DO UPDATE SET articles = meeting_unit_link.articles + 1
                        """, ids[i], ids[j], shares[i].bucket.countryKey)
                } else {
                    try db.execute("""
                        UPDATE meeting_unit_link SET articles = articles - 1 WHERE unit_id = ? AND other_id = ? AND country_key = ?
                        """, ids[i], ids[j], shares[i].bucket.countryKey)
                    try db.execute("""
                        DELETE FROM meeting_unit_link WHERE unit_id = ? AND other_id = ? AND country_key = ? AND articles <= 0
                        """, ids[i], ids[j], shares[i].bucket.countryKey)
                }
            }
        }
    }
}
