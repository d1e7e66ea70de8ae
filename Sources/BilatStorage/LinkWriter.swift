import BilatModel
import GRDB

/// Writes one article's facts other than meetings, and every fact→sentence link, with cached statements.
struct LinkWriter {
    let db: Database
    /// The article's integer key (`article.key`).
    let articleKey: Int64
    let locator: SentenceLocator

    /// Records the countries the article names.
    func mentions(countries: [String]) throws {
        for code in Set(countries.map { $0.uppercased() }) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_country(article_key, country) VALUES (?, ?)")
                .execute(arguments: [articleKey, code])
        }
    }

    /// Stores an official's role, seen on the article's date, and sources under the resolved `id`.
    func official(_ official: Official, id: Int64, seenOn date: PartialDate?) throws {
        if let role = official.role {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO official_role(official_id, title, article_key, seen_on) VALUES (?, ?, ?, ?)
                """).execute(arguments: [id, role, articleKey, date?.iso])
        }
        try sources(table: "official_source", column: "official_id", id: id, spans: official.spans)
    }

    /// Links a cooperation area to the article's sentences naming it.
    func area(_ area: CooperationArea) throws {
        for sentenceID in locator.sources(of: area.spans) {
            try insertLink(table: "article_area", keyColumn: "area", key: area.key, sentenceID: sentenceID)
        }
    }

    /// Links an organization (created when new) to the article's sentences naming it.
    func organization(_ organization: Organization) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO organization(name) VALUES (?)")
            .execute(arguments: [organization.name])
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM organization WHERE name = ?"),
                                    arguments: [organization.name])!
        for sentenceID in locator.sources(of: organization.spans) {
            try insertLink(table: "article_organization", keyColumn: "organization_id", key: id, sentenceID: sentenceID)
        }
    }

    /// Attaches the article to the same stored agreement (same kind, countries, date text and title)
    /// or stores a new one.
    func agreement(_ agreement: Agreement) throws {
        var record = AgreementRecord(agreement)
        let existing = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM agreement
            WHERE country_key = ? AND kind = ? AND date IS ? AND title IS ? ORDER BY id LIMIT 1
            """), arguments: [record.countryKey, record.kind.rawValue, record.date, record.title])
        let id: Int64
        if let existing {
            id = existing
        } else {
            try record.insert(db)
            id = record.id!
            for code in CountryKey(agreement.countries).codes {
                try db.cachedStatement(sql: "INSERT INTO agreement_country(agreement_id, country) VALUES (?, ?)")
                    .execute(arguments: [id, code])
            }
        }
        try sources(table: "agreement_source", column: "agreement_id", id: id, spans: agreement.spans)
    }

    /// Stores a statement with the sentence holding it.
    func statement(_ statement: BilatModel.Statement) throws {
        try db.cachedStatement(sql: """
            INSERT INTO statement(article_key, sentence_id, speaker, country, verb, type, start_offset, end_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                articleKey, locator.sentenceID(containing: statement.span.start), statement.speaker,
                statement.country?.uppercased(), statement.verb, statement.type.rawValue,
                statement.span.start, statement.span.end])
    }

    /// Links an entity (`meeting_source`, `official_source`, `agreement_source`) to the sentences of its spans.
    func sources(table: String, column: String, id: Int64, spans: [SourceSpan]) throws {
        for sentenceID in locator.sources(of: spans) {
            try insertLink(table: table, keyColumn: column, key: id, sentenceID: sentenceID)
        }
    }

    /// Inserts one link row unless an equal one exists (the table's primary key). A fact read outside
    /// every sentence is linked to sentence 0, which no sentence is.
    private func insertLink(table: String, keyColumn: String, key: some DatabaseValueConvertible,
                            sentenceID: Int64?) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(table)(article_key, \(keyColumn), sentence_id) VALUES (?, ?, ?)")
            .execute(arguments: [articleKey, key, sentenceID ?? Self.noSentence])
    }

    /// The sentence id of a link to no sentence.
    static let noSentence: Int64 = 0
}
