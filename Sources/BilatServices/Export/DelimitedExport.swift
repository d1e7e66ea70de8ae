/// CSV (RFC 4180) and TSV (IANA text/tab-separated-values), one row per event, ICEWS-style snake_case columns.
enum DelimitedExport {
    enum Separator {
        case comma, tab
    }

    static let columns = ["event_id", "event_date", "date_precision", "kind", "country_a", "country_b",
                          "participants", "place", "mode", "status", "areas", "headline", "source_count",
                          "source_urls"]

    static func render(_ document: ExportDocument, separator: Separator, to write: (String) -> Void) {
        write(row(columns, separator))
        for event in document.events {
            write(row(cells(event), separator))
        }
    }

    /// The row's cells: country_a is the first country (the one asked about), country_b the others,
    /// `;`-separated (two for most events, more for a multilateral meeting).
    static func cells(_ event: ExportEvent) -> [String] {
        [event.uniqueID, event.date?.iso ?? "", event.date?.precision.rawValue ?? "", event.kind.rawValue,
         event.countries.first ?? "", event.countries.dropFirst().joined(separator: ";"),
         event.participants.joined(separator: ";"), event.place ?? "", event.mode?.rawValue ?? "",
         event.status?.rawValue ?? "", event.areas.joined(separator: ";"), event.headline,
         String(event.articleCount), event.sourceURLs.joined(separator: " ")]
    }

    static func row(_ cells: [String], _ separator: Separator) -> String {
        switch separator {
        case .comma: CSV.row(cells.map(neutralized))
        case .tab: cells.map { neutralized(tsvField($0)) }.joined(separator: "\t") + "\r\n"
        }
    }

    /// A cell a spreadsheet would read as a formula (`= + - @`, tab, CR first) gets a leading `'`
    /// (OWASP's CSV-injection advice); the quote is visible, the formula is not run.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// TSV has no quoting: tabs and line breaks inside a field become spaces.
    static func tsvField(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "\t" || $0.isNewline }) else { return cell }
        return String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
