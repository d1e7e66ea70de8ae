import BilatModel

/// Writes one article's facts other than meetings, and every fact→sentence link, with cached statements.
struct LinkWriter {
    let db: any WriteConnection
    /// The article's integer key (`article.key`).
    let articleKey: Int64
    let locator: SentenceLocator

    /// Records the countries the article names.
    func mentions(countries: [String]) throws {
        for code in Set(countries.map { $0.uppercased() }) {
            try db.execute("INSERT INTO article_country(article_key, country) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           articleKey, code)
        }
    }

    /// Stores an official's role, seen on the article's date, and sources under the resolved `id`.
    func official(_ official: Official, id: Int64, seenOn date: PartialDate?) throws {
        if let role = official.role {
            try db.execute("""
                INSERT INTO official_role(official_id, title, article_key, seen_on) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, id, role, articleKey, date?.iso)
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
        // Looked up first: an insert that meets the name takes no id from PostgreSQL's sequence then.
        var id = try db.integer("SELECT id FROM organization WHERE name = ?", organization.name)
        if id == nil {
            try db.execute("INSERT INTO organization(name) VALUES (?) ON CONFLICT DO NOTHING", organization.name)
            id = try db.integer("SELECT id FROM organization WHERE name = ?", organization.name)
        }
        guard let id else { throw StorageError.noID("organization") }
        for sentenceID in locator.sources(of: organization.spans) {
            try insertLink(table: "article_organization", keyColumn: "organization_id", key: id, sentenceID: sentenceID)
        }
    }

    /// Attaches the article to the same stored agreement (same kind, countries, date text and title)
    /// or stores a new one.
    func agreement(_ agreement: Agreement) throws {
        let record = AgreementRecord(agreement)
        let find = """
            SELECT id FROM agreement
            WHERE country_key = ? AND kind = ? AND date IS NOT DISTINCT FROM ? AND title IS NOT DISTINCT FROM ?
            ORDER BY id LIMIT 1
            """
        var id = try db.integer(find, record.countryKey, record.kind.rawValue, record.date, record.title)
        if id == nil {
            // Looked for again under the lock: another writer may have stored it meanwhile.
            try db.lockCreation(.agreement(record))
            id = try db.integer(find, record.countryKey, record.kind.rawValue, record.date, record.title)
        }
        if id == nil {
            guard let new = try db.integer("""
                INSERT INTO agreement(kind, date, date_precision, date_first_day, title, country_key)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """, record.kind.rawValue, record.date, record.datePrecision?.rawValue, record.dateFirstDay,
                record.title, record.countryKey) else { throw StorageError.noID("agreement") }
            for code in CountryKey(agreement.countries).codes {
                try db.execute("INSERT INTO agreement_country(agreement_id, country, country_key) VALUES (?, ?, ?)",
                               new, code, record.countryKey)
            }
            id = new
        }
        for sentenceID in locator.sources(of: agreement.spans) {
            try db.execute("""
                INSERT INTO agreement_source(article_key, agreement_id, sentence_id, country_key) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, articleKey, id ?? 0, sentenceID ?? Self.noSentence, record.countryKey)
        }
    }

    /// Stores a statement with the sentence holding it.
    func statement(_ statement: BilatModel.Statement) throws {
        try db.execute("""
            INSERT INTO statement(article_key, sentence_id, speaker, country, verb, type, start_offset, end_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, articleKey, locator.sentenceID(containing: statement.span.start), statement.speaker,
            statement.country?.uppercased(), statement.verb, statement.type.rawValue,
            statement.span.start, statement.span.end)
    }

    /// Links an entity (`official_source`) to the sentences of its spans.
    func sources(table: String, column: String, id: Int64, spans: [SourceSpan]) throws {
        for sentenceID in locator.sources(of: spans) {
            try insertLink(table: table, keyColumn: column, key: id, sentenceID: sentenceID)
        }
    }

    /// Inserts one link row unless an equal one exists (the table's primary key). A fact read outside
    /// every sentence is linked to sentence 0, which no sentence is.
    private func insertLink(table: String, keyColumn: String, key: some SQLArgument, sentenceID: Int64?) throws {
        try db.execute("INSERT INTO \(table)(article_key, \(keyColumn), sentence_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       articleKey, key, sentenceID ?? Self.noSentence)
    }

    /// The sentence id of a link to no sentence.
    static let noSentence: Int64 = 0
}
