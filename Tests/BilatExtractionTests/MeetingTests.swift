import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Meeting assembly on short invented articles: each test states one rule of the genre.
@Suite struct MeetingTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func meetings(_ body: String, published: String = "2024-03-15") throws -> [Meeting] {
        let text = "---\ntitle: Test\npublished: \(published)\n---\n\(body)\n"
        return extractor.extract(try ArticleReader.read(text: text)).meetings
    }

    @Test func welcomingAThingIsNoMeeting() throws {
        let found = try meetings("French President Emmanuel Macron said Chinese President Xi Jinping welcomed plans to expand trade.")
        #expect(found.isEmpty)
    }

    @Test func welcomingAPersonIsAMeeting() throws {
        let found = try meetings("Chinese President Xi Jinping welcomed French President Emmanuel Macron in Beijing on Thursday.")
        #expect(found.map(\.countries) == [["CN", "FR"]])
        #expect(found.first?.date?.iso == "2024-03-14")
    }

    @Test func aMeetingInsideASinceClauseTakesItsOwnDate() throws {
        let found = try meetings("""
            Chinese President Xi Jinping met French President Emmanuel Macron in Beijing on Thursday.
            Ties have grown since Macron's visit to Guangzhou in April last year, when the two leaders agreed on a plan.
            """)
        #expect(Set(found.compactMap(\.date?.iso)) == ["2024-03-14", "2023-04"])
    }

    @Test func aPossessiveNameIsAParticipantOnlyOfItsOwnMeetingWord() throws {
        let found = try meetings("After Chinese President Xi Jinping's illness, Premier Li Qiang met French President Emmanuel Macron in Beijing on Thursday.")
        #expect(found.first?.participants == ["Emmanuel Macron", "Li Qiang"])
    }

    @Test func wouldMeetInReportedSpeechIsPlanned() throws {
        let found = try meetings("An aide said Chinese President Xi Jinping would meet French President Emmanuel Macron in Paris on Monday.")
        #expect(found.first?.status == .planned)
        #expect(found.first?.date?.iso == "2024-03-18")
    }

    @Test func referringBackWithoutOfficialsIsNoNewMeeting() throws {
        let found = try meetings("""
            Chinese President Xi Jinping met French President Emmanuel Macron in Beijing on Thursday.
            Germany will act as a guarantor of the talks, along with Norway.
            """)
        #expect(found.count == 1)
    }

    @Test func aCountryInsideARelativeClauseIsNoSide() throws {
        let found = try meetings("French President Emmanuel Macron held talks on Thursday with Premier Li Qiang, whose push for a deal with Brazil has caused friction.")
        #expect(found.map(\.countries) == [["CN", "FR"]])
    }
}
