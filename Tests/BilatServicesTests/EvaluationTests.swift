import BilatModel
import Foundation
import Testing
import BilatExtraction
@testable import BilatServices

@Suite struct ScorerTests {
    typealias M = GoldFacts.GoldMeeting

    func facts(meetings: [M] = [], officials: [GoldFacts.GoldOfficial] = [], areas: [String] = [],
               organizations: [String] = [], agreements: [GoldFacts.GoldAgreement] = []) -> GoldFacts {
        GoldFacts(published: nil, meetings: meetings, officials: officials, areas: areas,
                  organizations: organizations, agreements: agreements)
    }

    @Test func meetingsMatchAtTheGoldPrecisionAndScoreAttributes() {
        let gold = facts(meetings: [
            M(date: "2025-10", countries: ["CA", "CN"], participants: ["Mark Carney", "Xi Jinping"], place: "Gyeongju",
              mode: "in_person", status: "held"),
            M(date: "2026-01-16", countries: ["CA", "CN"], participants: [], place: nil, mode: "phone", status: "held"),
        ])
        let extracted = facts(meetings: [
            M(date: "2025-10-31", countries: ["CN", "CA"], participants: ["XI JINPING", "Mark Carney"], place: "gyeongju",
              mode: "in_person", status: "held"),
            M(date: "2026-01-16", countries: ["CA", "CN"], participants: [], place: nil, mode: "video", status: "held"),
        ])
        let s = Scorer.score(gold: gold, extracted: extracted, name: "a")
        #expect(s.counts[.meetings] == MatchCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(s.date == AttributeAccuracy(correct: 0, total: 1))
        #expect(s.place == AttributeAccuracy(correct: 1, total: 1))
        #expect(s.participants == AttributeAccuracy(correct: 1, total: 1))
    }

    @Test func theJSONReportKeysCountsByCategoryName() throws {
        let gold = facts(areas: ["trade"], organizations: ["UN"])
        let score = Scorer.score(gold: gold, extracted: facts(areas: ["trade"]), name: "a")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(score)) as? [String: Any]
        // An object keyed by category, not an array alternating keys and values.
        let counts = try #require(object?["counts"] as? [String: [String: Int]])
        #expect(counts["areas"] == ["truePositives": 1, "falsePositives": 0, "falseNegatives": 0])
        #expect(counts["organizations"]?["falseNegatives"] == 1)
    }

    @Test func coarserExtractedDatesDoNotMatch() {
        #expect(Scorer.dateMatches(gold: "2025-10-02", extracted: "2025-10-02"))
        #expect(!Scorer.dateMatches(gold: "2025-10-02", extracted: "2025-10"))
        #expect(Scorer.dateMatches(gold: "2025", extracted: "2025-03"))
        #expect(Scorer.dateMatches(gold: nil, extracted: nil))
        #expect(!Scorer.dateMatches(gold: nil, extracted: "2025"))
    }

    @Test func officialsMatchOnNameAndCountryIgnoringCaseAndDiacritics() {
        let gold = facts(officials: [.init(name: "Recep Tayyip Erdoğan", country: "TR", role: "President"),
                                     .init(name: "Xi Jinping", country: "CN", role: "President")])
        let extracted = facts(officials: [.init(name: "recep tayyip erdogan", country: "TR", role: nil),
                                          .init(name: "Xi Jinping", country: "TW", role: "President")])
        let s = Scorer.score(gold: gold, extracted: extracted, name: "b")
        #expect(s.counts[.officials] == MatchCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    }

    @Test func setsOfKeysScoreAreasOrganizationsAndAgreements() {
        let gold = facts(areas: ["trade", "energy"], organizations: ["UN", "G20"],
                         agreements: [.init(kind: "joint_statement", date: "2026-01-16", countries: ["CA", "CN"])])
        let extracted = facts(areas: ["trade", "culture"], organizations: ["un", "G20", "APEC"],
                              agreements: [.init(kind: "joint_statement", date: "2026-01-16", countries: ["CN", "CA"])])
        let s = Scorer.score(gold: gold, extracted: extracted, name: "c")
        #expect(s.counts[.areas] == MatchCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(s.counts[.organizations] == MatchCounts(truePositives: 2, falsePositives: 1, falseNegatives: 0))
        #expect(s.counts[.agreements] == MatchCounts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    }

    @Test func countsGivePrecisionRecallAndF1() {
        let c = MatchCounts(truePositives: 3, falsePositives: 1, falseNegatives: 2)
        #expect(c.precision == 0.75)
        #expect(c.recall == 0.6)
        #expect(abs(c.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-9)
        #expect(MatchCounts().f1 == 1)
    }
}
