@testable import BilatServices
import BilatModel
import Foundation
import Testing

@Suite("Timeline exports from a real knowledge base")
struct ExportCommandTests {
    @Test("the seeds' China–Canada events come back from SQLite with their sources, in date order")
    func gather() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = try ExportFixtures.seededService(in: folder)
        func document(_ countries: [String], from: PartialDate? = nil, mode: MeetingMode? = nil,
                      area: String? = nil) throws -> TimelineDocument {
            try knowledge.timeline(knowledge.request(countries: countries, from: from, mode: mode, area: area))
        }

        let pair = try document(["Canada", "China"])
        let single = try document(["CN"])
        let all = try document([])
        let phone = try document(["CN", "CA"], mode: .phone)
        let trade = try document(["CN", "CA"], area: "trade")
        let late = try document(["CN", "CA"], from: PartialDate(year: 2026))

        #expect(pair.title == "Canada–China")
        let meetings = pair.events.filter { $0.kind == .meeting }
        #expect(meetings.map { $0.date?.iso } == ["2025-10", "2026-01-16"])
        #expect(meetings.allSatisfy { $0.countries == ["CA", "CN"] && $0.countryNames == ["Canada", "China"] })
        #expect(meetings.allSatisfy { !$0.sources.isEmpty && $0.sources.allSatisfy { !$0.sentence.isEmpty } })
        #expect(pair.events == pair.events.sorted(by: TimelineEvent.chronological))
        #expect(pair.events.contains { $0.kind == .statement }, "the pair's statements are part of its history")
        #expect(single.events.allSatisfy { $0.countries.first == "CN" })
        // One country: its meetings and agreements with every partner, and what its own officials said.
        #expect(Set(single.events.map(\.uniqueID))
            .isSuperset(of: pair.events.filter { $0.kind.isEncounter || $0.participants == ["Xi Jinping"] }.map(\.uniqueID)))
        #expect(single.events.filter { $0.kind == .statement }.allSatisfy { $0.countries == ["CN"] })
        #expect(Set(all.events.map(\.uniqueID)).isSuperset(of: single.events.map(\.uniqueID)))
        #expect(phone.events.isEmpty, "the seeds' meetings are in person; a mode filter leaves agreements and statements out")
        #expect(trade.events.allSatisfy { $0.kind == .meeting })
        #expect(Set(trade.events.map(\.uniqueID)).isSubset(of: pair.events.map(\.uniqueID)))
        #expect(throws: UnknownNameError.self, "a misspelt area is refused, not an empty export") {
            try knowledge.request(countries: ["CN", "CA"], area: "no-such-area")
        }
        #expect(late.events.allSatisfy { ($0.date?.year ?? 0) >= 2026 })
        #expect(throws: UnknownCountryError.self) { try knowledge.request(countries: ["Atlantis"]) }
    }

    @Test("bilat export timeline writes every format to a file atomically, and rejects bad arguments")
    func command() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let ingest = try runBilat(["ingest", "seeds/articles"], database: db)
        #expect(ingest.status == 0, "\(ingest.stderr)")

        for format in ExportFormat.allCases {
            let file = folder.appendingPathComponent("out.\(format.rawValue)").path
            let run = try runBilat(["export", "timeline", "China", "Canada", "--format", format.rawValue, "-o", file],
                                   database: db)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("2026"), "\(format) output names the Beijing meeting's year")
        }
        let json = try runBilat(["export", "timeline", "CN", "CA", "--format", "json"], database: db)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count >= 2)
        #expect(events.allSatisfy { ($0["id"] as? String)?.contains(/^(meeting|agreement|statement)-[0-9]+$/) == true })
        // `-o -` is stdout, not a file named "-".
        let dash = try runBilat(["export", "timeline", "CN", "CA", "--format", "json", "-o", "-"], database: db)
        #expect(dash.status == 0, "\(dash.stderr)")
        #expect(dash.stdout.contains("\"events\":["))
        #expect(!FileManager.default.fileExists(atPath: "-"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)

        let both = try runBilat(["export", "timeline", "CN", "--all", "--format", "md"], database: db)
        let none = try runBilat(["export", "timeline", "--format", "md"], database: db)
        let unknown = try runBilat(["export", "timeline", "Atlantis", "--format", "md", "-o",
                                    folder.appendingPathComponent("never.md").path], database: db)
        #expect(both.status == 64 && none.status == 64)
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown country"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never.md").path),
                "a failed export leaves no file")
    }
}
