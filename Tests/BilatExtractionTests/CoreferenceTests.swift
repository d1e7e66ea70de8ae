import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Coreference on short invented articles: definite descriptions of an office ("the crown prince",
/// "the Brazilian president") and the pronouns that follow them.
@Suite struct CoreferenceTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func meetings(_ body: String, published: String = "2024-03-15") throws -> [Meeting] {
        let text = "---\ntitle: Test\npublished: \(published)\n---\n\(body)\n"
        return extractor.extract(try ArticleReader.read(text: text)).meetings
    }

    @Test func theOfficeNamesTheOneOfficialWhoHoldsIt() throws {
        let found = try meetings("""
            Saudi Crown Prince Mohammed bin Salman announced a new investment fund.
            Turkish President Recep Tayyip Erdogan welcomed the crown prince in Ankara on Thursday.
            """)
        #expect(found.first?.participants == ["Mohammed bin Salman", "Recep Tayyip Erdoğan"])
    }

    @Test func anOfficeTwoOfficialsHoldLinksToNeither() throws {
        let found = try meetings("""
            French President Emmanuel Macron spoke first. Brazilian President Luiz Inácio Lula da Silva spoke next.
            Chinese Premier Li Qiang met the president in Beijing on Thursday.
            """)
        #expect(found.isEmpty)
    }

    @Test func theCountryOfTheOfficeDecides() throws {
        let found = try meetings("""
            French President Emmanuel Macron spoke first. Brazilian President Luiz Inácio Lula da Silva spoke next.
            Chinese Premier Li Qiang met the Brazilian president in Beijing on Thursday.
            """)
        #expect(found.first?.participants == ["Li Qiang", "Luiz Inácio Lula da Silva"])
    }

    @Test func theOfficeIsNotTheOfficialJustNamedInTheSentence() throws {
        let found = try meetings("""
            British Prime Minister Keir Starmer said trade would grow.
            Indian Prime Minister Narendra Modi invited the Prime Minister to visit India later this year.
            """, published: "2025-07-24")
        #expect(found.first?.participants == ["Keir Starmer", "Narendra Modi"])
        #expect(found.first?.status == .planned)
    }

    @Test func aPronounFollowsTheOfficeThatOpenedThePreviousSentence() throws {
        let found = try meetings("""
            German Chancellor Friedrich Merz praised the accord.
            It was negotiated by German Foreign Minister Johann Wadephul.
            The chancellor travels to Asia next week. He is scheduled to hold talks with Indian Prime Minister Narendra Modi in New Delhi on Tuesday.
            """, published: "2025-09-12")
        #expect(found.first?.participants == ["Friedrich Merz", "Narendra Modi"])
    }

    @Test func anOfficeCompletingAnotherNounIsNoParticipant() throws {
        let found = try meetings("""
            Emirati Crown Prince Mohamed bin Zayed Al Nahyan praised the talks.
            Emirati National Security Adviser Tahnoun bin Zayed Al Nahyan, a brother of the crown prince, met Iranian President Ebrahim Raisi in Tehran on Monday.
            """, published: "2021-12-13")
        #expect(found.first?.participants == ["Ebrahim Raisi", "Tahnoun bin Zayed Al Nahyan"])
    }

    @Test("a delegation owned by a person named with 's takes that person's side (once a fatal access conflict)")
    func aPersonsDelegationTakesTheirSide() throws {
        let text = """
            ---
            title: Test
            published: 2024-03-15
            ---
            US President Joe Biden met Chinese President Xi Jinping in Woodside on Wednesday.
            Biden's delegation included Jake Sullivan and Antony Blinken.
            """
        let facts = extractor.extract(try ArticleReader.read(text: text))

        #expect(facts.meetings.first?.countries == ["CN", "US"])
        let sullivan = facts.officials.first { $0.name == "Jake Sullivan" }
        #expect(sullivan == nil || sullivan?.country == "US")
    }
}
