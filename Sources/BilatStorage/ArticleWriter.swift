import BilatModel
import Foundation
import GRDB

/// Writes one article and all its facts inside the caller's write transaction.
struct ArticleWriter {
    let db: Database
    let matcher = MeetingMatcher()

    /// Stores the article unless its text is already stored, replacing older versions of it
    /// (same url or feed id) first.
    func save(_ article: Article, facts: ArticleFacts, ingestedAt: String) throws -> SaveOutcome {
        if try ArticleRecord.exists(db, key: article.id) { return .unchanged }
        let older = try olderVersions(of: article)
        let removal = ArticleRemoval(db: db)
        for id in older { try removal.remove(articleID: id) }

        let published = article.published ?? facts.published
        try ArticleRecord(article, published: published, ingestedAt: ingestedAt).insert(db)
        let locator = try insertSentences(facts.sentences, articleID: article.id)
        let links = LinkWriter(db: db, articleID: article.id, locator: locator)

        try links.mentions(countries: facts.countries + facts.meetings.flatMap(\.countries)
            + facts.agreements.flatMap(\.countries))
        var officialIDs: [String: Int64] = [:]
        for official in facts.officials {
            let id = try links.official(official, seenOn: published)
            officialIDs[official.name] = officialIDs[official.name] ?? id
        }
        for area in facts.areas {
            try links.area(area)
        }
        for organization in facts.organizations {
            try links.organization(organization)
        }
        for meeting in facts.meetings {
            try saveMeeting(meeting, officialIDs: officialIDs, links: links)
        }
        for agreement in facts.agreements {
            try links.agreement(agreement)
        }
        for statement in facts.statements {
            try links.statement(statement)
        }
        return older.isEmpty ? .inserted : .replaced
    }

    /// Stored articles this one replaces: same non-nil url or same non-nil feed id, other text.
    private func olderVersions(of article: Article) throws -> [String] {
        var ids: [String] = []
        if let url = article.url {
            ids += try String.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM article WHERE url = ?"), arguments: [url])
        }
        if let externalID = article.externalID {
            ids += try String.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM article WHERE external_id = ?"), arguments: [externalID])
        }
        return Array(Set(ids)).sorted()
    }

    private func insertSentences(_ sentences: [Sentence], articleID: String) throws -> SentenceLocator {
        var stored: [(span: SourceSpan, id: Int64)] = []
        stored.reserveCapacity(sentences.count)
        for sentence in sentences {
            var record = SentenceRecord(id: nil, articleID: articleID, position: sentence.index,
                                        startOffset: sentence.span.start, endOffset: sentence.span.end,
                                        text: sentence.text)
            try record.insert(db)
            stored.append((sentence.span, record.id!))
        }
        return SentenceLocator(stored)
    }

    /// Attaches the report to the stored meeting it matches, or stores a new meeting.
    private func saveMeeting(_ report: Meeting, officialIDs: [String: Int64], links: LinkWriter) throws {
        let key = CountryKey(report.countries)
        var candidates: [MeetingRecord] = []
        if let window = matcher.candidateWindow(for: report) {
            candidates = try MeetingRecord.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM meeting
                WHERE country_key = ? AND mode = ? AND status = ? AND date_first_day BETWEEN ? AND ?
                """), arguments: [key.text, report.mode.rawValue, report.status.rawValue, window.first, window.last])
        }
        var meeting: MeetingRecord
        if let stored = matcher.match(report, among: candidates) {
            meeting = matcher.merged(stored, with: report)
            if meeting != stored { try meeting.update(db) }
        } else {
            meeting = MeetingRecord(id: nil, place: report.place, mode: report.mode, status: report.status,
                                    countryKey: key.text)
            meeting.setDate(report.date)
            try meeting.insert(db)
            for code in key.codes {
                try db.cachedStatement(sql: "INSERT INTO meeting_country(meeting_id, country) VALUES (?, ?)")
                    .execute(arguments: [meeting.id, code])
            }
        }
        let meetingID = meeting.id!
        for name in Set(report.participants) {
            let officialID = try officialIDs[name] ?? links.officialID(name: name, country: nil)
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_participant(meeting_id, official_id, article_id) VALUES (?, ?, ?)
                """).execute(arguments: [meetingID, officialID, links.articleID])
        }
        for area in Set(report.areas) {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_area(meeting_id, area, article_id) VALUES (?, ?, ?)
                """).execute(arguments: [meetingID, area, links.articleID])
        }
        try links.sources(table: "meeting_source", column: "meeting_id", id: meetingID, spans: report.spans)
    }
}
