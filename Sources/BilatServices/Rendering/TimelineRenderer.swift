import BilatModel

/// Prints a pair's timeline as Markdown, JSON or CSV.
public enum TimelineRenderer {
    public static func render(_ entries: [TimelineEntry], title: String, as format: TimelineFormat) -> String {
        switch format {
        case .json:
            struct Row: Encodable {
                var kind: String
                var id: Int64
                var date: String?
                var datePrecision: String?
                var headline: String
                var countries: [String]
                var place: String?
                var sourceCount: Int
                var sourceUrls: [String]
            }
            let rows = entries.map {
                Row(kind: $0.kind.rawValue, id: $0.id, date: $0.date?.iso, datePrecision: $0.date?.precision.rawValue,
                    headline: $0.headline, countries: $0.countries, place: $0.place, sourceCount: $0.sourceCount,
                    sourceUrls: $0.sourceURLs)
            }
            return JSONOutput.string(rows, pretty: true) + "\n"
        case .csv:
            return CSV.row(["kind", "id", "date", "date_precision", "headline", "countries", "place", "source_count"])
                + entries.map {
                    CSV.row([$0.kind.rawValue, String($0.id), $0.date?.iso ?? "", $0.date?.precision.rawValue ?? "",
                             $0.headline, $0.countries.joined(separator: ";"), $0.place ?? "", String($0.sourceCount)])
                }.joined()
        case .md:
            var out = "# \(MarkupText.markdown(title))\n\n"
            if entries.isEmpty { return out + "Nothing recorded yet.\n" }
            for e in entries {
                let date = e.date?.iso ?? "undated"
                let sources = e.sourceCount > 1 ? " (\(e.sourceCount) sources)" : ""
                // A url that cannot be followed (not http(s), or carrying a line break) keeps its number, unlinked.
                let links = e.sourceURLs.prefix(3).enumerated()
                    .map { " " + MarkupText.markdownLink(String($0.offset + 1), to: $0.element) }.joined()
                out += "- **\(date)** — \(e.kind.rawValue): \(MarkupText.markdown(e.headline))\(sources)\(links)\n"
            }
            return out
        }
    }
}
