import BilatModel

/// TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title slide and one slide per dated
/// event. Dates are numbers with only the known parts; a month- or year-precision event gets a
/// `display_date` saying so. Sources are HTML links inside `text.text`, never `media`. Undated events are
/// left out: TimelineJS requires `start_date.year`.
enum TimelineJSExport {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func render(_ document: TimelineDocument, to write: (String) -> Void) {
        let dated = document.events.filter { $0.date != nil }
        let summary = "\(dated.count) dated event\(dated.count == 1 ? "" : "s") recorded by bilat"
        write("{\"title\":{\"text\":{\"headline\":\(JSONOutput.literal(MarkupText.escaped(document.title))),"
              + "\"text\":\(JSONOutput.literal("<p>\(summary)</p>"))}},\"events\":[")
        for (i, event) in dated.enumerated() {
            write((i == 0 ? "\n" : ",\n") + slide(event))
        }
        write("\n]}\n")
    }

    static func slide(_ e: TimelineEvent) -> String {
        guard let date = e.date else { return "" }
        var start = "{\"year\":\(date.year)"
        if let month = date.month { start += ",\"month\":\(month)" }
        if let day = date.day { start += ",\"day\":\(day)" }
        start += "}"
        var out = "{\"unique_id\":\(JSONOutput.literal(e.uniqueID)),\"start_date\":\(start)"
        if date.precision != .day { out += ",\"display_date\":\(JSONOutput.literal(displayDate(date)))" }
        out += ",\"text\":{\"headline\":\(JSONOutput.literal(MarkupText.escaped(e.headline)))"
        out += ",\"text\":\(JSONOutput.literal(body(e)))}"
        out += ",\"group\":\(JSONOutput.literal(MarkupText.escaped(e.pairLabel)))}"
        return out
    }

    /// "October 2025 (day not known)", "2025 (month not known)".
    static func displayDate(_ date: PartialDate) -> String {
        switch date.precision {
        case .day: date.iso
        case .month: "\(monthNames[date.month! - 1]) \(date.year) (day not known)"
        case .year: "\(date.year) (month not known)"
        }
    }

    /// The slide's HTML: what, who, where, then the sources as links; all article text escaped.
    static func body(_ e: TimelineEvent) -> String {
        var facts: [String] = [e.kind.rawValue]
        if let mode = e.mode { facts.append(mode.rawValue.replacingOccurrences(of: "_", with: " ")) }
        if let status = e.status { facts.append(status.rawValue) }
        if let kind = e.agreementKind { facts.append(kind.rawValue.replacingOccurrences(of: "_", with: " ")) }
        var html = "<p>" + MarkupText.escaped(facts.joined(separator: " · "))
        if !e.participants.isEmpty { html += "<br>" + MarkupText.escaped(e.participants.joined(separator: ", ")) }
        if let place = e.place { html += "<br>" + MarkupText.escaped(place) }
        if !e.areas.isEmpty { html += "<br>Areas: " + MarkupText.escaped(e.areas.joined(separator: ", ")) }
        html += "</p>"
        if !e.sources.isEmpty {
            html += "<ul>" + e.sources.map { "<li>" + HTMLSources.item($0) + "</li>" }.joined() + "</ul>"
        }
        return html
    }
}
