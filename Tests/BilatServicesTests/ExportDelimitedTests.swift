@testable import BilatServices
import Foundation
import Testing

/// A strict RFC 4180 reader, written here so the export is checked by code that shares nothing with it:
/// records end in CRLF, a quoted field may hold commas, quotes (doubled) and line breaks, and a quote
/// anywhere else is an error.
struct RFC4180Reader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var chars = Array(text.unicodeScalars)[...]
        var quoted = false
        var fieldStarted = false
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        chars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        guard chars.first == "," || chars.first == "\r" || chars.isEmpty else {
                            throw Malformed(description: "text after a closing quote in \(field)")
                        }
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard !fieldStarted, field.isEmpty else { throw Malformed(description: "quote inside \(field)") }
                quoted = true
                fieldStarted = true
            case ",":
                record.append(field)
                field = ""
                fieldStarted = false
            case "\r":
                guard chars.popFirst() == "\n" else { throw Malformed(description: "CR without LF") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStarted = false
            case "\n":
                throw Malformed(description: "bare LF line end after \(record)")
            default:
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quoted field") }
        guard record.isEmpty, field.isEmpty else { throw Malformed(description: "last record without CRLF") }
        return records
    }
}

@Suite("CSV and TSV exports")
struct ExportDelimitedTests {
    let document = ExportFixtures.document

    @Test("CSV reads back with an RFC 4180 reader: header, one record per event, same cell count, exact values")
    func csvRoundTrip() throws {
        let csv = ExportFormat.csv.render(document)
        let records = try RFC4180Reader.records(csv)

        #expect(records.first == DelimitedExport.columns)
        #expect(records.first == ["event_id", "event_date", "date_precision", "kind", "country_a", "country_b",
                                  "participants", "place", "mode", "status", "areas", "headline", "source_count",
                                  "source_urls"])
        #expect(records.count == document.events.count + 1)
        #expect(records.allSatisfy { $0.count == 14 })
        let byID = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
        let meeting = try #require(byID["meeting-12"])
        #expect(meeting[1] == "2026-01-16")
        #expect(meeting[2] == "day")
        #expect(meeting[4] == "CN" && meeting[5] == "CA")
        #expect(meeting[7] == "Beijing, \(ExportFixtures.script)")
        #expect(meeting[11] == document.events.first { $0.id == 12 }!.headline)
        #expect(meeting[11].contains("\n"), "a line break inside a quoted field survives")
        #expect(meeting[12] == "2")
        #expect(meeting[13] == "https://example.org/a?b=1&c=1 https://example.org/a?b=1&c=2")
        #expect(byID["meeting-7"]?[1] == "2025-10" && byID["meeting-7"]?[2] == "month")
        #expect(byID["agreement-3"]?[5] == "FR;DE")
        #expect(byID["meeting-99"]?[1] == "" && byID["meeting-99"]?[2] == "")
    }

    @Test("no cell a spreadsheet would run as a formula: = + - @ tab CR first get a leading quote")
    func formulaInjection() throws {
        for format in [ExportFormat.csv, .tsv] {
            let text = format.render(document)
            let records = format == .csv ? try RFC4180Reader.records(text)
                : text.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: "\t") }
            for cell in records.joined() {
                let first = cell.unicodeScalars.first
                #expect(first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true, "\(format): \(cell)")
            }
            let cells = Set(records.joined())
            #expect(cells.contains("'-2+3 Xi Jinping and Mark Carney met in Gyeongju"))
            #expect(cells.contains("'+undated call"))
            #expect(cells.contains { $0.hasPrefix("'@SUM(1+1)") })
            #expect(cells.contains { $0.hasPrefix("'=cmd|") })
        }
    }

    @Test("TSV: CRLF records, a tab between every cell and none inside, no line break inside a cell")
    func tsv() throws {
        let tsv = ExportFormat.tsv.render(document)
        #expect(tsv.hasSuffix("\r\n"))
        let lines = tsv.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == document.events.count + 1)
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        let rows = lines.map { $0.components(separatedBy: "\t") }
        #expect(rows.allSatisfy { $0.count == DelimitedExport.columns.count })
        #expect(rows[0] == DelimitedExport.columns)
        let meeting = try #require(rows.first { $0[0] == "meeting-12" })
        #expect(meeting[11] == "\(ExportFixtures.script) \(ExportFixtures.formula) met, \"really\" \(ExportFixtures.rtl)",
                "quotes kept as they are, the line break a space")
        #expect(meeting[7] == "Beijing, \(ExportFixtures.script)")
    }

    @Test("an empty export is the header alone")
    func empty() throws {
        let empty = TimelineDocument(title: "None", generated: ExportFixtures.generated, events: [])
        #expect(try RFC4180Reader.records(ExportFormat.csv.render(empty)) == [DelimitedExport.columns])
    }
}
