import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The corpus copy under Tests/Fixtures/corpus.
func fixtureCorpus() -> URL { Fixtures.url("corpus") }

/// A gold view with arrays sorted, so that two views compare as sets.
func normalized(_ g: GoldFacts) -> GoldFacts {
    var g = g
    g.meetings = g.meetings.map { m in
        var m = m
        m.countries.sort()
        m.participants.sort()
        return m
    }.sorted { "\($0)" < "\($1)" }
    g.officials.sort { "\($0)" < "\($1)" }
    g.areas.sort()
    g.organizations.sort()
    g.agreements = g.agreements.map { a in
        var a = a
        a.countries.sort()
        return a
    }.sorted { "\($0)" < "\($1)" }
    return g
}

@Suite struct SeedArticleTests {
    @Test func theSeedArticleGivesExactlyItsGold() throws {
        let dev = fixtureCorpus().appendingPathComponent("dev")
        let text = try String(contentsOf: dev.appendingPathComponent("001-china-canada-beijing.txt"), encoding: .utf8)
        let gold = try JSONDecoder().decode(GoldFacts.self,
                                            from: Data(contentsOf: dev.appendingPathComponent("001-china-canada-beijing.gold.json")))
        let article = try ArticleReader.read(text: text)
        let facts = try TestExtractor.bundled().extract(article)
        let extracted = normalized(GoldFacts(facts))
        let expected = normalized(gold)
        #expect(extracted.published == expected.published)
        #expect(extracted.meetings == expected.meetings)
        #expect(extracted.officials == expected.officials)
        #expect(extracted.areas == expected.areas)
        #expect(extracted.organizations == expected.organizations)
        #expect(extracted.agreements == expected.agreements)
        #expect(extracted == expected)
    }

    @Test func everyFactKeepsTheSentencesItCameFrom() throws {
        let dev = fixtureCorpus().appendingPathComponent("dev")
        let text = try String(contentsOf: dev.appendingPathComponent("001-china-canada-beijing.txt"), encoding: .utf8)
        let article = try ArticleReader.read(text: text)
        let facts = try TestExtractor.bundled().extract(article)
        let scalars = Array(text.unicodeScalars)
        for s in facts.sentences {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[s.span.start..<s.span.end])
            #expect(String(view) == s.text)
        }
        let spans = Set(facts.sentences.map(\.span))
        for m in facts.meetings { #expect(!m.spans.isEmpty && m.spans.allSatisfy(spans.contains)) }
        for o in facts.officials { #expect(!o.spans.isEmpty && o.spans.allSatisfy(spans.contains)) }
        for a in facts.areas { #expect(!a.spans.isEmpty && a.spans.allSatisfy(spans.contains)) }
        #expect(facts.statements.contains { $0.speaker == "Xi Jinping" && $0.verb == "proposed" && $0.type == .proposal })
        #expect(facts.statements.contains { $0.speaker == "Mark Carney" && $0.type == .commitment })
    }
}
