import BilatModel
import Foundation
import Testing
import BilatExtraction
@testable import BilatServices

/// Articles written for the meeting-wording classes of issue 15, in the styles of real texts and with
/// other countries, names and sentences: government readouts of calls ("spoke today with", "X and Y
/// spoke today about"), of virtual and in-person meetings ("met virtually", "on the margins of",
/// "hosted ... for a working lunch"), a summit day with three counterparts, a tour of three capitals,
/// one-line news summaries in the present tense ("meets with", "arrives in ... for talks", "holds a
/// telephone conversation"), and texts that report no meeting (business leaders, troops, a proposal, a
/// called-off visit, sport, a disaster). Their gold was written by the corpus README's rules before the
/// extractor ran on them; the floors keep what the engine reads of them.
@Suite struct WordingGenreFloorTests {
    static let floors: [EvaluationCategory: Double] = [
        .meetings: 0.95,
        .officials: 0.95,
        .areas: 0.88,
        .organizations: 0.80,
    ]

    @Test func wordingArticlesStayAboveTheFloors() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
            dir.deleteLastPathComponent()
        }
        let corpus = dir.appendingPathComponent("Fixtures/corpus/genre")
        let cases = try EvaluationCorpus.load(directories: [corpus]).filter { $0.name.hasPrefix("wording-") }
        #expect(cases.count >= 19)
        let report = Evaluator.run(cases, extractor: Extractor(reference: try ReferenceData.bundled()))
        for (category, floor) in Self.floors {
            #expect(report.f1(category) >= floor, "wording genre \(category.rawValue) F1 \(report.f1(category)) fell below \(floor)")
        }
    }
}
