@testable import BilatServices
import BilatExtraction
import BilatModel
import BilatStorage
import Foundation

/// Export test data: hostile text in every field articles feed, and a real knowledge base.
enum ExportFixtures {
    static let script = "<script>alert(1)</script>"
    static let formula = "=cmd|' /C calc'!A0"
    static let rtl = "محمد بن سلمان"
    static let emoji = "🤝🏽 Ümit “Chef” O'Brien"
    /// 2026-01-16T09:30:05Z
    static let generated = Date(timeIntervalSince1970: 1_768_555_805)

    static func source(_ n: Int) -> TimelineSource {
        TimelineSource(articleID: "article-\(n)", title: "Talks \(script), \"quoted\"; and, more",
                     source: "Wire\tService\r\nDesk", url: "https://example.org/a?b=1&c=\(n)",
                     published: PartialDate(year: 2026, month: 1, day: 16),
                     sentence: "He said: \(formula), \(rtl) \(emoji)\nthen left; \\ back.")
    }

    /// Four events: a day, a month, a year and an undated one, across two pairs, all with hostile text.
    static var document: TimelineDocument {
        let events = [
            TimelineEvent(kind: .meeting, id: 12, date: PartialDate(year: 2026, month: 1, day: 16), countries: ["CN", "CA"],
                        countryNames: ["China", "Canada"], participants: [formula, emoji], place: "Beijing, \(script)",
                        mode: .inPerson, status: .held, areas: ["trade", "energy"],
                        headline: "\(script) \(formula) met, \"really\"\n\(rtl)", sources: [source(1), source(2)]),
            TimelineEvent(kind: .meeting, id: 7, date: PartialDate(year: 2025, month: 10), countries: ["CN", "CA"],
                        countryNames: ["China", "Canada"], participants: ["Xi Jinping", "Mark Carney"],
                        place: "Gyeongju", mode: .inPerson, status: .held,
                        headline: "-2+3 Xi Jinping and Mark Carney met in Gyeongju", sources: [source(3)]),
            TimelineEvent(kind: .agreement, id: 3, date: PartialDate(year: 2024), countries: ["CN", "FR", "DE"],
                        countryNames: ["China", "France", "Germany"], agreementKind: .memorandum,
                        title: "@SUM(1+1) memorandum", headline: "@SUM(1+1) China, France and Germany: memorandum",
                        sources: []),
            TimelineEvent(kind: .meeting, id: 99, date: nil, countries: ["CN", "CA"], countryNames: ["China", "Canada"],
                        mode: .phone, status: .planned, headline: "+undated call", sources: [source(4)]),
        ].sorted(by: TimelineEvent.chronological)
        return TimelineDocument(title: "China–Canada \(script)", generated: generated, events: events)
    }

    /// `count` generated day-precision meetings, for size and speed checks.
    static func large(_ count: Int) -> TimelineDocument {
        let start = PartialDate(year: 2000, month: 1, day: 1)!
        let pairs = [("CN", "China", "CA", "Canada"), ("IN", "India", "JP", "Japan"), ("US", "United States", "MX", "Mexico")]
        let events = (0..<count).map { i in
            let pair = pairs[i % pairs.count]
            return TimelineEvent(kind: .meeting, id: Int64(i), date: start.adding(days: i), countries: [pair.0, pair.2],
                               countryNames: [pair.1, pair.3], participants: ["Person \(i)", "Other \(i)"],
                               place: "City \(i)", mode: .inPerson, status: .held, areas: ["trade"],
                               headline: "Meeting number \(i) of \(pair.1) and \(pair.3)", sources: [source(i)])
        }
        return TimelineDocument(title: "Large", generated: generated, events: events)
    }

    /// A knowledge base holding the seed articles, in `folder`.
    static func seededService(in folder: URL) throws -> KnowledgeBase {
        let store = try SQLiteStore(path: folder.appendingPathComponent("kb.sqlite").path)
        let reference = try ReferenceData.bundled()
        try store.syncCountries(reference.countries)
        _ = Ingestor(store: store, extractor: Extractor(reference: reference))
            .ingest(paths: [repositoryRoot.appendingPathComponent("seeds/articles").path])
        return KnowledgeBase(queries: store, countries: CountryLookup(reference: reference))
    }

    /// Runs an external tool; nil when it cannot be started.
    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, stdout: String, stderr: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        guard (try? process.run()) != nil else { return nil }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// True when `tool` is on the PATH.
    static func available(_ tool: String) -> Bool {
        run("sh", ["-c", "command -v \(tool)"])?.status == 0
    }
}
