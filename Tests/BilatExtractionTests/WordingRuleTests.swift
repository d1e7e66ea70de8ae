import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The wording classes of `meeting_terms.tsv` and `meeting_cues.tsv`, and the meeting rules written in
/// code, each run on the sentences of `Tests/Fixtures/rules/wording-examples.tsv`: sentences where the
/// rule must fire and near misses where it must not, each with the meetings it must yield. Adding a
/// wording is adding an example first.
@Suite struct WordingRuleTests {
    /// One row of the examples file.
    struct Example: CustomStringConvertible {
        var file = "wording-examples.tsv"
        var line: Int
        var rule: String
        var fires: Bool
        var expected: [Expected]
        var sentence: String
        var description: String { "\(file) line \(line) (\(rule), fires \(fires ? "yes" : "no")): \(sentence)" }
    }

    /// A meeting an example must yield: its mode, and its status, date and sides where the example says them.
    struct Expected: CustomStringConvertible {
        var mode: MeetingMode
        var status: MeetingStatus?
        var date: String?
        var countries: [String]?

        /// `mode[:status][:date][:XX+YY]`, e.g. `phone`, `in_person:planned:2024-04`, `video:2024-03-14:AU+JP`.
        init(_ text: Substring, line: Int) throws {
            let parts = text.split(separator: ":")
            guard let first = parts.first, let mode = MeetingMode(rawValue: String(first)) else {
                throw ReferenceTableError(file: "wording-examples.tsv", line: line, message: "bad expected meeting '\(text)'")
            }
            self.mode = mode
            for p in parts.dropFirst() {
                if let s = MeetingStatus(rawValue: String(p)) {
                    status = s
                } else if p.first?.isNumber == true {
                    date = String(p)
                } else {
                    countries = p.split(separator: "+").map(String.init).sorted()
                }
            }
        }

        func matches(_ m: Meeting) -> Bool {
            m.mode == mode && (status.map { $0 == m.status } ?? true) && (date.map { $0 == m.date?.iso } ?? true)
                && (countries.map { $0 == m.countries } ?? true)
        }

        var description: String {
            ([mode.rawValue] + [status?.rawValue, date, countries?.joined(separator: "+")].compactMap { $0 }).joined(separator: ":")
        }
    }

    static let fixtures = Fixtures.directory

    /// The examples of a file of `Tests/Fixtures/rules` in this format.
    static func examples(file: String = "wording-examples.tsv") throws -> [Example] {
        let table = try TSVTable(contentsOf: fixtures.appendingPathComponent("rules/\(file)"))
        return try table.records.map { r in
            let fires: String = try r.required("fires", file: file)
            guard fires == "yes" || fires == "no" else {
                throw ReferenceTableError(file: file, line: r.line, message: "fires must be yes or no")
            }
            let expect = try r.required("expect", file: file)
            return Example(file: file, line: r.line, rule: try r.required("rule", file: file), fires: fires == "yes",
                           expected: expect == "none" ? [] : try expect.split(separator: " ").map { try Expected($0, line: r.line) },
                           sentence: try r.required("sentence", file: file))
        }
    }

    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    @Test func everyExampleYieldsItsMeetings() throws {
        let examples = try Self.examples()
        #expect(examples.count > 50)
        for example in examples {
            let text = "---\ntitle: Example\npublished: 2024-03-15\n---\n\(example.sentence)\n"
            let found = extractor.extract(try ArticleReader.read(text: text)).meetings
            var unmatched = found
            var missing: [Expected] = []
            for e in example.expected {
                if let i = unmatched.firstIndex(where: e.matches) { unmatched.remove(at: i) } else { missing.append(e) }
            }
            let got = found.map { "\($0.mode.rawValue):\($0.status.rawValue):\($0.date?.iso ?? "-"):\($0.countries.joined(separator: "+"))" }
            #expect(missing.isEmpty && unmatched.isEmpty, "\(example)\n  expected \(example.expected), got \(got)")
        }
    }

    /// Every wording class of the two tables has a sentence where it fires and a near miss.
    @Test func everyRuleHasExamplesThatFireAndNearMisses() throws {
        let examples = try Self.examples() + Self.examples(file: "wcep-examples.tsv")
        let lexicon = try ReferenceData.bundled().lexicon
        let rules = Set(lexicon.meetingTerms.map(\.term.rule) + lexicon.meetingCues.map(\.cue.rule))
        for rule in rules.sorted() {
            #expect(examples.contains { $0.rule == rule && $0.fires }, "rule \(rule) has no example that fires")
            #expect(examples.contains { $0.rule == rule && !$0.fires }, "rule \(rule) has no near miss")
        }
    }

    @Test func anUnknownModeIsRefusedWithItsFileAndLine() throws {
        let table = TSVTable(text: "term\tmode\tneeds\trule\n# comment\nmet\tin_person\t\tmet\ntalked\tin-person\t\tcall\n")
        #expect(throws: ReferenceTableError(file: "meeting_terms.tsv", line: 4,
                                            message: "unknown mode 'in-person' (one of: in_person, phone, video, any, spoken, none)")) {
            try MeetingWords.terms(table.records)
        }
    }

    @Test func anUnknownCueOrAMissingRuleIsRefused() throws {
        #expect(throws: ReferenceTableError.self) {
            try MeetingWords.cues(TSVTable(text: "term\tcue\trule\nwill\tfutur\tannounced\n").records)
        }
        #expect(throws: ReferenceTableError(file: "meeting_cues.tsv", line: 2, message: "empty rule")) {
            try MeetingWords.cues(TSVTable(text: "term\tcue\trule\nwill\tfuture\t\n").records)
        }
    }

    @Test func aMissingMeetingTableIsRefused() throws {
        let dir = try makeReferenceDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lexicon/meeting_cues.tsv"))
        #expect(throws: ReferenceTableError.self) { try ReferenceData(directory: dir) }
    }
}
