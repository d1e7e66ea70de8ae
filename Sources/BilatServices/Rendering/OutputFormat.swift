/// How a list is printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, ndjson
}

/// How a timeline is printed.
public enum TimelineFormat: String, Sendable, CaseIterable {
    case md, json, csv
}
