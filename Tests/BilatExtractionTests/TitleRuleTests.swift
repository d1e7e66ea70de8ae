import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The headline rules (`TitleRule.all`) run on their example corpus, `Fixtures/rules/title-titles.tsv`:
/// each rule reads the headlines it must, and the headlines near it that name no held encounter
/// between two sides make no meeting.
@Suite struct TitleRuleTests {
    struct Example: CustomTestStringConvertible {
        var line: Int
        var rule: String
        var fires: Bool
        var source: String
        var published: PartialDate?
        var title: String
        var expect: String
        var testDescription: String { "line \(line): \(title)" }
    }

    static let examples: [Example] = {
        let url = Fixtures.url("rules/title-titles.tsv")
        guard let table = try? TSVTable(contentsOf: url) else { return [] }
        return table.records.map { r in
            Example(line: r.line, rule: r["rule"], fires: r["kind"] == "fires", source: r["source"],
                    published: PartialDate(iso: r["published"]), title: r["title"], expect: r["expect"])
        }
    }()

    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func article(_ e: Example) -> Article {
        let body = "Further details were not released.\n"
        return Article(id: "t\(e.line)", source: e.source, title: e.title, published: e.published, text: body)
    }

    @Test func theCorpusCoversEveryRule() {
        #expect(Self.examples.count >= 30)
        for rule in TitleRule.all {
            #expect(Self.examples.contains { $0.rule == rule.name && !$0.fires }, "\(rule.name) has no negative example")
            if rule.reportsEncounter {
                #expect(Self.examples.contains { $0.rule == rule.name && $0.fires }, "\(rule.name) has no positive example")
            }
        }
        for e in Self.examples { #expect(TitleRule.all.contains { $0.name == e.rule }, "line \(e.line): unknown rule \(e.rule)") }
    }

    @Test(arguments: examples)
    func readsTheHeadline(_ e: Example) throws {
        let facts = extractor.extract(article(e))
        if !e.fires {
            #expect(facts.meetings.isEmpty, "line \(e.line): \(facts.meetings.map { "\($0.countries) \($0.mode.rawValue)" })")
            return
        }
        let reader = TitleReader(gazetteer: extractor.gazetteer)
        #expect(reader.read(Tokenizer.tokenize(e.title))?.rule == e.rule)
        let parts = e.expect.split(separator: " ").map(String.init)
        try #require(parts.count == 3)
        let found = facts.meetings.map { "\($0.countries.joined(separator: "|")) \($0.mode.rawValue) \($0.date?.iso ?? "-")" }
        #expect(found == [e.expect], "line \(e.line)")
    }
}
