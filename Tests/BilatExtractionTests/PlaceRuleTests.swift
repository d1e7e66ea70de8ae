import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The place rules, each with sentences that must and must not fire (Tests/Fixtures/rules/places-rules.tsv),
/// and the place tables they read: cities.tsv (from GeoNames), venues.tsv, regions.tsv.
@Suite struct PlaceRuleTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    struct Example {
        var rule: PlaceRule
        var place: String?
        var text: String
        var line: Int
    }

    static func examples() throws -> [Example] {
        let url = Fixtures.url("rules/places-rules.tsv")
        let table = try TSVTable(contentsOf: url)
        #expect(table.header == ["rule", "place", "text"])
        return try table.records.map { r in
            guard let rule = PlaceRule(rawValue: r["rule"]) else {
                throw CityTableError.badRow(file: "places-rules.tsv", line: r.line, "unknown rule \"\(r["rule"])\"")
            }
            return Example(rule: rule, place: r["place"] == "-" ? nil : r["place"],
                           text: r["text"].replacingOccurrences(of: "\\n", with: "\n"), line: r.line)
        }
    }

    @Test func everyExamplePlacesItsMeetingAsWritten() throws {
        for e in try Self.examples() {
            let text = "---\ntitle: Test\npublished: 2024-03-15\n---\n\(e.text)\n"
            let meetings = extractor.extract(try ArticleReader.read(text: text)).meetings.filter { $0.mode == .inPerson }
            let meeting = try #require(meetings.first, "places-rules.tsv:\(e.line) (\(e.rule.rawValue)) reports no in-person meeting")
            #expect(meeting.place == e.place, "places-rules.tsv:\(e.line) (\(e.rule.rawValue)): \(meeting.place ?? "no place")")
        }
    }

    @Test func everyRuleHasExamplesThatFireAndThatDoNot() throws {
        let examples = try Self.examples()
        for rule in PlaceRule.allCases {
            #expect(examples.contains { $0.rule == rule && $0.place != nil }, "\(rule.rawValue) has no example that fires")
            #expect(examples.contains { $0.rule == rule && $0.place == nil }, "\(rule.rawValue) has no example that must not fire")
        }
    }

    // MARK: The tables

    @Test func theGazetteerHoldsTheWorldsTownsAndNoMore() throws {
        let reference = try ReferenceData.bundled()
        let cities = reference.places.cities.cities
        #expect(cities.count > 30_000)
        // GeoNames files Kosovo's towns under XK, a code ISO 3166-1 leaves to users.
        let codes = Set(reference.countries.map(\.code) + ["XK"])
        #expect(cities.allSatisfy { codes.contains($0.country) }, "a city of a country countries.tsv does not list")
        #expect(cities.allSatisfy { $0.population >= 15_000 })
        let index = Gazetteer(reference).cities
        #expect(index.entry(named: "Moscow")?.countryCode == "RU")
        #expect(index.entry(named: "Cologne")?.countryCode == "DE")
        #expect(index.entry(named: "Kiev")?.countryCode == "UA")
        #expect(index.entry(named: "Washington")?.isIn("GB") == true)
        #expect(index.entry(named: "Sharm El Sheikh") == index.entry(named: "Sharm el-Sheikh"))
        #expect(index.entry(named: "Nuku'alofa") != nil)
        #expect(index.entry(named: "Victory Plan") == nil)
        let bundle = try #require(Bundle.module.url(forResource: "reference", withExtension: nil))
        let size = try FileManager.default.attributesOfItem(atPath: bundle.appendingPathComponent("cities.tsv").path)[.size] as? Int
        #expect((size ?? 0) < 2_000_000, "cities.tsv grew past 2 MB")
    }

    @Test func commandsThatOnlyLookNamesUpLoadNoPlaces() throws {
        let lookup = try ReferenceData.bundledForLookup()
        #expect(lookup.places.cities.count == 0 && lookup.places.venues.isEmpty)
        #expect(lookup.country(named: "Kenya")?.code == "KE")
        #expect(try ReferenceData.bundled().places.cities.count > 30_000)
    }

    @Test func aBadCityRowIsRefusedWithItsLine() {
        func problem(_ text: String) -> CityTableError? {
            do {
                _ = try CityTable(bytes: Array(text.utf8), file: "cities.tsv")
                return nil
            } catch {
                return error as? CityTableError
            }
        }
        let header = "# comment\nname\tcountry\tpopulation\taliases\n"
        #expect(problem(header + "Oslo\tNO\t709037\t\n") == nil)
        #expect(problem(header + "Oslo\tNO\t709037\t\nBergen\tnorway\t285911\t\n")?.description
            == "cities.tsv:4: country \"norway\" is no ISO 3166-1 alpha-2 code")
        #expect(problem(header + "Bergen\tNO\tmany\t\n")?.description == "cities.tsv:3: population \"many\" is not a whole number")
        #expect(problem(header + "Bergen\tNO\t285911\n")?.description == "cities.tsv:3: 3 cells, expected 4")
        #expect(problem("town\tcountry\n")?.description == "cities.tsv:1: the header must be name country population aliases")
        #expect(throws: CityTableError.self) { try CityTable(contentsOf: URL(fileURLWithPath: "/nonexistent/cities.tsv")) }
    }

    @Test func aVenueOrPlaceWordOfAnUnknownKindIsRefusedWithItsLine() throws {
        let dir = try makeReferenceDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "venue\tplace\tkind\nkremlin\tMoscow\tinside\nchequers\tChequers\tretreat\n"
            .write(to: dir.appendingPathComponent("venues.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: CityTableError.badRow(file: "venues.tsv", line: 3, "kind \"retreat\" is none of inside, own")) {
            try ReferenceData(directory: dir)
        }
        try "venue\tplace\tkind\nkremlin\tMoscow\tinside\n".write(to: dir.appendingPathComponent("venues.tsv"), atomically: true, encoding: .utf8)
        try "word\tkind\nin\tlocative\ntowards\tdirection\n"
            .write(to: dir.appendingPathComponent("lexicon/place_words.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: CityTableError.badRow(file: "place_words.tsv", line: 3,
                                              "kind \"direction\" is none of locative, not_destination, region, settlement, heading_word, remote")) {
            try ReferenceData(directory: dir)
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("regions.tsv"))
        #expect(throws: CityTableError.self) { try ReferenceData(directory: dir) }
    }

    // MARK: The article's own place

    @Test func aDatelineIsAPlaceOnlyWhereTheGazetteerKnowsIt() throws {
        let places = ArticlePlace(gazetteer: extractor.gazetteer)
        #expect(places.dateline("New Delhi") == "New Delhi")
        #expect(places.dateline("Sharm El-Sheikh") == "Sharm El-Sheikh")
        #expect(places.dateline("Vatican City") == "Vatican City")
        #expect(places.dateline("Kananaskis") == "Kananaskis")
        #expect(places.dateline("Aboard Air Force One") == nil)
        #expect(places.dateline("United Nations") == nil)
        #expect(places.dateline("Breaking") == nil)
    }

    @Test func aHeadingsPlaceLineNamesTheTownBeforeItsCountry() {
        let places = ArticlePlace(gazetteer: extractor.gazetteer)
        func place(_ line: String) -> String? { places.place(inHeading: Tokenizer.tokenize(line)[...]) }
        #expect(place("Grand Hotel Oslo Oslo, Norway") == "Oslo")
        #expect(place("*Presidential Office *Santiago, Chile**") == "Santiago")
        #expect(place("Convention Centre Perth, Western Australia") == "Perth")
        #expect(place("Roosevelt Room") == "Washington")
        #expect(place("Kantei, Tokyo, Japan") == "Tokyo")
        #expect(place("Carbis Bay Hotel Cornwall, United Kingdom") == "Carbis Bay")
        #expect(place("Via Teleconference Oval Office") == nil)
        #expect(place("The two leaders met in Oslo.") == nil)
        #expect(ArticlePlace.givesTimeOrDate("4:15 P.M. EDT", lexicon: extractor.gazetteer.calendarWords))
        #expect(ArticlePlace.givesTimeOrDate("12 March 2024", lexicon: extractor.gazetteer.calendarWords))
        #expect(!ArticlePlace.givesTimeOrDate("PRESIDENT BIDEN: Thank you.", lexicon: extractor.gazetteer.calendarWords))
    }
}
