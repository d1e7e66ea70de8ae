/// CSV (RFC 4180) and TSV (IANA text/tab-separated-values), one row per event, ICEWS-style snake_case columns.
enum DelimitedExport {
    enum Separator {
        case comma, tab
    }

    static let columns = ["event_id", "event_date", "date_precision", "kind", "country_a", "country_b",
                          "participants", "place", "mode", "status", "areas", "headline", "source_count",
                          "source_urls"]

    static func render(_ document: TimelineDocument, separator: Separator, to write: (String) -> Void) {
        write(row(columns, separator))
        for event in document.events {
            write(row(cells(event), separator))
        }
    }

    /// The row's cells: country_a is the first country (the one asked about), country_b the others,
    /// `;`-separated (two for most events, more for a multilateral meeting).
    static func cells(_ event: TimelineEvent) -> [String] {
        [event.uniqueID, event.date?.iso ?? "", event.date?.precision.rawValue ?? "", event.kind.rawValue,
         event.countries.first ?? "", event.countries.dropFirst().joined(separator: ";"),
         event.participants.joined(separator: ";"), event.place ?? "", event.mode?.rawValue ?? "",
         event.status?.rawValue ?? "", event.areas.joined(separator: ";"), event.headline,
         String(event.articleCount), event.sourceURLs.joined(separator: " ")]
    }

    /// Through the one CSV/TSV writer that every command uses, formula-safe and visible.
    static func row(_ cells: [String], _ separator: Separator) -> String {
        switch separator {
        case .comma: CSV.row(cells)
        case .tab: CSV.tsvRow(cells)
        }
    }
}
