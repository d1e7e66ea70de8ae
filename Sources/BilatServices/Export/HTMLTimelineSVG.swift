import BilatModel

/// The SVG overview of an HTML export: a year axis, one lane per country pair (the busiest first, the
/// rest together in a last lane) and one mark per dated event, a dot for a day, a bar for a month or year,
/// each with a `<title>` tooltip and a link to the event in the list below.
struct HTMLTimelineSVG {
    static let maxLanes = 12
    static let width = 1000.0
    static let labelWidth = 190.0
    static let laneHeight = 26.0
    static let top = 30.0

    let lanes: [String]
    /// Each lane's countries as codes ("JP–PH–US"), its label when the names do not fit.
    let codes: [String: String]
    let firstYear: Int
    let lastYear: Int

    /// Lanes and the year span from the dated events; nil when no event has a date.
    init?(_ events: [TimelineEvent]) {
        var counts: [String: Int] = [:]
        var codes: [String: String] = [:]
        var years: ClosedRange<Int>?
        for event in events {
            guard let date = event.date else { continue }
            counts[event.pairLabel, default: 0] += 1
            codes[event.pairLabel] = event.countries.joined(separator: "–")
            years = years.map { min($0.lowerBound, date.year)...max($0.upperBound, date.year) } ?? date.year...date.year
        }
        guard let years else { return nil }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        lanes = ranked.count <= Self.maxLanes ? ranked : Array(ranked.prefix(Self.maxLanes - 1)) + ["Others"]
        self.codes = codes
        firstYear = years.lowerBound
        lastYear = years.upperBound
    }

    var height: Double { Self.top + Double(lanes.count) * Self.laneHeight + 8 }

    func lane(of event: TimelineEvent) -> Int {
        lanes.firstIndex(of: event.pairLabel) ?? lanes.count - 1
    }

    /// The x of a day's start; the axis runs from 1 January of the first year to 31 December of the last.
    func x(_ day: PartialDate) -> Double {
        let span = Double(lastYear - firstYear + 1)
        let fraction = (Double(day.year - firstYear) + Self.yearFraction(day)) / span
        return Self.labelWidth + fraction * (Self.width - Self.labelWidth - 10)
    }

    static func yearFraction(_ day: PartialDate) -> Double {
        let month = day.month ?? 1
        let before = (1..<month).reduce(0) { $0 + PartialDate.daysIn(month: $1, year: day.year) }
        return Double(before + (day.day ?? 1) - 1) / (PartialDate.isLeap(day.year) ? 366 : 365)
    }

    func open(title: String) -> String {
        let h = format(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(format(Self.width)) \(h)\" "
            + "role=\"img\" aria-labelledby=\"svg-title\"><title id=\"svg-title\">"
            + MarkupText.escaped("Timeline of \(title)") + "</title>\n"
        let years = lastYear - firstYear + 1
        let step = years <= 12 ? 1 : years <= 30 ? 2 : years <= 60 ? 5 : 10
        for year in stride(from: firstYear, through: lastYear + 1, by: 1) {
            let lineX = year > lastYear ? Self.width - 10 : x(PartialDate(year: year)!)
            out += "<line class=\"tick\" x1=\"\(format(lineX))\" y1=\"\(format(Self.top - 6))\" "
                + "x2=\"\(format(lineX))\" y2=\"\(h)\"/>"
            if year <= lastYear, (year - firstYear) % step == 0 {
                out += "<text class=\"year\" x=\"\(format(lineX + 3))\" y=\"\(format(Self.top - 10))\">\(year)</text>"
            }
        }
        out += "\n"
        for (i, name) in lanes.enumerated() {
            let y = Self.top + Double(i) * Self.laneHeight
            out += "<rect class=\"lane\(i % 2)\" x=\"0\" y=\"\(format(y))\" width=\"\(format(Self.width))\" "
                + "height=\"\(format(Self.laneHeight))\"/>"
            out += "<text class=\"lane-label\" x=\"6\" y=\"\(format(y + Self.laneHeight / 2 + 4))\">"
                + MarkupText.escaped(Self.label(name, codes: codes[name])) + "</text>\n"
        }
        return out
    }

    /// One event's mark; empty for an undated event.
    func mark(_ e: TimelineEvent) -> String {
        guard let date = e.date else { return "" }
        let range = DayRange(date)
        // Meetings above the lane's middle, agreements below: a treaty signed at a summit stays visible.
        let y = Self.top + Double(lane(of: e)) * Self.laneHeight + Self.laneHeight / 2 + (e.kind == .meeting ? -4 : 5)
        let classes = "mark \(e.kind.rawValue)" + (e.status == .planned ? " planned" : "")
        let tooltip = "<title>" + MarkupText.escaped("\(date.iso) · \(e.pairLabel) · \(e.headline)") + "</title>"
        let shape: String
        if date.precision == .day {
            shape = "<circle class=\"\(classes)\" cx=\"\(format(x(range.first)))\" cy=\"\(format(y))\" r=\"5\">"
                + tooltip + "</circle>"
        } else {
            let start = x(range.first)
            let end = range.exclusiveEnd.map(x) ?? Self.width - 10
            shape = "<rect class=\"\(classes) partial\" x=\"\(format(start))\" y=\"\(format(y - 4))\" "
                + "width=\"\(format(max(end - start, 3)))\" height=\"8\" rx=\"4\">" + tooltip + "</rect>"
        }
        return "<a href=\"#\(e.uniqueID)\">" + shape + "</a>\n"
    }

    /// The lane's country names when they fit its 28 characters, else its codes ("JP–PH–US"), never a
    /// name cut in the middle ("Japan–Philippines–United St…").
    static func label(_ name: String, codes: String?) -> String {
        if name.count <= 28 { return name }
        if let codes, codes.count <= 28 { return codes }
        return String(name.prefix(27)) + "…"
    }

    func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
