import Foundation
import Testing
@testable import BilatServices

/// Search hits at a terminal: the match always in view, marked, never cut in half.
@Suite struct SearchLayoutTests {
    @Test func theWindowKeepsTheFirstMatchInView() {
        let snippet = String(repeating: "word ", count: 30) + "the [summit] in Geneva " + String(repeating: "more ", count: 30)
        let shown = SearchLayout.window(snippet, width: 60)
        #expect(shown.count <= 60)
        #expect(shown.contains("[summit]"))
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(SearchLayout.window("a short [hit]", width: 60) == "a short [hit]")
    }

    @Test func aMarkedWordIsNeverLeftOpen() {
        let shown = SearchLayout.window("[alpha] " + String(repeating: "x", count: 40) + " [beta gamma delta]", width: 50)
        #expect(shown.filter { $0 == "[" }.count == shown.filter { $0 == "]" }.count, "\(shown)")
    }

    @Test func colourReplacesTheBrackets() {
        #expect(SearchLayout.mark("met [Carney] today", as: .color) == "met \u{1B}[1;31mCarney\u{1B}[0m today")
        #expect(SearchLayout.mark("met [Carney] today", as: .brackets) == "met [Carney] today")
    }

    @Test func theCommandShowsTheMatchNotAFiftyCharacterCell() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ingestedDatabase(in: folder, paths: ["seeds/articles"])
        let run = try runBilat(["search", "one-China policy", "--format", "table"], database: db)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[one]-[China] [policy]"), "\(run.stdout)")
        #expect(run.stdout.contains("article "))
    }
}

@Suite struct SearchHelpTests {
    @Test("search --help says how many of the newest matches it ranks, and how to reach older ones")
    func helpNamesTheCandidateLimit() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try runBilat(["search", "--help"], database: folder.appendingPathComponent("kb.sqlite").path)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("ranks the 10,000 most recently stored sentences that match"), "\(help.stdout)")
        #expect(words.contains("narrow with --country, --from or --to to reach older ones"), "\(help.stdout)")
    }
}
