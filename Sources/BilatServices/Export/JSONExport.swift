/// JSON (one document) and NDJSON (one event a line), in the schema docs/timeline-export.md documents.
/// Keys come in a fixed order and every key is always present (null or [] when unknown).
enum JSONExport {
    static let schema = "bilat.timeline/1"

    static func render(_ document: TimelineDocument, lines: Bool, to write: (String) -> Void) {
        // Events are written in chunks of about 64 KB.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(70_000)
        func flush(_ force: Bool = false) {
            guard force || buffer.count >= 65_536, !buffer.isEmpty else { return }
            write(String(decoding: buffer, as: UTF8.self))
            buffer.removeAll(keepingCapacity: true)
        }
        if !lines {
            buffer += Array("{\"schema\":\(JSONOutput.literal(schema)),\"title\":\(JSONOutput.literal(document.title)),".utf8)
            buffer += Array("\"generated\":\(JSONOutput.literal(UTCTimestamp(document.generated).iso)),".utf8)
            buffer += Array("\"event_count\":\(document.events.count),\"events\":[".utf8)
        }
        for (i, event) in document.events.enumerated() {
            if !lines { buffer += i == 0 ? [0x0A] : [0x2C, 0x0A] }
            append(event, to: &buffer)
            if lines { buffer.append(0x0A) }
            flush()
        }
        if !lines { buffer += Array("\n]}\n".utf8) }
        flush(true)
    }

    /// One event as a compact JSON object.
    static func object(_ e: TimelineEvent) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512 + 256 * e.sources.count)
        append(e, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one event to UTF-8 bytes: one buffer an event, not a string a field.
    static func append(_ e: TimelineEvent, to out: inout [UInt8]) {
        let range = e.date.map(DayRange.init)
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(0x2C) }
            out.append(0x22)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out += [0x22, 0x3A]
        }
        out.append(0x7B)
        key("id", first: true); JSONOutput.append(literal: e.uniqueID, to: &out)
        key("kind"); JSONOutput.append(literal: e.kind.rawValue, to: &out)
        key("date"); JSONOutput.append(date: e.date, to: &out)
        key("date_precision"); JSONOutput.append(literal: e.date?.precision.rawValue, to: &out)
        key("first_day"); JSONOutput.append(date: range?.first, to: &out)
        key("last_day"); JSONOutput.append(date: range?.last, to: &out)
        key("countries"); JSONOutput.append(array: e.countries, to: &out)
        key("country_names"); JSONOutput.append(array: e.countryNames, to: &out)
        key("participants"); JSONOutput.append(array: e.participants, to: &out)
        key("place"); JSONOutput.append(literal: e.place, to: &out)
        key("mode"); JSONOutput.append(literal: e.mode?.rawValue, to: &out)
        key("status"); JSONOutput.append(literal: e.status?.rawValue, to: &out)
        key("agreement_kind"); JSONOutput.append(literal: e.agreementKind?.rawValue, to: &out)
        key("title"); JSONOutput.append(literal: e.title, to: &out)
        key("areas"); JSONOutput.append(array: e.areas, to: &out)
        key("headline"); JSONOutput.append(literal: e.headline, to: &out)
        key("sources")
        out.append(0x5B)
        for (i, s) in e.sources.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(0x7B)
            key("article_id", first: true); JSONOutput.append(literal: s.articleID, to: &out)
            key("title"); JSONOutput.append(literal: s.title, to: &out)
            key("source"); JSONOutput.append(literal: s.source, to: &out)
            key("url"); JSONOutput.append(literal: s.url, to: &out)
            key("published"); JSONOutput.append(date: s.published, to: &out)
            key("sentence"); JSONOutput.append(literal: s.sentence, to: &out)
            out.append(0x7D)
        }
        out += [0x5D, 0x7D]
    }
}
