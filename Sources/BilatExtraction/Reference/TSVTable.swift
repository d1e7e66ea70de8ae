import Foundation

/// A tab-separated reference table: a header line, `#` comment lines, `|` between the values of a cell.
struct TSVTable: Sendable {
    let header: [String]
    let rows: [[String]]
    /// The line (from 1) each row is on, for messages about it.
    let lines: [Int]

    /// Lines end at LF, CR or CRLF. Parsed over UTF-8 bytes: splitting the text into grapheme
    /// clusters took 60 % of a query command's start-up (2,400 instructions a byte).
    init(text: String) {
        var header: [String] = []
        var rows: [[String]] = []
        var lines: [Int] = []
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            // CRLF ends one line.
            let crlf = lineEnd + 1 < bytes.count && bytes[lineEnd] == 0x0D && bytes[lineEnd + 1] == 0x0A
            lineNumber += 1
            defer { lineStart = lineEnd + (crlf ? 2 : 1) }
            let line = bytes[lineStart..<lineEnd]
            guard line.first != UInt8(ascii: "#") else { continue }
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map(Self.trimmed)
            if cells.allSatisfy(\.isEmpty) { continue }
            if header.isEmpty {
                header = cells
            } else {
                rows.append(cells)
                lines.append(lineNumber)
            }
        }
        self.header = header
        self.rows = rows
        self.lines = lines
    }

    /// The cell's text without the spaces (Unicode `Zs`) and tabs around it.
    static func trimmed(_ cell: ArraySlice<UInt8>) -> String {
        let text = String(decoding: cell, as: UTF8.self)
        let scalars = text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    init(contentsOf url: URL) throws {
        self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// Rows as dictionaries keyed by header name; missing cells are empty.
    var records: [TSVRecord] {
        zip(rows, lines).map { TSVRecord(header: header, cells: $0, line: $1) }
    }
}

/// One row of a `TSVTable`.
struct TSVRecord: Sendable {
    let header: [String]
    let cells: [String]
    /// The line it is on (from 1); 0 when made in code.
    var line = 0

    subscript(_ column: String) -> String {
        guard let i = header.firstIndex(of: column), i < cells.count else { return "" }
        return cells[i]
    }

    /// The `|`-separated values of a cell, empty ones dropped.
    func list(_ column: String) -> [String] {
        Array(self[column].utf8).split(separator: UInt8(ascii: "|")).map(TSVTable.trimmed).filter { !$0.isEmpty }
    }

    func optional(_ column: String) -> String? {
        let v = self[column]
        return v.isEmpty ? nil : v
    }
}
