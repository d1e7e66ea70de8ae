import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Every input the fuzzer crashed on (Tests/Fixtures/fuzz-crashes), run as Fuzz/FuzzArticle.swift runs
/// it: as an article and as a feed line; reading may refuse it, extracting must not crash and must keep
/// every span inside the text. Fuzz/run replays the same files in its -O build first: the fatal access
/// conflict of access-conflict-retinue.bin (PeopleResolver passed `people` inout to a function that
/// called back into a closure reading it) trapped there and not in this debug build. In
/// overlapping-titles-headline.bin a title reached back over the one before it ("President Williaer ...
/// President Williammercee Minister of Canada"), and the headline reader sliced between them backwards;
/// in possessive-opening-sentence.bin a sentence opened with "'s", and the owner of the office after it
/// was looked for one token before the sentence.
@Suite("Inputs the fuzzer once crashed on")
struct FuzzCrashRegressionTests {
    static let folder = fixtureCorpus().deletingLastPathComponent().appendingPathComponent("fuzz-crashes")

    static var inputs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("the folder holds the crashes found so far")
    func folderIsThere() {
        let names = Self.inputs.map(\.lastPathComponent)
        #expect(Set(["access-conflict-retinue.bin", "overlapping-titles-headline.bin", "possessive-opening-sentence.bin"])
            .isSubset(of: names))
    }

    @Test("each input is read and extracted without a crash, its spans inside the text", arguments: inputs)
    func extractsWithoutCrash(_ input: URL) throws {
        let extractor = try TestExtractor.bundled()
        let text = String(decoding: try Data(contentsOf: input), as: UTF8.self)
        var articles: [Article] = []
        if let article = try? ArticleReader.read(text: text, defaults: ArticleDefaults(published: PartialDate(iso: "2025-06-15"))) {
            articles.append(article)
        }
        if let article = try? ArticleReader.readFeedLine(text) { articles.append(article) }

        #expect(!articles.isEmpty, "the input reaches the extractor")
        for article in articles {
            let facts = extractor.extract(article)
            let length = article.text.unicodeScalars.count
            let spans = facts.sentences.map(\.span) + facts.meetings.flatMap(\.spans) + facts.officials.flatMap(\.spans)
                + facts.statements.map(\.span)
            #expect(spans.allSatisfy { $0.start >= 0 && $0.start <= $0.end && $0.end <= length })
        }
    }
}
