/// JSON (one document) and NDJSON (one event a line), in the schema docs/timeline-export.md documents.
/// Keys come in a fixed order and every key is always present (null or [] when unknown).
enum JSONExport {
    static let schema = "bilat.timeline/1"

    static func render(_ document: ExportDocument, lines: Bool, to write: (String) -> Void) {
        if lines {
            for event in document.events { write(object(event) + "\n") }
            return
        }
        write("{\"schema\":\(JSONOutput.literal(schema)),\"title\":\(JSONOutput.literal(document.title)),"
              + "\"generated\":\(JSONOutput.literal(UTCTimestamp(document.generated).iso)),"
              + "\"event_count\":\(document.events.count),\"events\":[")
        for (i, event) in document.events.enumerated() {
            write((i == 0 ? "\n" : ",\n") + object(event))
        }
        write("\n]}\n")
    }

    /// One event as a compact JSON object.
    static func object(_ e: ExportEvent) -> String {
        let range = e.date.map(DayRange.init)
        var out = "{\"id\":\(JSONOutput.literal(e.uniqueID)),\"kind\":\(JSONOutput.literal(e.kind.rawValue))"
        out += ",\"date\":\(JSONOutput.literal(e.date?.iso))"
        out += ",\"date_precision\":\(JSONOutput.literal(e.date?.precision.rawValue))"
        out += ",\"first_day\":\(JSONOutput.literal(range?.first.iso))"
        out += ",\"last_day\":\(JSONOutput.literal(range?.last.iso))"
        out += ",\"countries\":\(JSONOutput.array(e.countries))"
        out += ",\"country_names\":\(JSONOutput.array(e.countryNames))"
        out += ",\"participants\":\(JSONOutput.array(e.participants))"
        out += ",\"place\":\(JSONOutput.literal(e.place))"
        out += ",\"mode\":\(JSONOutput.literal(e.mode?.rawValue))"
        out += ",\"status\":\(JSONOutput.literal(e.status?.rawValue))"
        out += ",\"agreement_kind\":\(JSONOutput.literal(e.agreementKind?.rawValue))"
        out += ",\"title\":\(JSONOutput.literal(e.title))"
        out += ",\"areas\":\(JSONOutput.array(e.areas))"
        out += ",\"headline\":\(JSONOutput.literal(e.headline))"
        out += ",\"sources\":[" + e.sources.map(source).joined(separator: ",") + "]}"
        return out
    }

    static func source(_ s: ExportSource) -> String {
        "{\"article_id\":\(JSONOutput.literal(s.articleID)),\"title\":\(JSONOutput.literal(s.title))"
            + ",\"source\":\(JSONOutput.literal(s.source)),\"url\":\(JSONOutput.literal(s.url))"
            + ",\"published\":\(JSONOutput.literal(s.published?.iso)),\"sentence\":\(JSONOutput.literal(s.sentence))}"
    }
}
