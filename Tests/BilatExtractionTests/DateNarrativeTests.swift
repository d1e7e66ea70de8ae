import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Dates told relative to the narrative's reference time rather than to publication.
@Suite struct DateNarrativeTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func meetings(_ text: String) throws -> [Meeting] {
        extractor.extract(try ArticleReader.read(text: text)).meetings
    }

    @Test func theFollowingDayCountsFromTheEncounterLastReported() throws {
        let found = try meetings("""
            ---
            title: Test
            published: 2024-03-15
            ---
            Chinese President Xi Jinping met French President Emmanuel Macron in Paris on Monday.

            The following day the two leaders were joined by German Chancellor Olaf Scholz for a trilateral meeting.
            """)
        #expect(found.contains { $0.countries == ["CN", "DE", "FR"] && $0.date?.iso == "2024-03-12" })
    }

    @Test func aWeekEarlierCountsBackFromTheReferenceTime() throws {
        let found = try meetings("""
            ---
            title: Test
            published: 2024-03-15
            ---
            Chinese President Xi Jinping held talks with French President Emmanuel Macron in Paris on Friday.

            Exactly a week earlier, German Chancellor Olaf Scholz held talks in Ankara with Turkish President Recep Tayyip Erdogan.
            """)
        #expect(found.contains { $0.countries == ["DE", "TR"] && $0.date?.iso == "2024-03-08" })
    }

    @Test func aMonthOfThatYearTakesTheYearTheNarrativeGave() throws {
        let found = try meetings("""
            Analysis: a decade of summits

            In April 2019, Turkish President Recep Tayyip Erdogan held talks with Russian President Vladimir Putin in Moscow. Putin returned the visit in June of that year, when Erdogan welcomed him in Ankara.
            """)
        #expect(found.contains { $0.date?.iso == "2019-06" && $0.countries == ["RU", "TR"] })
    }

    @Test func anArticleThatGivesNoDateReportsItsEncounterUndated() throws {
        let found = try meetings("""
            ASTANA - Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev discussed energy in a telephone conversation on Monday.
            """)
        #expect(found.count == 1)
        #expect(found.first?.date == nil)
        #expect(found.first?.mode == .phone)
    }
}
