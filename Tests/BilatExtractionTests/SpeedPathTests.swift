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

    /// `PartialDate(iso:)` reads bytes; the reference is the split-and-`Int` reading it replaced.
    @Test func isoDatesAreReadAsSplittingAndIntReadThem() {
        func reference(_ iso: String) -> PartialDate? {
            let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
            var m: Int?, d: Int?
            if parts.count > 1 {
                guard parts[1].count == 2, let v = Int(parts[1]) else { return nil }
                m = v
            }
            if parts.count > 2 {
                guard parts[2].count == 2, let v = Int(parts[2]) else { return nil }
                d = v
            }
            return PartialDate(year: y, month: m, day: d)
        }
        let samples = ["2024", "2024-05", "2024-05-31", "2024-02-30", "2023-02-29", "2024-13", "2024-00", "0000", "9999-12-31",
                       "+202", "-202", "2024-+1", "2024--1", "2024-05--1", "2024-5", "2024-005", "24-05-01", "2024-05-01-",
                       "2024-05-01-02", "", "-", "--", "2024-", "2024-05-", "２０２４", "2024-0５", "2024\r\n", "2024-1\u{301}",
                       " 2024", "2024 ", "2024-05-1a", "1900-01-01", "2100-12-31", "+999-+1-+1", "0001-01-01"]
        for s in samples {
            #expect(PartialDate(iso: s) == reference(s), "\(s)")
        }
    }

    /// A folded text's words, over bytes when it is ASCII, as the split by Characters gives them.
    @Test(arguments: ["joe biden", "  two  spaces  ", "", " ", "x", "mohammed bin salman", "e\u{301}douard  philippe",
                      "李 强", "tab\there", "crlf\r\n word"])
    func wordsAreTheSplitBySpaces(_ text: String) {
        #expect(TextFolding.words(text) == text.split(separator: " "))
    }

    /// A short text is cut in temporary storage (on the stack), a long one on the heap: alike.
    @Test func aShortTextAndTheSameWordsInALongOneAreCutAlike() {
        let short = "Sheikh Tamim bin Hamad Al Thani, Ōsaka — 29th"
        let long = String(repeating: "filler words here ", count: 200) + short
        let a = Tokenizer.tokenize(short).map { [$0.text, $0.folded] }
        let b = Tokenizer.tokenize(long).suffix(a.count).map { [$0.text, $0.folded] }
        #expect(a == Array(b))
        #expect(Tokenizer.tokenize("").isEmpty)
    }

    /// A token's Characters told from its scalars and bytes where they settle it, counted otherwise.
    @Test func aTokensCharactersAreCountedAsStringsCountThem() {
        let text = "J . Lee Jae-myung XI Ōsaka e\u{301} é 李 Ł Ó'Neill ß ǅ Ǆ 🇨🇦 x\u{301}\u{302} 29th M. D\u{308}"
        for t in Tokenizer.tokenize(text) {
            #expect(NameReader.isOneCharacter(t) == (t.text.count == 1), "\(t.text)")
            #expect(NameReader.foldsToSeveralCharacters(t) == (t.folded.count > 1), "\(t.text)")
        }
    }
}
