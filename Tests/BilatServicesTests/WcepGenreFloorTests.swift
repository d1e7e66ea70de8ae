import BilatModel
import Foundation
import Testing
import BilatExtraction
@testable import BilatServices

/// Articles written for issue 15's one-paragraph news summaries, in the style of an encyclopedia's
/// current-events items of the 2000s and 2010s, with other countries, names and sentences:
/// present-tense meetings, talks, receptions and calls ("meets with", "holds talks with", "receives
/// ... in", "is received by", "confers by telephone with", "phones his counterpart", "X and Y meet",
/// "concludes a state visit"), a trilateral meeting, a meeting "on Sunday" reported on Monday, a
/// statement made in a call ("says ..., in a telephone conversation with"), an announcement in another
/// clause ("meets ..., and he will also visit"), officials by an office after their name ("X, vice
/// chairman of China's ..."), envoys and delegations named by a demonym, and items that report no
/// meeting (a cancelled or postponed visit, a letter, protests, willingness to meet, a disaster, a
/// leader with his own commanders). Their gold was written by the corpus README's rules before the
/// extractor ran on them; the floors keep what the engine reads of them.
@Suite struct WcepGenreFloorTests {
    static let floors: [EvaluationCategory: Double] = [
        .meetings: 0.95,
        .officials: 0.95,
        .areas: 0.75,
        .organizations: 0.90,
    ]

    @Test func newsSummaryArticlesStayAboveTheFloors() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
            dir.deleteLastPathComponent()
        }
        let corpus = dir.appendingPathComponent("Fixtures/corpus/genre")
        let cases = try EvaluationCorpus.load(directories: [corpus]).filter { $0.name.hasPrefix("wcep-") }
        #expect(cases.count >= 50)
        let report = Evaluator.run(cases, extractor: Extractor(reference: try ReferenceData.bundled()))
        for (category, floor) in Self.floors {
            #expect(report.f1(category) >= floor, "news summary genre \(category.rawValue) F1 \(report.f1(category)) fell below \(floor)")
        }
    }
}
