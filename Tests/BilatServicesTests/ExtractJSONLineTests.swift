import BilatModel
import Foundation
import Testing

/// `bilat extract --json` writes each line with `GoldFacts.jsonLine` instead of a JSONEncoder per article:
/// the bytes must be the encoder's, whatever the strings hold.
@Suite struct ExtractJSONLineTests {
    static func encoded(_ gold: GoldFacts) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(gold), as: UTF8.self)
    }

    /// Quotes, backslashes, slashes, every C0 control, DEL and C1, bidi controls, accents, CJK, emoji.
    static let awkward: [String] = [
        "", "plain", "Gyeongju", "say \"hello\"", #"back\slash"#, "a/b//c", "tab\there", "line\nbreak",
        "cr\rlf\r\n", "\u{08}\u{0C}", String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "del\u{7F}",
        "c1\u{9B}csi", "bidi\u{202E}\u{2066}", "Nuku\u{2018}alofa", "São Tomé", "北京", "🇨🇦 flag", "\u{2028}\u{2029}",
    ]

    static var cases: [GoldFacts] {
        let a = awkward
        return [
            GoldFacts(published: nil, meetings: [], officials: [], areas: [], organizations: [], agreements: []),
            GoldFacts(id: "feed-1", published: "2024-05-01",
                      meetings: [GoldFacts.GoldMeeting(date: "2024-04", countries: ["CA", "CN"], participants: a,
                                                       place: nil, mode: "in_person", status: "held"),
                                 GoldFacts.GoldMeeting(date: nil, countries: [], participants: [], place: a[3],
                                                       mode: "phone", status: "planned")],
                      officials: a.map { GoldFacts.GoldOfficial(name: $0, country: nil, role: $0) }
                        + [GoldFacts.GoldOfficial(name: "Xi Jinping", country: "CN", role: nil)],
                      areas: ["trade", a[4]], organizations: a,
                      agreements: [GoldFacts.GoldAgreement(kind: "memorandum", date: nil, countries: ["KE", "DE"]),
                                   GoldFacts.GoldAgreement(kind: a[5], date: "2024", countries: [])]),
        ] + a.map { s in
            GoldFacts(id: s, published: s, meetings: [GoldFacts.GoldMeeting(date: s, countries: [s], participants: [s],
                                                                              place: s, mode: s, status: s)],
                      officials: [GoldFacts.GoldOfficial(name: s, country: s, role: s)], areas: [s], organizations: [s],
                      agreements: [GoldFacts.GoldAgreement(kind: s, date: s, countries: [s])])
        }
    }

    @Test(arguments: cases)
    func theLineIsTheEncodersBytes(_ gold: GoldFacts) throws {
        #expect(gold.jsonLine == (try Self.encoded(gold)))
    }

    @Test func theLineReadsBackAsTheSameFacts() throws {
        for gold in Self.cases {
            #expect(try JSONDecoder().decode(GoldFacts.self, from: Data(gold.jsonLine.utf8)) == gold)
        }
    }
}
