/// Prints any list as a table, JSON, CSV or NDJSON the way `meetings` does: JSON rows come from the
/// Encodable value, table and CSV cells from one function.
enum ListOutput {
    static func render<Row: Encodable>(_ rows: [Row], as format: OutputFormat, header: [String],
                                       cells: (Row) -> [String]) -> String {
        switch format {
        case .json: JSONOutput.string(rows, pretty: true) + "\n"
        case .ndjson: rows.map { JSONOutput.string($0, pretty: false) + "\n" }.joined()
        case .csv: CSV.row(header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") })
            + rows.map { CSV.row(cells($0)) }.joined()
        case .table: Table.render(header: header, rows: rows.map(cells))
        }
    }

    /// One source sentence as provenance prints it; its texts through `VisibleText.inline`, one line each.
    static func source(_ s: SourceSentenceText) -> String {
        let v = VisibleText.inline
        var out = "  - \(s.title.map(v) ?? "untitled")" + (s.source.map { " — \(v($0))" } ?? "")
            + (s.published.map { ", \($0)" } ?? "") + "\n"
        if let url = s.url { out += "    \(v(url))\n" }
        out += "    article \(v(String(s.articleID.prefix(12)))) chars \(s.start)–\(s.end): \"\(v(s.sentence))\"\n"
        return out
    }
}

/// The fields of a source that text output prints.
struct SourceSentenceText {
    var articleID: String
    var title: String?
    var source: String?
    var url: String?
    var published: String?
    var sentence: String
    var start: Int
    var end: Int
}
