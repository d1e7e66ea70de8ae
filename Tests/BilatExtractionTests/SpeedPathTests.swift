import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

/// The cheap paths that keep extraction fast must answer as the general ones do.
@Suite struct SpeedPathTests {
    static let reference = Result { try ReferenceData.bundled() }

    /// Runs of letters or digits a space apart are tokens apart: the count never exceeds the tokens, so
    /// refusing a line of more than eight of them refuses no time or date line.
    @Test(arguments: ["4:15 P.M. EDT", "March 12, 2024", "12 March 2024", "   ", "", "—  —", "U.S.-China talks",
                      "Prime Minister Lee met President Ruto at State House, Nairobi, on Monday afternoon.",
                      "à l'Élysée  ( Paris )", "٣ ١٢", "tab\tseparated\twords", "a1 b2 c3 d4 e5 f6 g7 h8 i9"])
    func wordsApartNeverExceedsTheTokens(_ line: String) {
        #expect(ArticlePlace.wordsApart(Substring(line)) <= Tokenizer.tokenize(line).count)
    }

    @Test func aLineOfMoreThanEightWordsGivesNoTimeAndAShortOneStillDoes() throws {
        let words = try Self.reference.get().lexicon
        let calendar = WordSet(Array(words.months.keys) + Array(words.weekdays.keys))
        #expect(ArticlePlace.givesTimeOrDate("4:15 P.M. EDT", lexicon: calendar))
        #expect(ArticlePlace.givesTimeOrDate("March 12, 2024", lexicon: calendar))
        #expect(!ArticlePlace.givesTimeOrDate("The two leaders met on March 12, 2024 in the capital city", lexicon: calendar))
    }

    /// The index is built from the table's bytes through a key buffer; a name is looked up through the
    /// string key: both must fold alike, for every town of the gazetteer.
    @Test func everyTownOfTheTableIsFoundByItsName() throws {
        let cities = try Self.reference.get().places.cities
        let index = CityIndex(cities)
        var missing: [String] = []
        for (k, city) in cities.cities.enumerated() where k % 7 == 0 {
            if index.entry(named: city.name) == nil { missing.append(city.name) }
            for alias in city.aliases where index.entry(named: alias) == nil { missing.append(alias) }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }

    /// A day is digits alone or with an ordinal's ending, 1 to 31.
    @Test func daysAreReadWithOrWithoutAnOrdinalEnding() throws {
        let resolver = DateResolver(lexicon: try Self.reference.get().lexicon, published: PartialDate(iso: "2024-12-17"))
        func dates(_ text: String) -> [String] { resolver.expressions(in: Tokenizer.tokenize(text)[...], future: false).map(\.date.iso) }
        #expect(dates("on March 29th, 2024") == ["2024-03-29"])
        #expect(dates("on 3rd May 2024") == ["2024-05-03"])
        #expect(dates("on 07 May 2024") == ["2024-05-07"])
        #expect(dates("on 31st May 2024") == ["2024-05-31"])
        #expect(dates("on 32nd May 2024") == ["2024-05"])
        #expect(dates("on 3xy May 2024") == ["2024-05"])
    }

    /// The one known person a name's parts name, of the country given, or none when two fit.
    @Test func theRegistryAnswersOnlyForOnePerson() {
        func person(_ name: String, _ country: String?) -> Person {
            Person(name: name, country: country, role: nil, keys: Set(name.lowercased().split(separator: " ").map(String.init)),
                   spans: [])
        }
        let persons = [person("Joe Biden", "US"), person("Xi Jinping", "CN"), person("Li Qiang", "CN"), person("Hunter Biden", nil)]
        var registry = NameRegistry()
        for (i, p) in persons.enumerated() { registry.register(i, keys: p.keys) }
        #expect(registry.match(keys: ["xi"], country: nil, persons: persons) == 1)
        #expect(registry.match(keys: ["biden"], country: nil, persons: persons) == nil)
        #expect(registry.match(keys: ["biden"], country: "US", persons: persons) == nil)
        #expect(registry.match(keys: ["joe", "biden"], country: "US", persons: persons) == 0)
        #expect(registry.match(keys: ["xi"], country: "US", persons: persons) == nil)
        // A fuller name than any known one names the known person whose parts it holds.
        #expect(registry.match(keys: ["president", "xi", "jinping"], country: nil, persons: persons) == 1)
        #expect(registry.match(keys: ["li", "qiang", "xi", "jinping"], country: nil, persons: persons) == nil)
        #expect(registry.match(keys: [], country: nil, persons: persons) == nil)
    }
}
