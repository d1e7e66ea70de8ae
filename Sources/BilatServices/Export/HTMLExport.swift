import BilatModel

/// One self-contained HTML page: inline CSS and SVG, no script, nothing fetched (a Content-Security-Policy
/// forbids it), the SVG overview then the list of events with `<time datetime>` and their sources.
/// Every piece of text from articles goes through `MarkupText.escaped`. The overview draws meetings and
/// agreements; statements, dated by their article and often a dozen on one day, are in the list alone.
enum HTMLExport {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    static func render(_ document: TimelineDocument, to write: (String) -> Void) {
        let title = MarkupText.escaped(document.title)
        let events = document.events
        let dated = events.filter { $0.date != nil }.count
        write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="bilat">
            <title>\(title) — bilat timeline</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <p class="summary">\(events.count) event\(events.count == 1 ? "" : "s") (\(dated) dated), \
            exported <time datetime="\(UTCTimestamp(document.generated).iso)">\(UTCTimestamp(document.generated).day.iso)</time>.</p>
            </header>

            """)
        if let svg = HTMLTimelineSVG(events.filter(\.kind.isEncounter)) {
            write("<figure>\n<p class=\"legend\"><span><i class=\"meeting\"></i>meeting</span>"
                  + "<span><i class=\"agreement\"></i>agreement</span>"
                  + "<span>dot: exact day · bar: only the month or year known · hollow: planned</span></p>\n")
            write(svg.open(title: document.title))
            for event in events where event.kind.isEncounter { write(svg.mark(event)) }
            write("</svg>\n</figure>\n")
        }
        if events.isEmpty {
            write("<p>Nothing recorded yet.</p>\n")
        } else {
            write("<ol class=\"events\">\n")
            for event in events { write(item(event)) }
            write("</ol>\n")
        }
        write("<footer>Made by bilat from news articles; every event lists the sentences it was read from."
              + "</footer>\n</body>\n</html>\n")
    }

    static func item(_ e: TimelineEvent) -> String {
        var out = "<li id=\"\(MarkupText.escaped(e.uniqueID))\" class=\"\(e.kind.rawValue)\">"
        if let date = e.date {
            out += "<time class=\"when\" datetime=\"\(date.iso)\">\(readable(date))</time>"
        } else {
            out += "<span class=\"when\">Undated</span>"
        }
        out += "<span class=\"badge\">\(MarkupText.escaped(e.pairLabel))</span>"
        out += "<h2>\(MarkupText.escaped(e.headline))</h2>"
        var facts: [String] = [e.kind.rawValue]
        if let mode = e.mode { facts.append(mode.rawValue.replacingOccurrences(of: "_", with: " ")) }
        if let status = e.status { facts.append(status.rawValue) }
        if let kind = e.agreementKind { facts.append(kind.rawValue.replacingOccurrences(of: "_", with: " ")) }
        if let place = e.place { facts.append(place) }
        if !e.participants.isEmpty { facts.append(e.participants.joined(separator: ", ")) }
        if !e.areas.isEmpty { facts.append("areas: " + e.areas.joined(separator: ", ")) }
        out += "<p class=\"facts\">\(MarkupText.escaped(facts.joined(separator: " · ")))</p>"
        if !e.sources.isEmpty {
            out += "<ul class=\"sources\">" + e.sources.map { "<li>" + HTMLSources.item($0) + "</li>" }.joined()
                + "</ul>"
        }
        return out + "</li>\n"
    }

    /// "16 January 2026", "October 2025 (day unknown)", "2025 (month unknown)".
    static func readable(_ date: PartialDate) -> String {
        let months = TimelineJSExport.monthNames
        return switch date.precision {
        case .day: "\(date.day!) \(months[date.month! - 1]) \(date.year)"
        case .month: "\(months[date.month! - 1]) \(date.year) <small>(day unknown)</small>"
        case .year: "\(date.year) <small>(month unknown)</small>"
        }
    }
}
