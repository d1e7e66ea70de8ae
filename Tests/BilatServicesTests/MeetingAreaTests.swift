import BilatModel
import Foundation
import Testing
import BilatExtraction
import BilatTestSupport
@testable import BilatServices

/// A meeting carries the areas its own sentences name (what the talks were about), shown wherever a
/// meeting is shown and filtered on by --area; an area named only elsewhere in the article is not its.
@Suite struct MeetingAreaTests {
    @Test func theTalksAreasAreTheMeetingsAndABackgroundAreaIsNot() throws {
        let text = """
            ---
            title: Ruto and Tinubu hold talks in Abuja
            published: 2024-03-15
            ---
            ABUJA, March 15 -- Kenyan President William Ruto held talks with Nigerian President Bola Tinubu in Abuja on Friday.

            The two leaders discussed trade and energy, and agreed to expand cooperation in agriculture.

            Separately, Kenya signed a tourism accord with Tanzania last year.
            """
        let facts = try TestExtractor.bundled().extract(try ArticleReader.read(text: text))
        let talks = try #require(facts.meetings.first { $0.countries == ["KE", "NG"] })
        #expect(talks.areas == ["agriculture", "energy", "trade"])
        #expect(facts.areas.map(\.key).contains("tourism"), "the article names tourism")
    }

    @Test func anEarlierMeetingReferredToTakesNoAreasOfTheSentencesAfterIt() throws {
        let text = """
            ---
            title: Joint statement of Kenya and Nigeria
            published: 2024-03-15
            ---
            ABUJA, March 15 -- Kenyan President William Ruto held talks with Nigerian President Bola Tinubu in Abuja on Friday.

            Recalling their first meeting in Nairobi in May 2023, the two leaders expressed satisfaction with the progress since then.

            The two leaders agreed to expand cooperation in trade and energy.
            """
        let facts = try TestExtractor.bundled().extract(try ArticleReader.read(text: text))
        let today = try #require(facts.meetings.first { $0.date?.iso == "2024-03-15" })
        let earlier = try #require(facts.meetings.first { $0.date?.iso == "2023-05" })
        #expect(today.areas == ["energy", "trade"])
        #expect(earlier.areas.isEmpty, "\(earlier.areas)")
    }

    @Test(arguments: Backend.available) func areasAreShownAndFilteredOnEverywhere(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }
        let listed = try runBilat(["meetings", "China", "Canada", "--format", "json"], database: db)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let beijing = try #require(rows.first { $0["date"] as? String == "2026-01-16" })
        #expect((beijing["areas"] as? [String])?.contains("trade") == true, "\(beijing)")
        let gyeongju = try #require(rows.first { $0["date"] as? String == "2025-10" })
        #expect((gyeongju["areas"] as? [String]) == [], "the earlier meeting is only named: \(gyeongju)")

        let trade = try runBilat(["meetings", "China", "Canada", "--area", "trade", "--format", "json"], database: db)
        let traded = try #require(JSONSerialization.jsonObject(with: Data(trade.stdout.utf8)) as? [[String: Any]])
        #expect(traded.map { $0["date"] as? String } == ["2026-01-16"])

        let show = try runBilat(["show", "meeting", "\(beijing["id"] as? Int ?? 0)"], database: db)
        #expect(show.stdout.contains("trade"), "\(show.stdout)")
        #expect(!show.stdout.contains("areas: -"), "\(show.stdout)")

        let export = try runBilat(["export", "timeline", "China", "Canada", "--format", "json"], database: db)
        #expect(export.stdout.contains("\"trade\""), "exported events carry their areas")
    }
}
