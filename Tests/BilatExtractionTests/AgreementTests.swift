import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

@Suite struct AgreementTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(reference: try makeReference())
    }

    func agreements(_ text: String) -> [String] {
        let article = Article(id: "t", published: PartialDate(iso: "2025-08-29"), text: text)
        return extractor.extract(article).agreements.map { "\($0.kind.rawValue) \($0.date?.iso ?? "-") \($0.countries.joined(separator: "-"))" }
    }

    @Test func signatoriesAreNotTheirHost() {
        #expect(agreements("Chinese Foreign Minister Wang Yi and French Foreign Minister Jean Martin signed a treaty on Friday "
            + "in a ceremony hosted by Canadian Prime Minister Mark Carney.") == ["treaty 2025-08-29 CN-FR"])
    }

    @Test func aDefiniteMentionRefersBackUnlessItsOwnDateSetsItApart() {
        let text = "China and France signed an agreement on Friday. The agreement builds on the joint declaration, "
            + "which the two countries signed in 2019, and the March accord."
        // "The agreement" is Friday's; the declaration of 2019 and the March accord are older documents.
        #expect(agreements(text) == ["agreement 2025-08-29 CN-FR", "declaration 2019 CN-FR", "agreement 2025-03 CN-FR"])
    }

    @Test func aFutureSigningIsNoAgreementButAFutureElsewhereIsNoMatter() {
        #expect(agreements("China and France are expected to sign a treaty next week.") == [])
        #expect(agreements("France will open a pathway for Chinese students under a treaty the two countries signed on Friday.")
            == ["treaty 2025-08-29 CN-FR"])
    }
}
