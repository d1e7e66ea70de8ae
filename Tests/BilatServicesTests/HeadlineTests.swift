import BilatModel
import BilatStorage
import Foundation
import Testing
@testable import BilatServices

/// Headlines read as a person writes them: each side's people with their country, names listed
/// "A, B and C", "the" before the countries that take it; lane labels never cut a name.
@Suite struct HeadlineTests {
    static let names = ["JP": "Japan", "US": "United States", "PH": "Philippines", "IN": "India"]

    func meeting(_ countries: [String], _ people: [(String, String?)], place: String? = "Washington",
                 mode: MeetingMode = .inPerson, status: MeetingStatus = .held) -> MeetingSummary {
        MeetingSummary(id: 1, date: PartialDate(iso: "2024-04-10"), countries: countries, participants: people.map(\.0),
                       participantCountries: people.map(\.1), place: place, mode: mode, status: status, areas: [],
                       sourceCount: 1)
    }

    func headline(_ m: MeetingSummary, order: [String] = []) -> String {
        Headline.meeting(m, order: order.isEmpty ? m.countries : order, name: { Self.names[$0] ?? $0 })
    }

    @Test func eachSideWithItsPeopleAndCountry() {
        let m = meeting(["JP", "US"], [("Antony Blinken", "US"), ("Fumio Kishida", "JP"), ("Joe Biden", "US"), ("Yoko Kamikawa", "JP")])
        #expect(headline(m) == "Fumio Kishida and Yoko Kamikawa of Japan met Antony Blinken and Joe Biden of the United States in Washington")
        #expect(headline(m, order: ["US", "JP"]).hasPrefix("Antony Blinken and Joe Biden of the United States met"))
    }

    @Test func aSideWithNoOneNamedIsItsOfficials() {
        let m = meeting(["JP", "US"], [("Fumio Kishida", "JP")], place: "San Francisco")
        #expect(headline(m) == "Fumio Kishida of Japan met officials of the United States in San Francisco")
        #expect(headline(meeting(["JP", "PH"], [], place: "Manila")) == "Officials of Japan and the Philippines met in Manila")
    }

    @Test func threeSidesAreAListAndCallsTakeTheirVerb() {
        let m = meeting(["JP", "PH", "US"], [("Ferdinand Marcos Jr.", "PH"), ("Fumio Kishida", "JP"), ("Joe Biden", "US")])
        #expect(headline(m) == "Fumio Kishida of Japan, Ferdinand Marcos Jr. of the Philippines and Joe Biden of the United States met in Washington")
        let call = meeting(["IN", "JP"], [("Narendra Modi", "IN"), ("Shigeru Ishiba", "JP")], place: nil, mode: .phone)
        #expect(headline(call) == "Narendra Modi of India spoke by phone with Shigeru Ishiba of Japan")
        let planned = meeting(["IN", "JP"], [("Narendra Modi", "IN")], place: "Tokyo", status: .planned)
        #expect(headline(planned) == "Narendra Modi of India to meet officials of Japan in Tokyo")
    }

    @Test func agreementsAndLists() {
        #expect(Headline.agreement(countries: ["Japan", "United States"], what: "joint statement") == "Japan and the United States: joint statement")
        #expect(Headline.list(["A", "B", "C", "D"]) == "A, B, C and D")
        #expect(Headline.country("Czech Republic") == "the Czech Republic")
        #expect(Headline.country("Cyprus") == "Cyprus")
    }

    @Test func laneLabelsUseCodesRatherThanCutANameInHalf() {
        #expect(HTMLTimelineSVG.label("Japan–Philippines–United States", codes: "JP–PH–US") == "JP–PH–US")
        #expect(HTMLTimelineSVG.label("China–Canada", codes: "CN–CA") == "China–Canada")
    }

    @Test(arguments: Backend.available) func theCommandsPrintTheNewHeadlines(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }
        let run = try runBilat(["timeline", "China", "Canada"], database: db)
        #expect(run.stdout.contains("Xi Jinping of China met Mark Carney of Canada in Beijing"), "\(run.stdout)")
        let reversed = try runBilat(["timeline", "Canada", "China"], database: db)
        #expect(reversed.stdout.contains("Mark Carney of Canada met Xi Jinping of China in Beijing"), "\(reversed.stdout)")
    }
}
