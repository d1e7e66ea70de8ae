import Foundation
import Testing
@testable import BilatStorage

@Suite("Export lines: written directly, byte for byte what JSONSerialization writes, and read back")
struct TransferFormatTests {
    static let hostile: [String] = {
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        return ["", "plain", controls, "\"quoted\" \\ back\\slash /slash/", "\u{7F}DEL", "é São Paulo 東京 😀",
                "\u{2028}\u{2029}\u{FEFF}", "line\r\nbreak\ttab", "{\"table\":\"x\"}", "=cmd|' /C calc'!A0"]
    }()

    @Test("rows of every value type and hostile text: the same line as JSONSerialization's, and parsed back to the same values")
    func sameBytes() throws {
        var rows: [[(String, TransferValue)]] = []
        for text in Self.hostile {
            rows.append([("id", .integer(1)), ("title", .text(text)), ("url", .null), ("article_key", .integer(-42))])
        }
        rows.append([("n", .integer(Int64.max)), ("m", .integer(Int64.min)), ("r", .real(1.5)), ("big", .real(1e300)),
                     ("blob", .blob(Data([0, 1, 2, 255]))), ("date_first_day", .text("2026-01-16")), ("date", .null)])
        for (number, row) in rows.enumerated() {
            let line = try TransferFormat.rowLine(table: "meeting_mention", values: row)
            #expect(line == (try TransferFormat.serializedRowLine(table: "meeting_mention", values: row)))
            let parsed = try TransferFormat.parse(line, number: number + 1, expectingHeader: false)
            #expect(parsed == .row(table: "meeting_mention", values: Dictionary(uniqueKeysWithValues: row)))
        }
        // A name outside the schema's alphabet goes the slow way, with the same result.
        let odd: [(String, TransferValue)] = [("B", .integer(1)), ("a", .text("x")), ("é", .null)]
        #expect(try TransferFormat.rowLine(table: "t", values: odd) == TransferFormat.serializedRowLine(table: "t", values: odd))
    }

    /// What JSONSerialization makes of a row line, as `parse` read every line before the direct reader.
    static func slowParse(_ line: String) throws -> TransferFormat.Line? {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let table = object["table"] as? String, object["row"] is [String: Any] else { return nil }
        // parse without the direct reader: a header-free line through the slow path.
        _ = table
        return try TransferFormat.parse(" " + line, number: 1, expectingHeader: false)
    }

    @Test("the direct reader gives what JSONSerialization gives, on our lines and on hand-written ones; other shapes go the slow way")
    func directReader() throws {
        var lines: [String] = []
        for text in Self.hostile {
            lines.append(try TransferFormat.rowLine(table: "article", values: [("id", .text(text)), ("key", .integer(7)), ("url", .null)]))
        }
        lines.append(try TransferFormat.rowLine(table: "t", values: [("r", .real(-2.5e-7)), ("b", .blob(Data([9, 8]))), ("n", .integer(Int64.min))]))
        lines += [#"{"row":{"a":"\u00e9\ud83d\ude00\/x"},"table":"t"}"#, #"{"row":{},"table":"t"}"#]
        for line in lines {
            let direct = try #require(RowLineReader.read(line), "\(line)")
            #expect(direct == (try Self.slowParse(line)), "\(line)")
        }
        // Not the writer's shape: left to JSONSerialization, which still reads what is JSON.
        for other in [#"{"row": {"a": 1}, "table": "t"}"#, #"{"row":{"a":1.5},"table":"t"}"#, #"{"row":{"a":1,"a":2},"table":"t"}"#,
                      #"{"row":{"a":01},"table":"t"}"#, #"{"row":{"a":"\ud800"},"table":"t"}"#, #"{"row":{"a":[1]},"table":"t"}"#,
                      #"{"table":"t","row":{"a":1}}"#, #"{"row":{"a":99999999999999999999},"table":"t"}"#] {
            #expect(RowLineReader.read(other) == nil, "\(other)")
        }
        #expect(try TransferFormat.parse(#"{"table":"t","row":{"a":1}}"#, number: 1, expectingHeader: false)
                == .row(table: "t", values: ["a": .integer(1)]))
        #expect(throws: TransferError.self) { try TransferFormat.parse(#"{"row":{"a":1.5},"table":"t"}"#, number: 3, expectingHeader: false) }
    }
}
