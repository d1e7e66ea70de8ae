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
}
