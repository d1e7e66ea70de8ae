import Foundation
import Testing

/// What the shell sees before any command runs: the version, a mistyped command, help on a command
/// that does not exist, and help text read at 80 columns (piped).
@Suite struct CommandNameTests {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-names-\(getpid()).sqlite").path

    @Test func versionIsNoError() throws {
        let run = try runBilat(["--version"], database: db)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: ".").count == 3, "\(run.stdout)")
    }

    @Test(arguments: [
        (["meeting", "China", "Canada"], "meetings"),
        (["serch", "summit"], "search"),
        (["db", "chek"], "check"),
        (["help", "timelin"], "timeline"),
    ])
    func aMistypedCommandIsRefusedWithTheNearestOne(_ arguments: [String], _ nearest: String) throws {
        let run = try runBilat(arguments, database: db)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Did you mean '\(nearest)'?"), "\(run.stderr)")
        #expect(!run.stderr.contains("unexpected argument"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func helpOnNoCommandIsAnError() throws {
        let run = try runBilat(["help", "xyzzy"], database: db)
        #expect(run.status == 64)
        #expect(run.stderr.contains("'xyzzy' is not a bilat command"), "\(run.stderr)")
        #expect(run.stderr.contains("meetings"), "the commands are listed: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func helpOnACommandStillWorks() throws {
        let run = try runBilat(["help", "meetings"], database: db)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: bilat meetings"))
    }

    /// Help read through a pipe wraps at 80 columns: no paragraph line is left as an orphan of a word or
    /// two between two full lines (the source's own line breaks used to be broken again by the wrapping).
    @Test(arguments: [[], ["ingest"], ["extract"], ["meetings"], ["timeline"], ["export", "timeline"], ["show", "meeting"],
                      ["countries"], ["db"], ["db", "backup"], ["db", "export"], ["db", "import"], ["db", "check"], ["eval"],
                      ["forget"], ["officials"], ["areas"], ["search"], ["stats"]])
    func helpReadsWellAtEightyColumns(_ command: [String]) throws {
        let run = try runBilat(command + ["--help"], database: db)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices.dropFirst().dropLast() {
            let (before, line, after) = (lines[i - 1], lines[i], lines[i + 1])
            let prose = { (l: String) in !l.isEmpty && l.first != " " && !l.hasPrefix("USAGE") && !l.hasPrefix("OVERVIEW") }
            let orphan = prose(line) && line.count < 30 && before.count >= 60 && prose(before) && prose(after)
            #expect(!orphan, "\(command.joined(separator: " ")) --help breaks a sentence: \"\(before)\" / \"\(line)\" / \"\(after)\"")
        }
    }
}
