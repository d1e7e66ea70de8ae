import BilatModel
import Foundation
import Testing
import BilatExtraction
@testable import BilatServices

/// The `title-` articles of the genre corpus: government readouts and transcripts written in the style
/// of real ones (a headline that names the encounter, a publisher that is a side, a transcript's stage
/// and speaker lines), annotated before the extractor ran on them. Before the headline and publisher
/// were read, their meetings scored F1 0.40.
@Suite struct TitleGenreFloorTests {
    static let floors: [EvaluationCategory: Double] = [.meetings: 0.95, .officials: 0.95]

    @Test func titleArticlesStayAboveTheFloors() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
            dir.deleteLastPathComponent()
        }
        let corpus = dir.appendingPathComponent("Fixtures/corpus/genre")
        let cases = try EvaluationCorpus.load(directories: [corpus]).filter { $0.name.contains("title-") }
        #expect(cases.count >= 5)
        let report = Evaluator.run(cases, extractor: Extractor(reference: try ReferenceData.bundled()))
        for (category, floor) in Self.floors {
            #expect(report.f1(category) >= floor, "title genre \(category.rawValue) F1 \(report.f1(category)) fell below \(floor)")
        }
    }
}
