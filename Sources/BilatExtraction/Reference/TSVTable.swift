import Foundation

/// A tab-separated reference table: a header line, `#` comment lines, `|` between the values of a cell.
struct TSVTable: Sendable {
    let header: [String]
    let rows: [[String]]

    init(text: String) {
        var header: [String] = []
        var rows: [[String]] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if header.isEmpty { header = cells } else { rows.append(cells) }
        }
        self.header = header
        self.rows = rows
    }

    init(contentsOf url: URL) throws {
        self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// Rows as dictionaries keyed by header name; missing cells are empty.
    var records: [TSVRecord] {
        rows.map { TSVRecord(header: header, cells: $0) }
    }
}

/// One row of a `TSVTable`.
struct TSVRecord: Sendable {
    let header: [String]
    let cells: [String]

    subscript(_ column: String) -> String {
        guard let i = header.firstIndex(of: column), i < cells.count else { return "" }
        return cells[i]
    }

    /// The `|`-separated values of a cell, empty ones dropped.
    func list(_ column: String) -> [String] {
        self[column].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func optional(_ column: String) -> String? {
        let v = self[column]
        return v.isEmpty ? nil : v
    }
}
