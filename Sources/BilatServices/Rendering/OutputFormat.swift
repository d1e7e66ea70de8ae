/// How a list is printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, ndjson
}

/// The formats `bilat timeline` prints: the text ones of `bilat export timeline`, written by the same
/// renderers, so that the two commands print the same bytes for one request.
public enum TimelineFormat: String, Sendable, CaseIterable {
    case md, csv, tsv, json, ndjson

    public var exportFormat: ExportFormat {
        switch self {
        case .md: .md
        case .csv: .csv
        case .tsv: .tsv
        case .json: .json
        case .ndjson: .ndjson
        }
    }
}
