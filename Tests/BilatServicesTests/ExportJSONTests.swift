import BilatModel
@testable import BilatServices
import Foundation
import Testing

@Suite("JSON, NDJSON and TimelineJS exports")
struct ExportJSONTests {
    let document = ExportFixtures.document

    func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("dates are written as their ISO text, digit by digit, at every precision and width")
    func dateBytes() {
        let dates = [PartialDate(year: 2026, month: 1, day: 16), PartialDate(year: 2025, month: 10),
                     PartialDate(year: 2024), PartialDate(year: 987, month: 3, day: 9), PartialDate(year: 5),
                     PartialDate(year: 9999, month: 12, day: 31), nil]
        for date in dates {
            var bytes: [UInt8] = []
            JSONOutput.append(date: date, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == (date.map { JSONOutput.literal($0.iso) } ?? "null"))
        }
    }

    @Test("json parses with JSONSerialization; every event has the documented keys, ISO dates and precision")
    func json() throws {
        let root = try object(ExportFormat.json.render(document))
        #expect(root["schema"] as? String == "bilat.timeline/1")
        #expect(root["title"] as? String == document.title)
        #expect(root["generated"] as? String == "2026-01-16T09:30:05Z")
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(root["event_count"] as? Int == events.count)
        #expect(events.count == 4)
        let keys: Set = ["id", "kind", "date", "date_precision", "first_day", "last_day", "countries",
                         "country_names", "participants", "place", "mode", "status", "agreement_kind", "title",
                         "areas", "headline", "sources"]
        #expect(events.allSatisfy { Set($0.keys) == keys })
        #expect(events.map { $0["id"] as? String } == ["agreement-3", "meeting-7", "meeting-12", "meeting-99"])
        let month = events[1]
        #expect(month["date"] as? String == "2025-10")
        #expect(month["date_precision"] as? String == "month")
        #expect(month["first_day"] as? String == "2025-10-01")
        #expect(month["last_day"] as? String == "2025-10-31")
        #expect(events[0]["last_day"] as? String == "2024-12-31")
        #expect(events[3]["date"] is NSNull)
        let day = events[2]
        #expect(day["headline"] as? String == document.events[2].headline, "hostile text comes back exactly")
        #expect(day["participants"] as? [String] == document.events[2].participants)
        let sources = try #require(day["sources"] as? [[String: Any]])
        #expect(sources.count == 2)
        #expect(sources[0]["sentence"] as? String == ExportFixtures.source(1).sentence)
        #expect(sources[0]["published"] as? String == "2026-01-16")
        #expect(sources[0]["url"] as? String == "https://example.org/a?b=1&c=1")
        #expect(Set(sources[0].keys) == ["article_id", "title", "source", "url", "published", "sentence"])
    }

    @Test("ndjson: one JSON object per LF-terminated line, the same objects as json's events")
    func ndjson() throws {
        let text = ExportFormat.ndjson.render(document)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == document.events.count)
        let parsed = try lines.map { try object(String($0)) }
        let fromJSON = try #require(try object(ExportFormat.json.render(document))["events"] as? [[String: Any]])
        #expect(parsed.map { NSDictionary(dictionary: $0) } == fromJSON.map { NSDictionary(dictionary: $0) })
    }

    @Test("timelinejs: TimelineJS3 shape, numeric date parts only as known, display_date for partial dates")
    func timelineJS() throws {
        let root = try object(ExportFormat.timelinejs.render(document))
        let title = try #require(root["title"] as? [String: Any])
        #expect((title["text"] as? [String: Any])?["headline"] as? String == "China–Canada &lt;script&gt;alert(1)&lt;/script&gt;")
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count == 3, "the undated event has no start_date and is left out")
        for event in events {
            #expect(Set(event.keys).isSubset(of: ["unique_id", "start_date", "display_date", "text", "group"]))
            #expect(event["media"] == nil)
            let text = try #require(event["text"] as? [String: Any])
            #expect(text["headline"] is String && text["text"] is String)
            #expect(!(text["text"] as! String).contains("<script>"))
            #expect(!(text["headline"] as! String).contains("<script>"))
        }
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0["unique_id"] as! String, $0) })
        let day = try #require(byID["meeting-12"]?["start_date"] as? [String: Any])
        #expect(day["year"] as? Int == 2026 && day["month"] as? Int == 1 && day["day"] as? Int == 16)
        #expect(byID["meeting-12"]?["display_date"] == nil)
        let month = try #require(byID["meeting-7"]?["start_date"] as? [String: Any])
        #expect(Set(month.keys) == ["year", "month"])
        #expect(byID["meeting-7"]?["display_date"] as? String == "October 2025 (day not known)")
        let year = try #require(byID["agreement-3"]?["start_date"] as? [String: Any])
        #expect(Set(year.keys) == ["year"])
        #expect(byID["agreement-3"]?["display_date"] as? String == "2024 (month not known)")
        #expect(byID["meeting-12"]?["group"] as? String == "China–Canada")
        let body = try #require((byID["meeting-12"]?["text"] as? [String: Any])?["text"] as? String)
        #expect(body.contains("<a href=\"https://example.org/a?b=1&amp;c=1\" rel=\"noopener noreferrer\">"))
        #expect(body.contains("&lt;script&gt;"))
    }

    @Test("string literals escape quotes, backslashes, controls and U+2028/9, and parse back exactly")
    func literals() throws {
        let samples = ["plain", "say \"hi\"", "back\\slash", "tab\tcr\rlf\n", "\u{0}\u{1}\u{1F}", "a\u{2028}b\u{2029}c",
                       "“curly” — ✓ \(ExportFixtures.rtl) \(ExportFixtures.emoji)", ""]
        for sample in samples {
            let literal = JSONOutput.literal(sample)
            #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(parsed == [sample])
        }
        #expect(JSONOutput.literal("\u{1}") == "\"\\u0001\"")
    }

    @Test("a 10,000-event json export is written in pieces of about 64 KB, never as one string, and parses")
    func large() throws {
        let big = ExportFixtures.large(10_000)
        var bytes = 0
        var largest = 0
        var pieces = 0
        ExportFormat.json.render(big) { piece in
            bytes += piece.utf8.count
            largest = max(largest, piece.utf8.count)
            pieces += 1
        }
        // Its speed is measured by bilat-bench (release build), not here.
        #expect(pieces > 10, "written in pieces, not as one string")
        #expect(largest < 128 * 1024, "no piece holds much more than 64 KB: \(largest) bytes")
        let root = try object(ExportFormat.json.render(big))
        #expect((root["events"] as? [Any])?.count == 10_000)
        #expect(bytes > 1_000_000)
    }
}
