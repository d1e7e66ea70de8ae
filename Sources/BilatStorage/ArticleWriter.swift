import BilatModel
import Foundation

/// Writes one article and all its facts inside the caller's write transaction.
///
/// What is derived from the stored facts — the meetings re-clustered from their mentions, the
/// sentences' full-text index — is left in `derived` for the end of the transaction
/// (`DerivedWrites.apply`), so that a batch of articles clusters a busy bucket once, not once an
/// article, and FTS5 flushes its terms once a batch, not at each article's savepoint.
struct ArticleWriter {
    let db: any WriteConnection

    /// Stores the article unless its text is already stored, replacing older versions of it
    /// (same url or feed id) first; adds to `derived` the meeting buckets either touches and the
    /// new sentences to index.
    func save(_ article: Article, facts: ArticleFacts, ingestedAt: String,
              derived: inout DerivedWrites) throws -> SaveOutcome {
        // The same text is unchanged, unless it now comes with a date or a source the stored one lacks
        // (``isUnchanged``, asked here without looking the article up twice).
        let again = try Self.exists(db, id: article.id)
        if again, try !Self.gainsMetadata(db, article) { return .unchanged }
        var older = try olderVersions(of: article)
        if again, !older.contains(where: { $0.id == article.id }) { older.append((id: article.id, url: article.url)) }
        let removal = ArticleRemoval(db: db)
        var buckets = Set<MeetingBucket>()
        for version in older { buckets.formUnion(try removal.remove(articleID: version.id)) }

        let published = article.published ?? facts.published
        let firstSentence = facts.sentences.isEmpty ? 0 : try db.takeSentenceIDs(facts.sentences.count)
        let key = try db.insertArticle(ArticleRowValues(
            id: article.id, externalID: article.externalID, url: article.url, source: article.source,
            title: article.title, published: published?.iso, ingestedAt: ingestedAt, bodyStart: article.bodyStart,
            datelineCity: article.datelineCity, text: article.text, firstSentence: firstSentence,
            sentenceCount: facts.sentences.count))
        let locator = try insertSentences(facts.sentences, articleKey: key, firstID: firstSentence, derived: &derived)
        let links = LinkWriter(db: db, articleKey: key, locator: locator)
        let resolver = OfficialResolver(db: db)

        try links.mentions(countries: facts.countries + facts.meetings.flatMap(\.countries)
            + facts.agreements.flatMap(\.countries))
        var officialIDs: [String: Int64] = [:]
        for official in facts.officials {
            let id = try resolver.resolve(name: official.name, country: official.country, absorbed: &derived)
            try links.official(official, id: id, seenOn: published)
            officialIDs[official.name] = officialIDs[official.name] ?? id
        }
        for area in facts.areas {
            try links.area(area)
        }
        for organization in facts.organizations {
            try links.organization(organization)
        }
        for (position, meeting) in facts.meetings.enumerated() {
            var participants: [Int64] = []
            for name in Set(meeting.participants).sorted() {
                participants.append(try officialIDs[name]
                    ?? resolver.resolve(name: name, country: nil, absorbed: &derived))
            }
            try saveMention(meeting, position: position, participants: participants, links: links)
        }
        for agreement in facts.agreements {
            try links.agreement(agreement)
        }
        for statement in facts.statements {
            try links.statement(statement)
        }
        // Its reports join their groups with the batch's derived writes (`DerivedWrites.apply`).
        derived.buckets.formUnion(buckets)
        derived.articles.append(key)
        if older.isEmpty { return .inserted }
        return .replaced(previousURLs: Set(older.compactMap(\.url)).subtracting([article.url].compactMap { $0 }).sorted())
    }

    /// True when the stored article with this text has no published date and `article` gives one, or
    /// no source and `article` gives one. Only what was missing counts: copies of one wire text with
    /// other dates or sources would otherwise replace each other at every ingest.
    static func gainsMetadata(_ db: any WriteConnection, _ article: Article) throws -> Bool {
        guard article.published != nil || article.source != nil,
              let row = try db.rows("SELECT published, source FROM article WHERE id = ?", article.id).first
        else { return false }
        return (article.published != nil && row.optionalText(0) == nil)
            || (article.source != nil && row.optionalText(1) == nil)
    }

    /// True when saving the article would change nothing: the same text is stored, and the article
    /// brings no date or source the stored one lacks (an undated wire story ingested again with
    /// --published is stored again with its date).
    static func isUnchanged(_ db: any WriteConnection, _ article: Article) throws -> Bool {
        try exists(db, id: article.id) && !gainsMetadata(db, article)
    }

    /// True when an article with this content hash is stored.
    static func exists(_ db: any WriteConnection, id: String) throws -> Bool {
        try db.integer("SELECT count(*) FROM article WHERE id = ?", id) ?? 0 > 0
    }

    /// Stored articles this one replaces, with their urls: same non-nil url or same non-nil feed id,
    /// other text.
    private func olderVersions(of article: Article) throws -> [(id: String, url: String?)] {
        var versions: [String: String?] = [:]
        if let url = article.url {
            for row in try db.rows("SELECT id FROM article WHERE url = ?", url) {
                versions[try row.text(0)] = url
            }
        }
        if let externalID = article.externalID {
            for row in try db.rows("SELECT id, url FROM article WHERE external_id = ?", externalID) {
                versions[try row.text(0)] = row.optionalText(1)
            }
        }
        return versions.map { (id: $0.key, url: $0.value) }.sorted { $0.id < $1.id }
    }

    private func insertSentences(_ sentences: [Sentence], articleKey: Int64, firstID: Int64,
                                 derived: inout DerivedWrites) throws -> SentenceLocator {
        var stored: [(span: SourceSpan, id: Int64)] = []
        stored.reserveCapacity(sentences.count)
        var rows: [(id: Int64, start: Int, end: Int)] = []
        rows.reserveCapacity(sentences.count)
        for (offset, sentence) in sentences.enumerated() {
            let id = firstID + Int64(offset)
            rows.append((id, sentence.span.start, sentence.span.end))
            derived.sentences.append((id, sentence.text))
            stored.append((sentence.span, id))
        }
        try db.insertSentences(articleKey: articleKey, rows)
        return SentenceLocator(stored)
    }

    /// Stores one meeting report as read; the meetings are derived from the reports afterwards.
    private func saveMention(_ report: Meeting, position: Int, participants: [Int64],
                             links: LinkWriter) throws {
        let mention = MeetingMentionRecord(articleKey: links.articleKey, position: position, report: report)
        guard let id = try db.integer("""
            INSERT INTO meeting_mention(article_key, position, date, date_precision, date_first_day, bucket_year,
                                        country_key, mode, status, place)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, mention.articleKey, mention.position, mention.date, mention.datePrecision?.rawValue,
            mention.dateFirstDay, mention.bucketYear, mention.countryKey, mention.mode.rawValue,
            mention.status.rawValue, mention.place) else { throw StorageError.noID("meeting_mention") }
        for officialID in participants {
            try db.execute("""
                INSERT INTO meeting_mention_participant(mention_id, official_id, country_key) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, id, officialID, mention.countryKey)
        }
        for area in Set(report.areas) {
            try db.execute("""
                INSERT INTO meeting_mention_area(mention_id, area, country_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """, id, area, mention.countryKey)
        }
        for sentenceID in links.locator.sources(of: report.spans) {
            try db.execute("""
                INSERT INTO meeting_mention_source(mention_id, sentence_id, country_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """, id, sentenceID ?? LinkWriter.noSentence, mention.countryKey)
        }
    }
}
