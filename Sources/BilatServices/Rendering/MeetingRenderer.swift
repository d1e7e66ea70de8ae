import BilatModel
import BilatStorage

/// A meeting as lists print it, with the date's precision spelled out.
struct MeetingRow: Encodable {
    var id: Int64
    var date: String?
    var datePrecision: String?
    var countries: [String]
    var participants: [String]
    var place: String?
    var mode: String
    var status: String
    var areas: [String]
    var sourceCount: Int

    init(_ m: MeetingSummary) {
        id = m.id
        date = m.date?.iso
        datePrecision = m.date?.precision.rawValue
        countries = m.countries
        participants = m.participants
        place = m.place
        mode = m.mode.rawValue
        status = m.status.rawValue
        areas = m.areas
        sourceCount = m.sourceCount
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(datePrecision, forKey: .datePrecision)
        try c.encode(countries, forKey: .countries)
        try c.encode(participants, forKey: .participants)
        try c.encode(place, forKey: .place)
        try c.encode(mode, forKey: .mode)
        try c.encode(status, forKey: .status)
        try c.encode(areas, forKey: .areas)
        try c.encode(sourceCount, forKey: .sourceCount)
    }

    enum CodingKeys: String, CodingKey {
        case id, date, datePrecision, countries, participants, place, mode, status, areas, sourceCount
    }
}

/// Prints meeting lists as a table, JSON, CSV or NDJSON.
public enum MeetingRenderer {
    public static func render(_ meetings: [MeetingSummary], as format: OutputFormat) -> String {
        let rows = meetings.map(MeetingRow.init)
        switch format {
        case .json:
            return JSONOutput.string(rows, pretty: true) + "\n"
        case .ndjson:
            return rows.map { JSONOutput.string($0, pretty: false) + "\n" }.joined()
        case .csv:
            let header = CSV.row(["id", "date", "date_precision", "countries", "participants", "place", "mode",
                                  "status", "areas", "source_count"])
            return header + rows.map {
                CSV.row([String($0.id), $0.date ?? "", $0.datePrecision ?? "", $0.countries.joined(separator: ";"),
                         $0.participants.joined(separator: ";"), $0.place ?? "", $0.mode, $0.status,
                         $0.areas.joined(separator: ";"), String($0.sourceCount)])
            }.joined()
        case .table:
            return Table.render(
                header: ["ID", "DATE", "COUNTRIES", "PARTICIPANTS", "PLACE", "MODE", "STATUS", "SOURCES"],
                rows: rows.map {
                    [String($0.id), $0.date ?? "-", $0.countries.joined(separator: "-"),
                     $0.participants.joined(separator: ", "), $0.place ?? "-", $0.mode, $0.status,
                     String($0.sourceCount)]
                })
        }
    }

    /// What the sources of a merged meeting disagree on: "date" (different days, or months at month
    /// precision), "place".
    static func conflicts(_ detail: MeetingDetail) -> [String] {
        (detail.dateConflict ? ["date"] : []) + (detail.placeConflict ? ["place"] : [])
    }

    /// One meeting and the sentences it was read from.
    public static func render(_ detail: MeetingDetail, json: Bool) -> String {
        if json {
            struct Report: Encodable {
                var date: String?
                var date_precision: String?
                var place: String?
                var status: String
                var article_ids: [String]
            }
            struct Out: Encodable {
                var meeting: MeetingRow
                var conflicts: [String]
                var reports: [Report]
                var sources: [SourceSentence]
            }
            let reports = detail.reports.map {
                Report(date: $0.date?.iso, date_precision: $0.date?.precision.rawValue, place: $0.place,
                       status: $0.status.rawValue, article_ids: $0.articleIDs)
            }
            return JSONOutput.string(Out(meeting: MeetingRow(detail.meeting), conflicts: conflicts(detail),
                                         reports: reports, sources: detail.sources), pretty: true) + "\n"
        }
        // Every text from articles through `VisibleText.inline`: one line each, nothing a terminal acts on.
        let v = VisibleText.inline
        let m = MeetingRow(detail.meeting)
        var out = "Meeting \(m.id)\n"
        out += "  date:         \(m.date ?? "unknown")" + (m.datePrecision.map { " (\($0) precision)" } ?? "") + "\n"
        out += "  countries:    \(v(m.countries.joined(separator: ", ")))\n"
        out += "  participants: \(m.participants.isEmpty ? "-" : v(m.participants.joined(separator: ", ")))\n"
        out += "  place:        \(m.place.map(v) ?? "-")\n"
        out += "  mode:         \(m.mode)\n  status:       \(m.status)\n"
        out += "  areas:        \(m.areas.isEmpty ? "-" : v(m.areas.joined(separator: ", ")))\n"
        // The merged meeting keeps one date and place; when the sources differ, say how.
        if detail.reports.count > 1 {
            let kinds = conflicts(detail)
            out += "Reported as" + (kinds.isEmpty ? "" : " (sources differ on " + kinds.joined(separator: " and ") + ")")
                + ":\n"
            for report in detail.reports {
                let count = report.articleIDs.count
                out += "  - \(report.date?.iso ?? "undated"), \(report.place.map(v) ?? "no place"), \(report.status.rawValue): "
                    + "\(count) article\(count == 1 ? "" : "s")\n"
            }
        }
        out += "Sources (\(m.sourceCount)):\n"
        for s in detail.sources {
            out += ListOutput.source(KnowledgeRenderer.text(s))
        }
        return out
    }
}
