@testable import BilatServices
import BilatModel
import Foundation
import Testing

/// Issue 16, "one query model": `bilat timeline` and `bilat export timeline` ask one checked request
/// and print one model, so they agree on the events, the ids and the columns, and refuse a bad filter
/// in the same words.
@Suite("One timeline model behind timeline and export timeline")
struct TimelineCommandTests {
    /// Both commands for the same countries and filters.
    func both(_ arguments: [String], format: String, database: String) throws -> (timeline: BilatRun, export: BilatRun) {
        (try runBilat(["timeline"] + arguments + ["--format", format], database: database),
         try runBilat(["export", "timeline"] + arguments + ["--format", format], database: database))
    }

    /// The JSON document without its `generated` time, which differs from run to run.
    func withoutTime(_ text: String) throws -> NSDictionary {
        var root = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        root["generated"] = nil
        return root as NSDictionary
    }

    @Test("on a pair the two commands print the same events with the same ids: CSV, TSV, NDJSON and Markdown byte for byte, JSON but its time", arguments: Backend.available)
    func theCommandsAgreeOnAPair(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }

        for arguments in [["China", "Canada"], ["Canada", "China", "--from", "2026"], ["CN", "CA", "--kind", "meeting,agreement"],
                          ["China", "Canada", "--area", "trade"], ["--between", "China", "Canada"]] {
            for format in ["csv", "tsv", "ndjson", "md"] {
                let (timeline, export) = try both(arguments, format: format, database: db)
                #expect(timeline.status == 0 && export.status == 0, "\(arguments) \(format): \(timeline.stderr) \(export.stderr)")
                #expect(timeline.stdout == export.stdout, "\(arguments) --format \(format)")
            }
            let (timeline, export) = try both(arguments, format: "json", database: db)
            #expect(try withoutTime(timeline.stdout) == withoutTime(export.stdout), "\(arguments) --format json")
        }

        let (timeline, export) = try both(["China", "Canada"], format: "csv", database: db)
        let rows = try RFC4180Reader.records(timeline.stdout)
        #expect(rows.first == DelimitedExport.columns, "timeline's CSV has the export's columns")
        #expect(try RFC4180Reader.records(export.stdout).first == DelimitedExport.columns)
        let ids = rows.dropFirst().map { $0[0] }
        #expect(ids.contains("meeting-2") && ids.contains("agreement-1"), "\(ids)")
        #expect(ids.filter { $0.hasPrefix("statement-") }.count == 15, "the pair's 15 statements are in both: \(ids)")
        #expect(ids.allSatisfy { $0.contains(/^(meeting|agreement|statement)-[0-9]+$/) }, "\(ids)")
        let carney = try #require(rows.first { $0[3] == "statement" && $0[6] == "Mark Carney" })
        #expect(carney[4] == "CN" && carney[5] == "CA", "a statement is the pair's, in the order asked: \(carney)")
        #expect(carney[11].hasPrefix("Mark Carney said: "), "\(carney)")
    }

    @Test("the same ids in every format of both commands, and `show` takes them", arguments: Backend.available)
    func theSameIdsEverywhere(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }

        let json = try runBilat(["timeline", "China", "Canada", "--format", "json"], database: db)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = try #require(root["events"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.contains("meeting-2"), "\(ids)")
        let markdown = try runBilat(["timeline", "China", "Canada"], database: db)
        #expect(markdown.stdout.hasPrefix("# China–Canada\n"), "\(markdown.stdout)")
        let html = try runBilat(["export", "timeline", "China", "Canada", "--format", "html"], database: db)
        for id in ids {
            #expect(html.stdout.contains("<li id=\"\(id)\""), "\(id) is the HTML anchor")
        }

        let byNumber = try runBilat(["show", "meeting", "2", "--json"], database: db)
        let byID = try runBilat(["show", "meeting", "meeting-2", "--json"], database: db)
        #expect(byID.status == 0 && byID.stdout == byNumber.stdout, "\(byID.stderr)")
        let agreement = try runBilat(["show", "agreement", "agreement-1"], database: db)
        #expect(agreement.status == 0, "\(agreement.stderr)")
        let crossed = try runBilat(["show", "meeting", "agreement-1"], database: db)
        #expect(crossed.status == 64 && crossed.stderr.contains("bilat show agreement agreement-1"), "\(crossed.stderr)")
    }

    @Test(arguments: [
        (["China", "Canada", "--area", "trdae"], Int32(64), "unknown area 'trdae'; did you mean trade?"),
        (["China", "Canada", "--with", "Nobody Atall"], 66, "unknown person 'Nobody Atall'"),
        (["China", "PRC"], 64, "'China' and 'PRC' are both China"),
        (["Chnia", "Canada"], 64, "unknown country 'Chnia'"),
        (["China", "Canada", "--mode", "phone", "--kind", "agreement"], 64, "--mode selects meetings only; --kind agreement"),
        (["China", "Canada", "--kind", "meetng"], 64, "unknown kind of event 'meetng'"),
        (["China", "Canada", "--from", "2026", "--to", "2025"], 64, "--from 2026 is after --to 2025"),
        (["China", "Canada", "--between", "Japan", "India"], 64, "--between takes two or more countries and no others"),
    ])
    func aBadFilterIsRefusedTheSameWayByBoth(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ingestedDatabase(in: folder, paths: ["seeds/articles"])

        let (timeline, export) = try both(arguments, format: "csv", database: db)
        #expect(timeline.status == status && export.status == status, "\(timeline.stderr) | \(export.stderr)")
        #expect(timeline.stderr.contains(message), "\(timeline.stderr)")
        // The same words, but for the command an example names.
        #expect(timeline.stderr.split(separator: "\n").first
                    == export.stderr.replacingOccurrences(of: "bilat export timeline", with: "bilat timeline").split(separator: "\n").first,
                "\(timeline.stderr) | \(export.stderr)")
        #expect(timeline.stdout.isEmpty && export.stdout.isEmpty)
    }

    @Test("each command is offered the filters that apply to it: --kind for the timelines, not for meetings or search", arguments: Backend.available)
    func filtersOfEachCommand(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }

        for command in [["meetings", "China", "Canada"], ["search", "Carney"]] {
            let run = try runBilat(command + ["--kind=meeting"], database: db)
            #expect(run.status == 64 && run.stderr.contains("Unknown option '--kind'"), "\(command): \(run.stderr)")
        }
        let area = try runBilat(["search", "Carney", "--area", "trade"], database: db)
        #expect(area.status == 64, "search has no --area: \(area.stderr)")
        for command in [["meetings", "China", "Canada"], ["timeline", "China", "Canada"], ["export", "timeline", "China", "Canada"]] {
            let help = try runBilat(command + ["--help"], database: db)
            for option in ["--from", "--to", "--between", "--with", "--area", "--mode", "--status"] {
                #expect(help.stdout.contains(option), "\(command) offers \(option)")
            }
            #expect(help.stdout.contains("--kind") == (command[0] != "meetings"), "\(command)")
        }
        let meetings = try runBilat(["meetings", "China", "Canada", "--mode", "in_person", "--format", "csv"], database: db)
        let timeline = try runBilat(["timeline", "China", "Canada", "--mode", "in_person", "--format", "csv"], database: db)
        #expect(try RFC4180Reader.records(meetings.stdout).count == RFC4180Reader.records(timeline.stdout).count,
                "a meeting filter: the timeline holds the meetings `meetings` lists, and nothing else")
    }

    @Test("the request is checked once: countries resolved and distinct, dates ordered, area a key, kinds the filters can hold")
    func theRequestIsChecked() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = try ExportFixtures.seededService(in: folder)

        let pair = try knowledge.request(countries: ["Chinese", "CA"], area: "Trade")
        #expect(pair.codes == ["CN", "CA"] && pair.area == "trade" && pair.title == "China–Canada")
        #expect(pair.kinds == [.meeting], "an area selects meetings")
        #expect(try knowledge.request(countries: ["CN"]).kinds == Set(TimelineEvent.Kind.allCases))
        #expect(try knowledge.request(countries: []).title == "All bilateral relations")
        #expect(try knowledge.request(countries: ["CN"], mode: .phone, kinds: [.meeting]).kinds == [.meeting])
        #expect(try knowledge.request(countries: ["CN"], people: ["President Xi"]).participants == ["Xi Jinping"])
        #expect(throws: RepeatedCountryError.self) { try knowledge.request(countries: ["China", "PRC"]) }
        let (y2025, y2026) = (try #require(PartialDate(year: 2025)), try #require(PartialDate(year: 2026)))
        #expect(throws: TimelineRequestError.emptyRange(from: y2026, to: y2025)) {
            try knowledge.request(countries: ["CN"], from: y2026, to: y2025)
        }
        #expect(throws: TimelineRequestError.meetingFilters(["--status"], excluding: [.statement])) {
            try knowledge.request(countries: ["CN"], status: .held, kinds: [.meeting, .statement])
        }
        #expect(throws: TimelineRequestError.noKind) { try knowledge.request(countries: ["CN"], kinds: []) }
        // Usage errors before the knowledge base is asked about people.
        #expect(throws: TimelineRequestError.self) {
            try knowledge.request(countries: ["CN"], from: y2026, to: y2025, people: ["Nobody Atall"])
        }
        let statements = try knowledge.timeline(knowledge.request(countries: ["CN", "CA"], kinds: [.statement]))
        #expect(!statements.events.isEmpty && statements.events.allSatisfy { $0.kind == .statement })
        #expect(statements.events.allSatisfy { $0.countries == ["CN", "CA"] && $0.sources.count == 1 })
    }

    @Test("statements: in Markdown, CSV, JSON, TimelineJS and the HTML list; not in iCalendar, GEXF or the HTML overview")
    func statementsInEachFormat() throws {
        let statement = TimelineEvent(
            kind: .statement, id: 40, date: PartialDate(year: 2026, month: 1, day: 16), countries: ["CN", "CA"],
            countryNames: ["China", "Canada"], participants: ["Xi Jinping"], headline: "Xi Jinping said: ties matter.",
            sources: [TimelineSource(articleID: "a1", title: nil, source: nil, url: nil,
                                     published: PartialDate(year: 2026, month: 1, day: 16), sentence: "ties matter.")])
        let meeting = TimelineEvent(kind: .meeting, id: 2, date: PartialDate(year: 2026, month: 1, day: 16),
                                    countries: ["CN", "CA"], countryNames: ["China", "Canada"], mode: .inPerson,
                                    status: .held, headline: "Xi Jinping met Mark Carney")
        let document = TimelineDocument(title: "China–Canada", generated: ExportFixtures.generated,
                                        events: [statement, meeting].sorted(by: TimelineEvent.chronological))
        #expect(document.events.map(\.kind) == [.meeting, .statement], "on one day meetings come first")

        #expect(ExportFormat.md.render(document).contains("- **2026-01-16** — Xi Jinping said: ties matter. _(statement)_\n  - source, 2026-01-16\n"),
                "the headline quotes the sentence once")
        #expect(ExportFormat.csv.render(document).contains("statement-40,2026-01-16,day,statement,CN,CA,Xi Jinping,"))
        #expect(ExportFormat.json.render(document).contains("{\"id\":\"statement-40\",\"kind\":\"statement\""))
        #expect(ExportFormat.timelinejs.render(document).contains("\"unique_id\":\"statement-40\""))
        let html = ExportFormat.html.render(document)
        #expect(html.contains("<li id=\"statement-40\" class=\"statement\">"))
        #expect(!html.contains("href=\"#statement-40\""), "no mark in the overview")
        #expect(html.contains("href=\"#meeting-2\""))
        let ics = ExportFormat.ics.render(document)
        #expect(ics.contains("UID:meeting-2@bilat") && !ics.contains("statement"))
        let gexf = ExportFormat.gexf.render(document)
        #expect(gexf.contains("meeting-2:CA-CN") && !gexf.contains("statement"))
    }
}
