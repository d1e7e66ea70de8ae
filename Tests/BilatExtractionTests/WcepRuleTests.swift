import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The rules written for one-paragraph news summaries (the scope of an announcement cue, ...), each run
/// on the sentences of `Tests/Fixtures/rules/wcep-examples.tsv` in the format of wording-examples.tsv:
/// sentences where the rule must fire and near misses where it must not.
@Suite struct WcepRuleTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    @Test func everyExampleYieldsItsMeetings() throws {
        let examples = try WordingRuleTests.examples(file: "wcep-examples.tsv")
        for example in examples {
            let text = "---\ntitle: Example\npublished: 2024-03-15\n---\n\(example.sentence)\n"
            let found = extractor.extract(try ArticleReader.read(text: text)).meetings
            var unmatched = found
            var missing: [WordingRuleTests.Expected] = []
            for e in example.expected {
                if let i = unmatched.firstIndex(where: e.matches) { unmatched.remove(at: i) } else { missing.append(e) }
            }
            let got = found.map { "\($0.mode.rawValue):\($0.status.rawValue):\($0.date?.iso ?? "-"):\($0.countries.joined(separator: "+"))" }
            #expect(missing.isEmpty && unmatched.isEmpty, "\(example)\n  expected \(example.expected), got \(got)")
        }
    }

    @Test func everyRuleHasExamplesThatFireAndNearMisses() throws {
        let examples = try WordingRuleTests.examples(file: "wcep-examples.tsv")
        for rule in Set(examples.map(\.rule)).sorted() {
            #expect(examples.contains { $0.rule == rule && $0.fires }, "rule \(rule) has no example that fires")
            #expect(examples.contains { $0.rule == rule && !$0.fires }, "rule \(rule) has no near miss")
        }
    }

    /// Areas are fields in which two sides cooperate: an item that names one side only (a leader with his
    /// commanders, a disaster) names none; one that names two sides keeps them.
    @Test func anItemOfOneSideNamesNoArea() throws {
        func areas(_ sentence: String) throws -> [String] {
            let text = "---\ntitle: Example\npublished: 2024-03-15\n---\n\(sentence)\n"
            return extractor.extract(try ArticleReader.read(text: text)).areas.map(\.key)
        }
        #expect(try areas("Sri Lankan President Ranil Wickremesinghe confers with his military commanders on troop deployments.").isEmpty)
        #expect(try areas("Chilean President Gabriel Boric visits a hospital in Valparaiso to promote the vaccine campaign.").isEmpty)
        #expect(try areas("South Korea seeks talks with North Korea on military tensions along the border.") == ["defense"])
    }

    /// A town named as its country is a meeting's place only when it is the country's capital as well (a
    /// city-state): "a visit to Mozambique" gives no place (the town of Mozambique is not Maputo).
    @Test func aCountryNamedAsATownIsAPlaceOnlyAsItsCapital() throws {
        func places(_ sentence: String) throws -> [String?] {
            let text = "---\ntitle: Example\npublished: 2024-03-15\n---\n\(sentence)\n"
            return extractor.extract(try ArticleReader.read(text: text)).meetings.map(\.place)
        }
        #expect(try places("Brazilian President Luiz Inacio Lula da Silva begins a three-day visit to Mozambique.") == [nil])
        #expect(try places("Indonesian President Prabowo Subianto meets Malaysian Prime Minister Anwar Ibrahim in Singapore.") == ["Singapore"])
    }
}
