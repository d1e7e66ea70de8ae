import Foundation
import Testing

/// Every command that prints data takes --format, and --format json gives JSON a program can read
/// (`show --json` stays as the short form).
@Suite struct FormatOptionTests {
    @Test func everyDataCommandTakesFormatJSON() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ingestedDatabase(in: folder, paths: ["seeds/articles"])
        let meetings = try runBilat(["meetings", "China", "--format", "json"], database: db)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(meetings.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? Int)
        let commands: [[String]] = [
            ["meetings", "China"], ["timeline", "China", "Canada"], ["show", "meeting", "\(id)"], ["show", "official", "Xi Jinping"],
            ["countries"], ["officials", "China"], ["areas", "China"], ["search", "Carney"], ["stats"],
            ["eval", "Tests/Fixtures/corpus/heldout"],
        ]
        for command in commands {
            let run = try runBilat(command + ["--format", "json"], database: db)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(command) --format json: \(run.stdout.prefix(200))")
        }
        let short = try runBilat(["show", "meeting", "\(id)", "--json"], database: db)
        let long = try runBilat(["show", "meeting", "\(id)", "--format", "json"], database: db)
        #expect(short.stdout == long.stdout)
        let both = try runBilat(["show", "meeting", "\(id)", "--json", "--format", "text"], database: db)
        #expect(both.status == 64)
        let extract = try runBilat(["extract", "seeds/articles", "--format", "ndjson"], database: db)
        #expect(extract.status == 0 && extract.stdout.hasPrefix("{"), "\(extract.stderr)")
    }
}
