import BilatModel
import Foundation
import GRDB
import Testing
@testable import BilatStorage

@Suite("Migration 0002: meetings from mentions")
struct MentionMigrationTests {
    @Test("a database made with only 0001 upgrades to the current schema with its data intact")
    func upgradeFromVersionOne() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let files = try SchemaMigrations.bundledFiles()
        do {
            // Given a version-1 file holding one meeting reported by two articles, written as version 1 did.
            let old = try SQLiteStore(path: folder.databasePath, migrator: SchemaMigrations.migrator(files: [files[0]]))
            try old.syncCountries(testCountries)
            try old.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO article(id, url, title, published, ingested_at, text) VALUES
                        ('aaaa1111', 'https://a.example/1', 'One', '2025-10-30', '2025-10-30T00:00:00Z', 'Xi met Trump.'),
                        ('bbbb2222', NULL, 'Two', '2025-10-31', '2025-10-31T00:00:00Z', 'They met in Busan.');
                    INSERT INTO sentence(id, article_id, position, start_offset, end_offset, text) VALUES
                        (1, 'aaaa1111', 0, 0, 13, 'Xi met Trump.'), (2, 'bbbb2222', 0, 0, 18, 'They met in Busan.');
                    INSERT INTO official(id, name, country) VALUES (1, 'Xi Jinping', 'CN'), (2, 'Donald Trump', 'US');
                    INSERT INTO official_source(official_id, article_id, sentence_id) VALUES (1, 'aaaa1111', 1), (2, 'aaaa1111', 1);
                    INSERT INTO meeting(id, date, date_precision, date_first_day, place, mode, status, country_key)
                        VALUES (7, '2025-10-30', 'day', '2025-10-30', 'Busan', 'in_person', 'held', 'CN,US');
                    INSERT INTO meeting_country(meeting_id, country) VALUES (7, 'CN'), (7, 'US');
                    INSERT INTO meeting_participant(meeting_id, official_id, article_id) VALUES (7, 1, 'aaaa1111'), (7, 2, 'aaaa1111');
                    INSERT INTO meeting_area(meeting_id, area, article_id) VALUES (7, 'trade', 'bbbb2222');
                    INSERT INTO meeting_source(meeting_id, article_id, sentence_id) VALUES (7, 'aaaa1111', 1), (7, 'bbbb2222', 2);
                    """)
            }
        }

        // When the current bilat opens it.
        let store = try SQLiteStore(path: folder.databasePath)

        // Then every migration is applied, the meeting is unchanged and now rests on two mentions.
        #expect(try store.appliedMigrations() == files.map { $0.deletingPathExtension().lastPathComponent })
        let meetings = try store.meetings(MeetingFilter())
        #expect(meetings.map(\.id) == [7])
        #expect(meetings.first?.participants == ["Donald Trump", "Xi Jinping"])
        #expect(meetings.first?.areas == ["trade"])
        #expect(meetings.first?.sourceCount == 2)
        #expect(meetings.first?.place == "Busan")
        let mentions = try store.pool.read { db in try MeetingMentionRecord.fetchAll(db) }
        #expect(mentions.map(\.meetingID) == [7, 7])
        #expect(mentions.map(\.bucketYear) == [2025, 2025])
        #expect(try store.integrityProblems() == [])
        let pairs = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM meetings_by_pair") }
        #expect(pairs.count == 1)
        #expect(pairs.first?["source_count"] == 2)
        // Sentences keep their text (now cut from the article text) and the full-text index finds them.
        #expect(try store.search(SearchQuery(text: "Busan")).map(\.source.sentence) == ["They met in Busan."])
        #expect(try store.meeting(id: 7)?.sources.map(\.sentence).sorted() == ["They met in Busan.", "Xi met Trump."])

        // And a later report of the same meeting joins it.
        let given = TestArticle("Xi and Trump met in Busan.", published: "2025-11-01")
        _ = try store.save(given.article, facts: given.facts(meetings: [
            Meeting(date: date("2025-10"), countries: ["CN", "US"], participants: [], place: "Busan",
                    mode: .inPerson, status: .held, spans: [given.span(of: "met")])]))
        #expect(try store.meetings(MeetingFilter()).map(\.sourceCount) == [3])
        #expect(try store.meetings(MeetingFilter()).map(\.id) == [7])
        #expect(try store.integrityProblems() == [])
    }
}
