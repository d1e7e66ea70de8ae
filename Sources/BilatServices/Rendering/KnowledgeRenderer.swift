import BilatModel
import BilatStorage

/// Prints officials, agreements, areas, search hits and totals.
public enum KnowledgeRenderer {
    static func text(_ s: SourceSentence) -> SourceSentenceText {
        SourceSentenceText(articleID: s.articleID, title: s.title, source: s.source, url: s.url,
                           published: s.published?.iso, sentence: s.sentence, start: s.span.start, end: s.span.end)
    }

    static func roles(_ roles: [RoleSighting]) -> String {
        roles.map { r in
            let span = [r.firstSeen?.iso, r.lastSeen?.iso].compactMap { $0 }
            return r.title + (span.isEmpty ? "" : " (" + (span[0] == span.last! ? span[0] : span[0] + "–" + span.last!) + ")")
        }.joined(separator: "; ")
    }

    /// Officials as a list.
    public static func render(_ officials: [OfficialSummary], as format: OutputFormat) -> String {
        ListOutput.render(officials, as: format, header: ["ID", "NAME", "COUNTRY", "ROLES", "MEETINGS", "ARTICLES"]) {
            [String($0.id), $0.name, $0.country ?? "-", roles($0.roles), String($0.meetingCount), String($0.articleCount)]
        }
    }

    /// One official: roles with dates, meetings attended, counterparts met, source sentences; texts from
    /// articles through `VisibleText.inline`.
    public static func render(_ detail: OfficialDetail, json: Bool) -> String {
        if json { return JSONOutput.string(detail, pretty: true) + "\n" }
        let v = VisibleText.inline
        let o = detail.official
        var out = v(o.name) + (o.country.map { " (\(v($0)))" } ?? "") + "\n"
        out += "Roles:\n" + (o.roles.isEmpty ? "  -\n" : o.roles.map { r in
            "  \(v(r.title)): seen \(r.firstSeen?.iso ?? "undated") to \(r.lastSeen?.iso ?? "undated") in \(r.articleCount) article(s)\n"
        }.joined())
        out += "Meetings (\(detail.meetings.count)):\n"
        for m in detail.meetings {
            out += "  \(m.id)  \(m.date?.iso ?? "undated")  \(v(m.countries.joined(separator: "-")))  "
                + "\(v(m.participants.joined(separator: ", ")))  \(m.place.map(v) ?? "-")  \(m.status.rawValue)\n"
        }
        out += "Counterparts:\n" + (detail.counterparts.isEmpty ? "  -\n" : detail.counterparts.map {
            "  \(v($0.name))" + ($0.country.map { " (\(v($0)))" } ?? "") + ": \($0.meetingCount) meeting(s)\n"
        }.joined())
        out += "Sources (\(Set(detail.sources.map(\.articleID)).count)):\n"
        return out + detail.sources.map { ListOutput.source(text($0)) }.joined()
    }

    /// One agreement and the sentences it was read from; texts from articles through `VisibleText.inline`.
    public static func render(_ agreement: AgreementSummary, json: Bool) -> String {
        if json { return JSONOutput.string(agreement, pretty: true) + "\n" }
        var out = "Agreement \(agreement.id)\n"
        out += "  kind:      \(agreement.kind.rawValue)\n"
        out += "  date:      \(agreement.date.map { "\($0.iso) (\($0.precision.rawValue) precision)" } ?? "unknown")\n"
        out += "  countries: \(VisibleText.inline(agreement.countries.joined(separator: ", ")))\n"
        out += "  title:     \(agreement.title.map(VisibleText.inline) ?? "-")\n"
        out += "Sources (\(Set(agreement.sources.map(\.articleID)).count)):\n"
        return out + agreement.sources.map { ListOutput.source(text($0)) }.joined()
    }

    /// Areas with counts by year and first and last mention.
    public static func render(_ areas: [AreaActivity], as format: OutputFormat) -> String {
        struct Row: Encodable {
            var area: String
            var articles: Int
            var byYear: [String: Int]
            var firstMention: String?
            var lastMention: String?
        }
        let rows = areas.map { a in
            Row(area: a.area, articles: a.articleCount,
                byYear: Dictionary(uniqueKeysWithValues: a.countsByYear.map { ($0.key == 0 ? "undated" : String($0.key), $0.value) }),
                firstMention: a.firstMention?.iso, lastMention: a.lastMention?.iso)
        }
        return ListOutput.render(rows, as: format, header: ["AREA", "ARTICLES", "BY YEAR", "FIRST", "LAST"]) {
            [$0.area, String($0.articles), $0.byYear.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
                .joined(separator: " "), $0.firstMention ?? "-", $0.lastMention ?? "-"]
        }
    }

    /// Search hits, best first.
    public static func render(_ hits: [SearchHit], as format: OutputFormat) -> String {
        struct Row: Encodable {
            var rank: Double
            var snippet: String
            var speakers: [String]
            var articleID: String
            var title: String?
            var source: String?
            var url: String?
            var published: String?
            var start: Int
            var end: Int
        }
        let rows = hits.map { h in
            Row(rank: h.rank, snippet: h.snippet, speakers: h.speakers, articleID: h.source.articleID,
                title: h.source.title, source: h.source.source, url: h.source.url, published: h.source.published?.iso,
                start: h.source.span.start, end: h.source.span.end)
        }
        return ListOutput.render(rows, as: format, header: ["PUBLISHED", "SOURCE", "SNIPPET", "ARTICLE", "CHARS"]) {
            [$0.published ?? "-", $0.source ?? $0.title ?? "-", $0.snippet, String($0.articleID.prefix(12)),
             "\($0.start)-\($0.end)"]
        }
    }

    /// Totals, then the most active pairs.
    public static func render(_ stats: KnowledgeStats, as format: OutputFormat) -> String {
        switch format {
        case .json, .ndjson: return JSONOutput.string(stats, pretty: format == .json) + "\n"
        case .csv, .table:
            let totals: [(String, Int)] = [("articles", stats.articles), ("meetings", stats.meetings),
                                           ("meeting reports", stats.meetingReports), ("officials", stats.officials),
                                           ("agreements", stats.agreements), ("organizations", stats.organizations),
                                           ("country pairs", stats.countryPairs)]
            if format == .csv {
                return CSV.row(["measure", "value"]) + totals.map { CSV.row([$0.0, String($0.1)]) }.joined()
                    + stats.mostActivePairs.map { CSV.row(["pair \($0.countries.joined(separator: "-"))", String($0.meetingCount)]) }.joined()
            }
            return Table.render(header: ["MEASURE", "VALUE"], rows: totals.map { [$0.0, String($0.1)] })
                + (stats.mostActivePairs.isEmpty ? "" : "\nMost active pairs:\n" + Table.render(
                    header: ["PAIR", "MEETINGS", "LAST"],
                    rows: stats.mostActivePairs.map { [$0.countries.joined(separator: "-"), String($0.meetingCount),
                                                       $0.lastMeeting?.iso ?? "-"] }))
        }
    }
}
