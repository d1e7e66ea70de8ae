import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The publisher as a side: `publishers.tsv` typed when loaded, a government readout's "the President"
/// as its own office-holder, and the headline's meeting merged with the body's.
@Suite struct PublisherTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func extract(_ body: String, title: String? = nil, source: String?, published: String) -> ArticleFacts {
        extractor.extract(Article(id: "p", source: source, title: title, published: PartialDate(iso: published), text: body))
    }

    @Test func anUnknownCountryIsRefusedWithFileAndLine() {
        let table = TSVTable(text: "publisher\tcountry\n# a comment\nThe White House\tUS\nNowhere Office\tXX\n")
        #expect(throws: ReferenceError.self) { try PublisherTable(table, file: "publishers.tsv", countries: ["US"]) }
        do {
            _ = try PublisherTable(table, file: "publishers.tsv", countries: ["US"])
        } catch {
            #expect("\(error)".hasPrefix("publishers.tsv:4:"))
        }
    }

    @Test func anUnknownCueKindOrModeIsRefusedWithFileAndLine() {
        for text in ["phrase\tkind\tvalue\ncall\tencounter\tphone\nmeets\tverbb\tany\n",
                     "phrase\tkind\tvalue\ncall\tencounter\tphone\nmeets\tverb\tteleport\n"] {
            do {
                _ = try TitleCueTable(TSVTable(text: text), file: "title_cues.tsv")
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".hasPrefix("title_cues.tsv:3:"))
            }
        }
    }

    @Test func publishersAreFoundByTheirUsualNames() throws {
        let publishers = try ReferenceData.bundled().publishers
        #expect(publishers.country(ofSource: "The White House") == "US")
        #expect(publishers.country(ofSource: "white house") == "US")
        #expect(publishers.country(ofSource: "President of Russia") == "RU")
        #expect(publishers.country(ofSource: "Prime Minister's Office, 10 Downing Street") == "GB")
        #expect(publishers.country(ofSource: "Elysee") == "FR")
        #expect(publishers.country(ofSource: "Reuters") == nil)
        #expect(publishers.country(ofSource: nil) == nil)
    }

    @Test func theReadoutsPresidentIsThePublishersPresident() {
        let body = "President William Ruto of Kenya visited the White House today. The President welcomed President Ruto to the Oval Office.\n"
        let own = extract(body, source: "The White House", published: "2024-05-23")
        #expect(own.meetings.first?.participants.contains("Joe Biden") == true)
        #expect(own.meetings.first?.countries == ["KE", "US"])
        let agency = extract(body, source: "Reuters", published: "2024-05-23")
        #expect(agency.meetings.allSatisfy { !$0.participants.contains("Joe Biden") })
    }

    @Test func theHeadlinesExplicitModeDecidesTheBodysEncounter() {
        let body = "President Emmanuel Macron met President William Ruto of Kenya today to discuss climate finance.\n"
        let facts = extract(body, title: "Readout of President Macron's Video Call with President William Ruto of Kenya",
                            source: "Élysée", published: "2023-06-14")
        #expect(facts.meetings.map(\.mode) == [.video])
        #expect(facts.meetings.first?.participants == ["Emmanuel Macron", "William Ruto"])
    }

    @Test func twoSpellingsOfOneReferenceOfficialAreOnePerson() {
        let body = "President Joe Biden met President William Ruto of Kenya today. President Joseph R. Biden Jr. thanked him for the visit.\n"
        let facts = extract(body, source: "Reuters", published: "2024-05-23")
        #expect(facts.officials.filter { $0.name == "Joe Biden" }.count == 1)
    }

    @Test func theBodysDateWinsOverThePublishedDate() {
        let body = "President Emmanuel Macron spoke by telephone with President William Ruto of Kenya on Monday.\n"
        let facts = extract(body, title: "Readout of President Macron's Call with President William Ruto of Kenya",
                            source: "Élysée", published: "2023-06-14")
        #expect(facts.meetings.map { $0.date?.iso } == ["2023-06-12"])
    }
}
