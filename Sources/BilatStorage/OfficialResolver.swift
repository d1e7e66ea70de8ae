import Foundation

/// Finds the one stored official a name refers to, so that a person is one entity across articles.
///
/// Officials are keyed by (name, country). Beyond that: a name given without country is the
/// official of that name when only one country has one; a bare single word ("Xi") given with a
/// country is the official of that country whose name contains the word, when exactly one does;
/// and when a full name arrives, the bare-word and country-less officials it settles are absorbed
/// into it (their roles, sources and meetings move over), so the result does not depend on which
/// article came first.
struct OfficialResolver {
    let db: any WriteConnection

    /// The official's id, created when no stored official is this person; `absorbed` collects the
    /// mentions whose participants changed, for re-clustering.
    func resolve(name: String, country: String?, absorbed: inout DerivedWrites) throws -> Int64 {
        let code = country?.uppercased()
        if let id = try stored(name: name, country: code) { return id }
        // A new official, looked for again under the lock of its kind of creation (``CreationLock``), which
        // another writer creating a rival holds until it commits: two writers never create one person
        // twice nor absorb past each other. Two writers creating the same full name meet at the key
        // instead: the second finds the first's row once it commits.
        let singleWord = Self.words(name).count == 1
        for lock in CreationLock.official(country: code, singleWord: singleWord) {
            try db.lockCreation(lock)
        }
        if let id = try stored(name: name, country: code) { return id }
        guard let id = try db.integer("INSERT INTO official(name, country) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id",
                                      name, code) else {
            if let id = try exact(name: name, country: code) { return id }
            throw StorageError.noID("official")
        }
        if let code, !singleWord {
            try absorbSettled(into: id, name: name, country: code, absorbed: &absorbed)
        }
        return id
    }

    /// The stored official the name refers to, if there is one.
    private func stored(name: String, country code: String?) throws -> Int64? {
        if let id = try exact(name: name, country: code) { return id }
        if code == nil {
            let named = try db.integers("SELECT id FROM official WHERE name = ?", name)
            if named.count == 1 { return named[0] }
        }
        if Self.words(name).count == 1 {
            let matches = try fullNames(country: code).filter { Self.words($0.name).contains(Self.fold(name)) }
            if matches.count == 1 { return matches[0].id }
        }
        return nil
    }

    private func exact(name: String, country: String?) throws -> Int64? {
        try db.integer("SELECT id FROM official WHERE name = ? AND coalesce(country, '') = coalesce(?, '')", name, country)
    }

    /// Officials of a country (any country when nil) whose name has more than one word.
    private func fullNames(country: String?) throws -> [(id: Int64, name: String)] {
        let rows = if let country {
            try db.rows("SELECT id, name FROM official WHERE country = ?", country)
        } else {
            try db.rows("SELECT id, name FROM official WHERE country IS NOT NULL")
        }
        return try rows.map { (try $0.int(0), try $0.text(1)) }.filter { Self.words($0.name).count > 1 }
    }

    /// Moves onto the new official `id` the country-less official of the same name and the bare-word
    /// officials of its country (or of none) that it now uniquely settles.
    private func absorbSettled(into id: Int64, name: String, country: String,
                               absorbed: inout DerivedWrites) throws {
        var settled: [Int64] = []
        if let countryless = try exact(name: name, country: nil),
           try db.integers("SELECT id FROM official WHERE name = ?", name).count == 2 {
            settled.append(countryless)
        }
        let bare = try db.rows("""
            SELECT id, name, country FROM official WHERE (country = ? OR country IS NULL) AND name NOT LIKE '% %'
            """, country)
        let fullWords = Self.words(name)
        for row in bare {
            let word = Self.fold(try row.text(1))
            guard fullWords.contains(word) else { continue }
            let rivals = try fullNames(country: row.optionalText(2))
                .filter { $0.id != id && Self.words($0.name).contains(word) }
            if rivals.isEmpty { settled.append(try row.int(0)) }
        }
        // The stored reports naming a settled official leave their groups (whose keys name the old id) and
        // join those of the new one afterwards; the current article's reports have no group yet.
        let units = MeetingUnits(db: db)
        var regrouped = Set<Int64>()
        for old in settled {
            try db.lockOfficial(old)
            regrouped.formUnion(try db.integers("""
                SELECT DISTINCT mm.article_key FROM meeting_mention_participant p
                JOIN meeting_mention mm ON mm.id = p.mention_id AND mm.country_key = p.country_key
                WHERE p.official_id = ? AND mm.unit_id IS NOT NULL
                """, old))
        }
        var emptied: [MeetingUnits.GroupID] = []
        for article in regrouped.sorted() {
            let removed = try units.remove(articleKey: article)
            emptied += removed.units
            absorbed.buckets.formUnion(removed.buckets)
        }
        for old in settled {
            for row in try db.rows("""
                SELECT DISTINCT mm.country_key, mm.mode, mm.bucket_year
                FROM meeting_mention_participant p
                JOIN meeting_mention mm ON mm.id = p.mention_id AND mm.country_key = p.country_key
                WHERE p.official_id = ?
                """, old) {
                let bucket = try MeetingBucket(row)
                try db.lockBucket(bucket)
                absorbed.buckets.insert(bucket)
            }
            // Each row moves to the new official unless it has that row already (the rest go with the old
            // official, by their foreign keys' cascade).
            for (table, others) in [("official_role", ["title", "article_key"]),
                                    ("official_source", ["article_key", "sentence_id"]),
                                    ("meeting_participant", ["meeting_id", "article_key", "country_key"]),
                                    ("meeting_mention_participant", ["mention_id", "country_key"])] {
                let same = others.map { "o.\($0) = \(table).\($0)" }.joined(separator: " AND ")
                try db.execute("""
                    UPDATE \(table) SET official_id = ?1 WHERE official_id = ?2
                    AND NOT EXISTS (SELECT 1 FROM \(table) o WHERE o.official_id = ?1 AND \(same))
                    """, id, old)
            }
            try db.execute("DELETE FROM official WHERE id = ?", old)
        }
        for article in regrouped.sorted() {
            let added = try units.add(articleKey: article, regrouping: true)
            absorbed.buckets.formUnion(added.buckets)
            absorbed.units.formUnion(added.units)
        }
        try units.dropEmpty(emptied)
    }

    /// Lower-cased, diacritic-free words of a name.
    static func words(_ name: String) -> [String] {
        fold(name).split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
