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
            var out = "# \(title)\n\n"
            if entries.isEmpty { return out + "Nothing recorded yet.\n" }
            for e in entries {
                let date = e.date?.iso ?? "undated"
                let sources = e.sourceCount > 1 ? " (\(e.sourceCount) sources)" : ""
                let links = e.sourceURLs.prefix(3).enumerated().map { " [\($0.offset + 1)](\($0.element))" }.joined()
                out += "- **\(date)** — \(e.kind.rawValue): \(markdownEscaped(e.headline))\(sources)\(links)\n"
            }
            return out
        }
    }

    private static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch == "\n" ? " " : ch)
        }
        return out
    }
}
