import Foundation
import Testing

/// An article that nothing dates: ingest names it with the way out, and the same text ingested again
/// with `--published` is stored again, dated.
@Suite("Undated articles, end to end")
struct UndatedArticleTests {
    /// A wire story whose dateline has no day and whose text names no year.
    static let wire = "OTTAWA (Reuters) - Canadian Prime Minister Mark Carney held talks with Mexican President "
        + "Claudia Sheinbaum in Ottawa on Tuesday, the two governments said.\n"

    @Test("an undated article is named with --published as the way out; ingested again with it, its meeting is dated")
    func undatedThenDated() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try folder.write(Self.wire, to: "wire.txt")
        let db = folder.appendingPathComponent("kb.sqlite").path

        let first = try runBilat(["ingest", file.path], database: db)
        let undated = try runBilat(["meetings", "CA", "MX", "--format", "csv"], database: db)
        let again = try runBilat(["ingest", file.path, "--published", "2026-03-12"], database: db)
        let dated = try runBilat(["meetings", "CA", "MX", "--format", "csv"], database: db)
        let third = try runBilat(["ingest", file.path, "--published", "2026-03-12"], database: db)
        let plain = try runBilat(["ingest", file.path], database: db)
        let check = try runBilat(["db", "check"], database: db)

        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("\(file.path): nothing in it gives a date"), "\(first.stderr)")
        #expect(first.stderr.contains("--published YYYY-MM-DD") && first.stderr.contains("1 undated"), "\(first.stderr)")
        #expect(undated.stdout.components(separatedBy: "\r\n").dropFirst().first?.hasPrefix("1,,,CA;MX") == true,
                "\(undated.stdout)")
        #expect(again.status == 0 && again.stderr.contains("1 replaced"), "\(again.stderr)")
        #expect(!again.stderr.contains("nothing in it gives a date"), "\(again.stderr)")
        #expect(dated.stdout.contains(",2026-03-10,day,CA;MX,"), "Tuesday before the published Thursday: \(dated.stdout)")
        #expect(dated.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "one meeting: \(dated.stdout)")
        #expect(third.stderr.contains("0 new, 1 unchanged"), "\(third.stderr)")
        #expect(plain.stderr.contains("0 new, 1 unchanged"), "a dated article is not undone by a run without --published")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
