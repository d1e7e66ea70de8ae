import BilatModel

/// iCalendar (RFC 5545): one all-day VEVENT per dated meeting or agreement. A month- or year-precision
/// event spans its whole month or year (DTEND is exclusive: the first day after), and its DESCRIPTION says
/// the day is not known; undated events are left out, and so are statements, which are no occasion on a
/// day (one side speaking, dated by its article). DTSTAMP is the export time in UTC; UIDs are the event ids.
enum ICalendarExport {
    static func render(_ document: TimelineDocument, to write: (String) -> Void) {
        let stamp = UTCTimestamp(document.generated).compact
        write(lines(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bilat//Timeline export//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + text(document.title)]))
        for event in document.events {
            if let vevent = vevent(event, stamp: stamp) { write(vevent) }
        }
        write(lines(["END:VCALENDAR"]))
    }

    static func vevent(_ e: TimelineEvent, stamp: String) -> String? {
        guard e.kind.isEncounter, let date = e.date else { return nil }
        let range = DayRange(date)
        guard let end = range.exclusiveEnd else { return nil }
        var description: [String] = []
        switch date.precision {
        case .day: break
        case .month: description.append("Date known only to the month (\(date.iso)); shown across the month.")
        case .year: description.append("Date known only to the year (\(date.iso)); shown across the year.")
        }
        if !e.participants.isEmpty { description.append("Participants: " + e.participants.joined(separator: ", ")) }
        if !e.areas.isEmpty { description.append("Areas: " + e.areas.joined(separator: ", ")) }
        for source in e.sources {
            let name = [source.title, source.source, source.published?.iso].compactMap { $0 }.joined(separator: ", ")
            description.append("Source: " + name + (source.url.map { " <\($0)>" } ?? ""))
            if !source.sentence.isEmpty { description.append("  “" + source.sentence + "”") }
        }
        var categories = [e.kind.rawValue]
        if let mode = e.mode { categories.append(mode.rawValue) }
        if let status = e.status { categories.append(status.rawValue) }
        if let kind = e.agreementKind { categories.append(kind.rawValue) }
        categories += e.areas
        var properties = [
            "BEGIN:VEVENT",
            "UID:\(e.uniqueID)@bilat",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(compact(range.first))",
            "DTEND;VALUE=DATE:\(compact(end))",
            "SUMMARY:" + text(e.headline),
        ]
        if let place = e.place { properties.append("LOCATION:" + text(place)) }
        properties.append("DESCRIPTION:" + text(description.joined(separator: "\n")))
        properties.append("CATEGORIES:" + categories.map(text).joined(separator: ","))
        if e.status == .planned { properties.append("STATUS:TENTATIVE") }
        if let url = MarkupText.followableURL(e.sources.first?.url) { properties.append("URL:" + url) }
        properties.append("TRANSP:TRANSPARENT")
        properties.append("END:VEVENT")
        return lines(properties)
    }

    static func compact(_ day: PartialDate) -> String {
        day.iso.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`;
    /// other control characters, which TEXT forbids, dropped.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousCR = false
        for scalar in value.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Content lines ending in CRLF, each folded to at most 75 octets.
    static func lines(_ contentLines: [String]) -> String {
        contentLines.map { fold($0) + "\r\n" }.joined()
    }

    /// Folds a content line (§3.1): a CRLF and a space before the octet that would pass 75, never inside
    /// a UTF-8 sequence; continuation lines count their leading space. Folds fall between user-perceived
    /// characters, so that an emoji with its modifier stays on one line; only a character longer than a
    /// whole line is split, between its scalars.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var used = 0
        func append(_ piece: Substring.UnicodeScalarView, size: Int) {
            if used + size > 75 {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(contentsOf: piece)
            used += size
        }
        for character in line {
            let size = character.utf8.count
            if size <= 74 {
                append(Substring(String(character)).unicodeScalars, size: size)
            } else {
                for scalar in character.unicodeScalars {
                    append(Substring(String(scalar)).unicodeScalars, size: UTF8.width(scalar))
                }
            }
        }
        return out
    }
}
