@testable import BilatServices
import Foundation
import Testing

/// Issue 14, item 5: one CSV writer for every command, RFC 4180 quoting on unicode scalars, formulas
/// neutralised; read back by Python's csv module, which shares nothing with it.
@Suite("The CSV writer: quoting on scalars, formulas neutralised, every command")
struct CSVWriterTests {
    static let python = Python.has("csv")

    /// Fields a hostile article could carry, and what a spreadsheet must read in their place.
    static let hostile: [(String, String)] = [
        ("https://ok.example/a\r\n=cmd|' /C calc'!A0", "https://ok.example/a\r\n=cmd|' /C calc'!A0"),
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r\n=1+1", "'\r\n=1+1"),
        ("  =1+1", "'  =1+1"),
        ("a,b\r\nc\"d\"\re\nf", "a,b\r\nc\"d\"\re\nf"),
        ("CRLF alone\r\n", "CRLF alone\r\n"),
        ("title \u{1B}]0;PWNED\u{07}\u{9B}2J\u{7F}", "title \u{FFFD}]0;PWNED\u{FFFD}\u{FFFD}2J\u{FFFD}"),
        ("-", "-"),
        ("a=b", "a=b"),
        ("", ""),
    ]

    @Test("a CRLF inside a field is quoted: \"\\r\\n\" is one Character, but two scalars")
    func crlfQuoted() {
        #expect(CSV.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSV.row(["x\r\n", "y"]) == "\"x\r\n\",y\r\n")
    }

    @Test("formulas get a leading quote (OWASP): = + - @ first, after white space too, or tab/CR first")
    func neutralised() {
        for (value, expected) in Self.hostile {
            #expect(CSV.neutralized(VisibleText.multiline(value)) == expected, "\(value.debugDescription)")
        }
    }

    @Test("Python's csv module reads every hostile field back as one field of a record as wide as the header",
          .enabled(if: python, "python3 is not installed"))
    func pythonReadsHostileFields() throws {
        let text = CSV.row(["value", "next"]) + Self.hostile.map { CSV.row([$0.0, "after"]) }.joined()
        let records = try Python.csvRecords(text)
        #expect(records.count == Self.hostile.count + 1)
        #expect(records.allSatisfy { $0.count == 2 }, "\(records)")
        #expect(Array(records.dropFirst().map { $0[0] }) == Self.hostile.map(\.1))
        #expect(records.dropFirst().allSatisfy { $0[1] == "after" })
        // The strict RFC 4180 reader of the export tests agrees.
        #expect(try RFC4180Reader.records(text) == records)
    }

    @Test("end to end: export timeline and search as CSV parse cleanly, every hostile value one neutralised field",
          .enabled(if: python, "python3 is not installed"))
    func hostileFeedEndToEnd() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try HostileFields.ingested(in: folder)

        let export = try runBilat(["export", "timeline", "China", "India", "--format", "csv"], database: db)
        let search = try runBilat(["search", "zebrafruit", "--format", "csv"], database: db)
        let meetings = try runBilat(["meetings", "China", "India", "--format", "csv"], database: db)
        let officials = try runBilat(["officials", "--format", "csv"], database: db)
        let timeline = try runBilat(["timeline", "China", "India", "--format", "csv"], database: db)

        for run in [export, search, meetings, officials, timeline] {
            #expect(run.status == 0, "\(run.stderr)")
            let records = try Python.csvRecords(run.stdout)
            #expect(records.count > 1)
            #expect(records.allSatisfy { $0.count == records[0].count }, "\(records)")
            try expectSpreadsheetSafe(records)
            #expect(try RFC4180Reader.records(run.stdout) == records)
        }

        let exported = try Python.csvRecords(export.stdout)
        try #require(exported.allSatisfy { $0.count == DelimitedExport.columns.count })
        let urls = try #require(exported[0].firstIndex(of: "source_urls"))
        #expect(exported.contains { $0[urls].hasPrefix("https://ok.example/a\r\n=cmd|") },
                "the url with a CRLF and a formula is one field")
        let hits = try Python.csvRecords(search.stdout)
        try #require(hits.allSatisfy { $0.count == 5 }, "published, source, snippet, article, chars")
        let snippets = Set(hits.dropFirst().map { $0[2] })
        for formula in ["=HYPERLINK(", "+1+cmd|", "-2+3", "@SUM(1+1)"] {
            #expect(snippets.contains { $0.hasPrefix("'" + formula) }, "\(formula) neutralised in \(snippets)")
        }
        let sources = Set(hits.dropFirst().map { $0[1] })
        #expect(sources.contains { $0.hasPrefix("'+1+cmd|' /C calc'!A0\r\nDesk\u{FFFD}]0;PWNED") },
                "the source with a CRLF is one field, neutralised, its escapes visible")
    }

    /// No field a spreadsheet would run, and no control character but tab and line breaks.
    func expectSpreadsheetSafe(_ records: [[String]]) throws {
        for field in records.joined() {
            let start = field.unicodeScalars.first { !$0.properties.isWhitespace }
            #expect(!(start.map { "=+-@".unicodeScalars.contains($0) } ?? false) || field == "-", "\(field.debugDescription)")
            #expect(!(field.unicodeScalars.first.map { $0 == "\t" || $0 == "\r" } ?? false), "\(field.debugDescription)")
            #expect(!field.unicodeScalars.contains(where: HostileFields.hidden), "\(field.debugDescription)")
        }
    }
}
