import BilatModel
import Testing
@testable import BilatStorage

@Suite("Meeting clustering")
struct MeetingClusteringTests {
    static func mention(_ id: Int64, _ iso: String?, article: String, place: String? = nil,
                        status: MeetingStatus = .held, participants: Set<Int64> = []) -> MentionInput {
        MentionInput(id: id, articleID: article, articleKey: key(article), position: 0, date: iso.flatMap(PartialDate.init(iso:)), place: place,
                     status: status, participants: participants, formerMeetingID: nil)
    }

    /// A stand-in for the article's integer key: one for one with the name (FNV-1a).
    static func key(_ article: String) -> Int64 {
        Int64(bitPattern: article.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })
    }

    func dates(_ mentions: [MentionInput]) -> [String] {
        MeetingClustering().clusters(mentions).map { cluster in
            (cluster.date?.iso ?? "none") + ":" + cluster.mentions.map(\.articleID).sorted().joined(separator: "+")
        }
    }

    @Test("a day inside a month, a month inside a year: one meeting at the finest date")
    func coarseJoinsFine() {
        let result = dates([Self.mention(1, "2025", article: "c"), Self.mention(2, "2025-10", article: "b"),
                            Self.mention(3, "2025-10-30", article: "a")])
        #expect(result == ["2025-10-30:a+b+c"])
    }

    @Test("two days with different places stay two; a month report joins the one of its place")
    func twoMeetingsInAMonth() {
        let result = dates([Self.mention(1, "2025-10-03", article: "a", place: "Paris"),
                            Self.mention(2, "2025-10-20", article: "b", place: "Berlin"),
                            Self.mention(3, "2025-10", article: "c", place: "Berlin")])
        #expect(result == ["2025-10-03:a", "2025-10-20:b+c"])
    }

    @Test("month reports naming different places stay two meetings")
    func monthsWithPlaces() {
        let result = dates([Self.mention(1, "2025-10", article: "a", place: "Paris"),
                            Self.mention(2, "2025-10", article: "b", place: "Berlin"),
                            Self.mention(3, "2025-10", article: "c")])
        #expect(result == ["2025-10:b+c", "2025-10:a"])
    }

    @Test("the same day held and announced is one held meeting; a planned year stays apart from a held day")
    func status() {
        let clusters = MeetingClustering().clusters([
            Self.mention(1, "2024-04-11", article: "a", status: .planned),
            Self.mention(2, "2024-04-11", article: "b"),
            Self.mention(3, "2024", article: "c", status: .planned)])
        #expect(clusters.map(\.status) == [.planned, .held])
        #expect(clusters.map { $0.date?.iso } == ["2024", "2024-04-11"])
    }

    @Test("sources one day apart on the same place are one meeting with a recorded date conflict")
    func dateConflict() {
        let clusters = MeetingClustering().clusters([
            Self.mention(1, "2025-10-22", article: "a", place: "Kazan", participants: [1]),
            Self.mention(2, "2025-10-23", article: "b", place: "Kazan", participants: [1, 2]),
            Self.mention(3, "2025-10-23", article: "c", place: "Kazan")])
        #expect(clusters.count == 1)
        #expect(clusters.first?.date?.iso == "2025-10-23")
        #expect(clusters.first?.finestDates.map(\.iso) == ["2025-10-22", "2025-10-23"])
    }

    @Test("a call reported on two days (time zones) is one meeting without a place; met in person, it takes the same place")
    func callAcrossTimeZones() {
        let reports = [Self.mention(1, "2025-11-17", article: "a", participants: [1, 2]),
                       Self.mention(2, "2025-11-18", article: "b", participants: [1]),
                       Self.mention(3, "2025-11-18", article: "c")]
        #expect(MeetingClustering().clusters(reports, mode: .phone).map { $0.mentions.count } == [3])
        #expect(MeetingClustering().clusters(reports, mode: .video).first?.finestDates.count == 2)
        #expect(MeetingClustering().clusters(reports, mode: .inPerson).count == 2)
        // The same leader with another of the other side the next day: another call.
        let other = [Self.mention(1, "2025-11-17", article: "a", participants: [1, 2]),
                     Self.mention(2, "2025-11-18", article: "b", participants: [1, 3])]
        #expect(MeetingClustering().clusters(other, mode: .phone).count == 2)
    }

    @Test("one article reporting two days means two meetings; undated reports never merge")
    func sameArticleAndUndated() {
        let result = dates([Self.mention(1, "2025-10-22", article: "a", place: "Kazan"),
                            Self.mention(2, "2025-10-23", article: "a", place: "Kazan"),
                            Self.mention(3, nil, article: "b"), Self.mention(4, nil, article: "c")])
        #expect(result == ["2025-10-22:a", "2025-10-23:a", "none:b", "none:c"])
    }

    @Test("the place most sources agree on wins")
    func majorityPlace() {
        let cluster = MeetingClustering().clusters([
            Self.mention(1, "2025-10-30", article: "a", place: "Gyeongju"),
            Self.mention(2, "2025-10-30", article: "b", place: "Busan"),
            Self.mention(3, "2025-10-30", article: "c", place: "Busan")]).first
        #expect(cluster?.place == "Busan")
    }

    /// Dates of every precision around month and year ends, undated included.
    static let sampleDates: [PartialDate?] = [nil] + ["2024", "2025", "2025-01", "2025-02", "2025-12", "2024-12",
        "2025-01-01", "2025-01-31", "2025-02-01", "2025-12-31", "2024-12-31", "0999", "0999-09-09", "9999-12-31"]
        .map { PartialDate(iso: $0)! }

    @Test("date compatibility field by field agrees with cutting both dates to the coarser precision")
    func compatibilityMatchesTruncation() {
        for a in Self.sampleDates.compactMap({ $0 }) {
            for b in Self.sampleDates.compactMap({ $0 }) {
                let p = min(a.precision, b.precision)
                #expect(a.isCompatible(with: b) == (a.truncated(to: p) == b.truncated(to: p)), "\(a) \(b)")
            }
        }
    }

    @Test("the canonical order compares dates, not their ISO text, with the same result")
    func canonicalOrderMatchesISOText() {
        // The order as it was written before: precision, then the ISO text ("" undated), status, place, article.
        func byText(_ a: MentionInput, _ b: MentionInput) -> Bool {
            let (pa, pb) = (a.date?.precision ?? .year, b.date?.precision ?? .year)
            if pa != pb { return pa > pb }
            if a.date != b.date { return (a.date?.iso ?? "") < (b.date?.iso ?? "") }
            if a.status != b.status { return a.status == .held }
            if a.place != b.place { return (a.place ?? "") < (b.place ?? "") }
            return (a.articleID, a.position) < (b.articleID, b.position)
        }
        var mentions: [MentionInput] = []
        for (i, date) in Self.sampleDates.enumerated() {
            for status in [MeetingStatus.held, .planned] {
                mentions.append(Self.mention(Int64(mentions.count), date?.iso, article: "a\(i % 3)",
                                             place: i % 2 == 0 ? nil : "Oslo", status: status))
            }
        }
        for a in mentions {
            for b in mentions {
                #expect(MentionInput.canonical(a, b) == byText(a, b), "\(a.id) \(b.id)")
            }
        }
    }
}
