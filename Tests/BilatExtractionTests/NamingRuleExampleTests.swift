import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// One row of Tests/Fixtures/rules/officials-*.tsv: a text, the naming rule it shows, whether the rule
/// must fire on it, and the officials a reader takes out of it.
struct NamingRuleExample: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var rule: NamingRule
    var fires: Bool
    var published: String
    var text: String
    /// "Name (CC)" of each official expected, sorted.
    var officials: [String]

    var testDescription: String { "\(file):\(line) \(rule.rawValue) \(fires ? "fires" : "silent")" }

    /// Every example of every officials-*.tsv file; a row that names no known rule, or a cell that is
    /// not "yes" or "no", is an error naming its file and line.
    static func all() throws -> [NamingRuleExample] {
        let dir = Fixtures.url("rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("officials-") && $0.hasSuffix(".tsv") }.sorted()
        var examples: [NamingRuleExample] = []
        for file in files {
            let table = try TSVTable(contentsOf: dir.appendingPathComponent(file))
            for r in table.records {
                guard let rule = NamingRule(rawValue: r["rule"]) else {
                    throw ExampleError("\(file), line \(r.line): unknown rule \"\(r["rule"])\"; rules: "
                        + NamingRule.allCases.map(\.rawValue).joined(separator: ", "))
                }
                guard ["yes", "no"].contains(r["fires"]) else {
                    throw ExampleError("\(file), line \(r.line): fires must be yes or no, not \"\(r["fires"])\"")
                }
                let officials = r["officials"] == "-" ? [] : r["officials"].components(separatedBy: "; ").sorted()
                examples.append(NamingRuleExample(file: file, line: r.line, rule: rule, fires: r["fires"] == "yes",
                                                  published: r["published"],
                                                  text: r["text"].replacingOccurrences(of: "\\n", with: "\n"),
                                                  officials: officials))
            }
        }
        return examples
    }
}

struct ExampleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The naming rules of people resolution, each run on its examples: a rule that must fire reads the
/// officials the example lists; one that must not stays silent, and the officials are still right.
@Suite struct NamingRuleExampleTests {
    static let extractor = Extractor(reference: try! ReferenceData.bundled())

    /// The people of an article, as extraction resolves them.
    static func people(of text: String, published: String) throws -> People {
        let article = try ArticleReader.read(text: "---\ntitle: Example\npublished: \(published)\n---\n\(text)\n")
        let e = extractor
        let tokens = Tokenizer.tokenize(article.text)
        let bodyStart = tokens.firstIndex { $0.start >= article.bodyStart } ?? tokens.count
        var sentences = e.splitter.split(Array(tokens[bodyStart...]), text: article.text)
        for i in sentences.indices { sentences[i].index = i }
        let mentions = MentionStage(gazetteer: e.gazetteer).find(in: sentences)
        let date = PublicationDate.resolve(article, sentences: sentences, lexicon: e.reference.lexicon)
        return e.people.resolve(sentences, mentions: mentions, article: article, published: date)
    }

    @Test func everyRuleHasExamplesThatFireAndThatDoNot() throws {
        let examples = try NamingRuleExample.all()
        for rule in NamingRule.allCases {
            #expect(examples.contains { $0.rule == rule && $0.fires }, "no example fires \(rule.rawValue)")
            #expect(examples.contains { $0.rule == rule && !$0.fires }, "no example keeps \(rule.rawValue) silent")
        }
    }

    @Test(arguments: try NamingRuleExample.all())
    func example(_ example: NamingRuleExample) throws {
        let people = try Self.people(of: example.text, published: example.published)
        let found = people.officials.map { "\($0.name) (\($0.country ?? "-"))" }.sorted()
        #expect(found == example.officials, "\(example.text)")
        let fired = people.persons.contains { $0.rules.contains(example.rule) }
        #expect(fired == example.fires, "\(example.rule.rawValue) \(fired ? "fired" : "did not fire") on: \(example.text)")
    }
}
