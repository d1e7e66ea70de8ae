import Foundation
import GRDB

/// Finds the one stored official a name refers to, so that a person is one entity across articles.
///
/// Officials are keyed by (name, country). Beyond that: a name given without country is the
/// official of that name when only one country has one; a bare single word ("Xi") given with a
/// country is the official of that country whose name contains the word, when exactly one does;
/// and when a full name arrives, the bare-word and country-less officials it settles are absorbed
/// into it (their roles, sources and meetings move over), so the result does not depend on which
/// article came first.
struct OfficialResolver {
    let db: Database

    /// The official's id, created when no stored official is this person; `absorbed` collects the
    /// mentions whose participants changed, for re-clustering.
    func resolve(name: String, country: String?, absorbed: inout DerivedWrites) throws -> Int64 {
        let code = country?.uppercased()
        if let id = try exact(name: name, country: code) { return id }
        if code == nil {
            let named = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM official WHERE name = ?"),
                                           arguments: [name])
            if named.count == 1 { return named[0] }
        }
        if Self.words(name).count == 1 {
            let matches = try fullNames(country: code).filter { Self.words($0.name).contains(Self.fold(name)) }
            if matches.count == 1 { return matches[0].id }
        }
        try db.cachedStatement(sql: "INSERT INTO official(name, country) VALUES (?, ?)").execute(arguments: [name, code])
        let id = db.lastInsertedRowID
        if let code, Self.words(name).count > 1 {
            try absorbSettled(into: id, name: name, country: code, absorbed: &absorbed)
        }
        return id
    }

    private func exact(name: String, country: String?) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM official WHERE name = ? AND coalesce(country, '') = coalesce(?, '')
            """), arguments: [name, country])
    }

    /// Officials of a country (any country when nil) whose name has more than one word.
    private func fullNames(country: String?) throws -> [(id: Int64, name: String)] {
        let rows: [Row]
        if let country {
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM official WHERE country = ?"),
                                    arguments: [country])
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM official WHERE country IS NOT NULL"))
        }
        return rows.map { ($0["id"], $0["name"]) }.filter { Self.words($0.name).count > 1 }
    }

    /// Moves onto the new official `id` the country-less official of the same name and the bare-word
    /// officials of its country (or of none) that it now uniquely settles.
    private func absorbSettled(into id: Int64, name: String, country: String,
                               absorbed: inout DerivedWrites) throws {
        var settled: [Int64] = []
        if let countryless = try exact(name: name, country: nil),
           try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM official WHERE name = ?"),
                              arguments: [name]).count == 2 {
            settled.append(countryless)
        }
        let bare = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, name, country FROM official WHERE (country = ? OR country IS NULL) AND instr(name, ' ') = 0
            """), arguments: [country])
        let fullWords = Self.words(name)
        for row in bare {
            let word = Self.fold(row["name"] as String)
            guard fullWords.contains(word) else { continue }
            let rivals = try fullNames(country: row["country"] as String?)
                .filter { $0.id != id && Self.words($0.name).contains(word) }
            if rivals.isEmpty { settled.append(row["id"]) }
        }
        // The stored reports naming a settled official leave their groups (whose keys name the old id) and
        // join those of the new one afterwards; the current article's reports have no group yet.
        let units = MeetingUnits(db: db)
        var regrouped = Set<Int64>()
        for old in settled {
            regrouped.formUnion(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT mm.article_key FROM meeting_mention_participant p JOIN meeting_mention mm ON mm.id = p.mention_id
                WHERE p.official_id = ? AND mm.unit_id IS NOT NULL
                """), arguments: [old]))
        }
        var emptied: [Int64] = []
        for article in regrouped.sorted() {
            let removed = try units.remove(articleKey: article)
            emptied += removed.units
            absorbed.buckets.formUnion(removed.buckets)
        }
        for old in settled {
            absorbed.buckets.formUnion(try MeetingBucket.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT mm.country_key, mm.mode, mm.bucket_year
                FROM meeting_mention_participant p JOIN meeting_mention mm ON mm.id = p.mention_id
                WHERE p.official_id = ?
                """), arguments: [old]))
            for table in ["official_role", "official_source", "meeting_participant", "meeting_mention_participant"] {
                try db.cachedStatement(sql: "UPDATE OR IGNORE \(table) SET official_id = ? WHERE official_id = ?")
                    .execute(arguments: [id, old])
            }
            try db.cachedStatement(sql: "DELETE FROM official WHERE id = ?").execute(arguments: [old])
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
