import Foundation

/// A plain-text table with padded columns, for terminals.
enum Table {
    /// Every cell shown through `VisibleText.inline`: one line a row, nothing a terminal would act on.
    static func render(header: [String], rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        let header = header.map(VisibleText.inline)
        let rows = rows.map { $0.map(VisibleText.inline) }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = min(max(widths[i], cell.count), 48) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let text = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                return i == cells.count - 1 ? text : text.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
