@testable import BilatServices
import Foundation
import Testing

@Suite("iCalendar export (RFC 5545)")
struct ExportICalendarTests {
    let document = ExportFixtures.document
    var ics: String { ExportFormat.ics.render(document) }

    /// Content lines after unfolding (§3.1: a CRLF followed by one space or tab is removed).
    func unfolded(_ text: String) -> [String] {
        unfold(text).components(separatedBy: "\r\n").dropLast()
    }

    /// Removes CRLF + space/tab at the octet level, as a parser does (a fold may precede a combining mark).
    func unfold(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 2 < bytes.count, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x20 || bytes[i + 2] == 0x09 {
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("every line ends in CRLF, is at most 75 octets, and continuation lines start with a space")
    func lineRules() throws {
        let text = ics
        #expect(text.hasSuffix("\r\n"))
        let bytes = Array(text.utf8)
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "LF without CR at octet \(i)")
        }
        for (i, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "CR without LF at octet \(i)")
        }
        let physical = text.components(separatedBy: "\r\n").dropLast()
        var folded = 0
        for line in physical {
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            #expect(String(validatingCString: Array(line.utf8).map { CChar(bitPattern: $0) } + [0]) != nil,
                    "a fold split a UTF-8 sequence: \(line)")
            if line.hasPrefix(" ") { folded += 1 } else { #expect(line.contains(":"), "not a content line: \(line)") }
        }
        #expect(folded > 0, "the long DESCRIPTION lines are folded")
    }

    @Test("calendar and events carry the required properties; all-day dates with an exclusive DTEND")
    func properties() throws {
        let lines = unfolded(ics)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
        let vevents = lines.split(separator: "END:VEVENT").map { Array($0.drop { $0 != "BEGIN:VEVENT" }) }
            .filter { !$0.isEmpty }
        #expect(vevents.count == 3, "the undated event is left out")
        for vevent in vevents {
            func value(_ name: String) -> String? {
                vevent.first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
                    .map { String($0[$0.index(after: $0.firstIndex(of: ":")!)...]) }
            }
            for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES"] {
                #expect(value(name) != nil, "\(name) missing")
            }
            #expect(value("DTSTAMP") == "20260116T093005Z")
            #expect(value("UID")?.hasSuffix("@bilat") == true)
            #expect(vevent.contains { $0.hasPrefix("DTSTART;VALUE=DATE:") })
            #expect(vevent.contains { $0.hasPrefix("DTEND;VALUE=DATE:") })
            let start = try #require(value("DTSTART")), end = try #require(value("DTEND"))
            #expect(start.count == 8 && end.count == 8 && end > start, "DTEND after DTSTART")
        }
        #expect(lines.contains("UID:meeting-12@bilat"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20260116") && lines.contains("DTEND;VALUE=DATE:20260117"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20251001") && lines.contains("DTEND;VALUE=DATE:20251101"),
                "a month-precision meeting spans its month")
        #expect(lines.contains("DTSTART;VALUE=DATE:20240101") && lines.contains("DTEND;VALUE=DATE:20250101"),
                "a year-precision event spans its year")
        #expect(lines.contains { $0.hasPrefix("DESCRIPTION:Date known only to the month (2025-10)") })
        #expect(lines.contains("LOCATION:Beijing\\, <script>alert(1)</script>"))
        #expect(lines.contains("CATEGORIES:meeting,in_person,held,trade,energy"))
    }

    @Test("TEXT values escape backslash, semicolon, comma and line breaks")
    func textEscaping() {
        #expect(ICalendarExport.text("a\\b;c,d\ne\r\nf\u{7}g") == "a\\\\b\\;c\\,d\\ne\\nfg")
        let lines = unfolded(ics)
        let summary = lines.first { $0.hasPrefix("SUMMARY:<script>") }
        #expect(summary == "SUMMARY:<script>alert(1)</script> =cmd|' /C calc'!A0 met\\, \"really\"\\n\(ExportFixtures.rtl)")
    }

    @Test("folding never splits a multi-octet character and unfolds to the original")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "é🤝🏽ع", count: 40)
        let folded = ICalendarExport.fold(line)
        #expect(unfold(folded + "\r\n") == line + "\r\n")
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Folds fall between characters: no continuation line starts with the skin-tone modifier.
        #expect(!folded.unicodeScalars.split(separator: "\n").contains { $0.dropFirst().first == "\u{1F3FD}" })
        let zalgo = "DESCRIPTION:a" + String(repeating: "\u{0301}", count: 60)
        #expect(unfold(ICalendarExport.fold(zalgo) + "\r\n") == zalgo + "\r\n")
        #expect(ICalendarExport.fold(zalgo).components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test("the Python icalendar parser reads the export back",
          .enabled(if: ExportFixtures.run("python3", ["-c", "import icalendar"])?.status == 0,
                   "python3 with the icalendar package is not installed (pip install icalendar)"))
    func pythonICalendar() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try folder.write(ics, to: "timeline.ics")
        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            assert cal.get('VERSION') == '2.0', cal.get('VERSION')
            out = []
            for ev in cal.walk('VEVENT'):
                cats = ev.get('CATEGORIES')
                cats = cats if isinstance(cats, list) else [cats]
                out.append({'uid': str(ev['UID']), 'start': ev.decoded('DTSTART').isoformat(),
                    'end': ev.decoded('DTEND').isoformat(), 'summary': str(ev['SUMMARY']),
                    'location': str(ev.get('LOCATION', '')), 'description': str(ev['DESCRIPTION']),
                    'categories': [str(c) for cl in cats for c in cl.cats],
                    'stamp': ev.decoded('DTSTAMP').isoformat()})
            print(json.dumps(out))
            """
        let result = try #require(ExportFixtures.run("python3", ["-c", script, file.path]))
        #expect(result.status == 0, "\(result.stderr)")
        let events = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(events.count == 3)
        let byUID = Dictionary(uniqueKeysWithValues: events.map { ($0["uid"] as! String, $0) })
        let day = try #require(byUID["meeting-12@bilat"])
        #expect(day["start"] as? String == "2026-01-16" && day["end"] as? String == "2026-01-17")
        #expect(day["summary"] as? String == document.events.first { $0.id == 12 }!.headline,
                "the parser unescapes to the exact headline")
        #expect(day["location"] as? String == "Beijing, \(ExportFixtures.script)")
        #expect((day["description"] as? String)?.contains(ExportFixtures.source(1).sentence) == true)
        #expect(day["categories"] as? [String] == ["meeting", "in_person", "held", "trade", "energy"])
        #expect(day["stamp"] as? String == "2026-01-16T09:30:05+00:00")
        #expect(byUID["meeting-7@bilat"]?["start"] as? String == "2025-10-01")
        #expect(byUID["meeting-7@bilat"]?["end"] as? String == "2025-11-01")
        #expect(byUID["agreement-3@bilat"]?["end"] as? String == "2025-01-01")
    }
}
