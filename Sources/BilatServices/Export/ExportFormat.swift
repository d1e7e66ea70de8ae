/// The formats `bilat export timeline` writes (and `bilat timeline` prints the text ones of).
public enum ExportFormat: String, Sendable, CaseIterable {
    case md, csv, tsv, json, ndjson, timelinejs, ics, html, gexf

    /// Writes the document in this format, piece by piece, to `write`.
    public func render(_ document: TimelineDocument, to write: (String) -> Void) {
        switch self {
        case .md: MarkdownExport.render(document, to: write)
        case .csv: DelimitedExport.render(document, separator: .comma, to: write)
        case .tsv: DelimitedExport.render(document, separator: .tab, to: write)
        case .json: JSONExport.render(document, lines: false, to: write)
        case .ndjson: JSONExport.render(document, lines: true, to: write)
        case .timelinejs: TimelineJSExport.render(document, to: write)
        case .ics: ICalendarExport.render(document, to: write)
        case .html: HTMLExport.render(document, to: write)
        case .gexf: GEXFExport.render(document, to: write)
        }
    }

    /// The whole output as one string, for tests and small exports.
    public func render(_ document: TimelineDocument) -> String {
        var out = ""
        render(document) { out += $0 }
        return out
    }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .timelinejs: "json"
        default: rawValue
        }
    }
}
