import BilatModel
import Testing
@testable import BilatStorage

@Suite("Meeting matcher")
struct MeetingMatcherTests {
    static func stored(_ id: Int64, _ iso: String?, mode: MeetingMode = .inPerson) -> MeetingRecord {
        var record = MeetingRecord(id: id, place: nil, mode: mode, status: .held, countryKey: "CN,US")
        record.setDate(iso.flatMap(PartialDate.init(iso:)))
        return record
    }

    static func report(_ iso: String?, place: String? = nil) -> Meeting {
        Meeting(date: iso.flatMap(PartialDate.init(iso:)), countries: ["US", "CN"], participants: [], place: place,
                mode: .inPerson, status: .held)
    }

    @Test("a compatible date matches, preferring the most precise stored date")
    func prefersPrecise() {
        let matcher = MeetingMatcher()
        let candidates = [Self.stored(1, "2025"), Self.stored(2, "2025-10-30"), Self.stored(3, "2025-10")]

        #expect(matcher.match(Self.report("2025-10"), among: candidates)?.id == 2)
        #expect(matcher.match(Self.report("2025-10-29"), among: candidates)?.id == 3)
        #expect(matcher.match(Self.report("2025-11-02"), among: candidates)?.id == 1)
        #expect(matcher.match(Self.report("2026"), among: candidates) == nil)
    }

    @Test("undated reports and other modes never match")
    func noMatch() {
        let matcher = MeetingMatcher()

        #expect(matcher.match(Self.report(nil), among: [Self.stored(1, nil)]) == nil)
        #expect(matcher.match(Self.report("2025"), among: [Self.stored(1, "2025", mode: .video)]) == nil)
    }

    @Test("merging keeps the more precise date and fills a missing place")
    func merge() {
        let matcher = MeetingMatcher()

        let finer = matcher.merged(Self.stored(1, "2025-10"), with: Self.report("2025-10-30", place: "Busan"))
        let coarser = matcher.merged(Self.stored(1, "2025-10-30"), with: Self.report("2025"))

        #expect(finer.date == "2025-10-30")
        #expect(finer.dateFirstDay == "2025-10-30")
        #expect(finer.datePrecision == .day)
        #expect(finer.place == "Busan")
        #expect(coarser.date == "2025-10-30")
    }
}
