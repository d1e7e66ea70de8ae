import Testing
@testable import BilatExtraction

@Suite("TSV reference tables")
struct TSVTableTests {
    @Test("lines end at LF, CR or CRLF; comments and blank lines are skipped; cells are trimmed of spaces")
    func parsing() {
        let table = TSVTable(text: "name\tlist\r\n# a comment\n\n \t \nLa\u{00A0}Paz \t a | b ||\u{00A0}c \rÉire\t\nlast\tx|y")

        #expect(table.header == ["name", "list"])
        #expect(table.rows == [["La\u{00A0}Paz", "a | b ||\u{00A0}c"], ["Éire", ""], ["last", "x|y"]])
        // CRLF ends one line: the rows' lines are counted as an editor counts them.
        #expect(table.lines == [5, 6, 7])
        #expect(table.records.map(\.line) == [5, 6, 7])
        let records = table.records
        #expect(records[0].list("list") == ["a", "b", "c"])
        #expect(records[1].list("list") == [])
        #expect(records[1].optional("list") == nil)
        #expect(records[2]["missing"] == "")
    }
}
