import Foundation
import Testing

/// A query never makes a knowledge base, and its arguments are checked before it runs, each refusal
/// with the command's own usage line.
@Suite struct QueryArgumentTests {
    static let queries: [[String]] = [
        ["meetings", "China"], ["timeline", "China", "Canada"], ["export", "timeline", "--all", "--format", "json"],
        ["show", "meeting", "1"], ["officials"], ["areas", "China"], ["search", "summit"], ["stats"], ["db", "check"],
        ["db", "export"], ["db", "backup", "backup.sqlite"], ["forget", "deadbeef"],
    ]

    @Test(arguments: queries)
    func aMissingKnowledgeBaseIsNamedAndNotMade(_ command: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("typo/kb.sqlite").path
        let run = try runBilat(command.map { $0 == "backup.sqlite" ? folder.appendingPathComponent($0).path : $0 }, database: db)
        #expect(run.status == 66, "\(command): \(run.stderr)")
        #expect(run.stderr.contains("no knowledge base at \(db)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo").path), "a folder was made")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("backup.sqlite").path))
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: [["meetings", "China"], ["ingest", "seeds/articles"]])
    func aFolderIsNoDatabase(_ command: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBilat(command, database: folder.path)
        #expect(run.status == 66)
        #expect(run.stderr.contains("is a folder, not a database file"), "\(run.stderr)")
        #expect(!run.stderr.contains("read-only"), "\(run.stderr)")
    }

    @Test(arguments: [
        (["meetings", "China", "--from", "2025-13"], "'2025-13' is not a date", "bilat meetings"),
        (["timeline", "China", "Canada", "--to", "yesterday"], "'yesterday' is not a date", "bilat timeline"),
        (["meetings", "China", "--from", "2026", "--to", "2025"], "--from 2026 is after --to 2025", "bilat meetings"),
        (["export", "timeline", "--all", "--format", "json", "--from", "2026-03", "--to", "2026-02-28"],
         "--from 2026-03 is after --to 2026-02-28", "bilat export timeline"),
        (["meetings", "China", "--limit", "-1"], "--limit takes a count of at least 1, not -1", "bilat meetings"),
        (["search", "summit", "--limit", "0"], "--limit takes a count of at least 1, not 0", "bilat search"),
        (["ingest", "--published", "2025-02-30", "seeds/articles"], "'2025-02-30' is not a date", "bilat ingest"),
    ])
    func aBadArgumentIsAUsageErrorOfItsCommand(_ command: [String], _ message: String, _ usage: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBilat(command, database: folder.appendingPathComponent("kb.sqlite").path)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: \(usage)"), "\(run.stderr)")
    }

    @Test(arguments: Backend.available) func aRangeWithinOnePeriodIsNoError(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }
        let run = try runBilat(["meetings", "China", "--from", "2026-01", "--to", "2026-01-16", "--format", "json"], database: db)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2026-01-16"))
    }

    /// One rule for the exit code of every command (README, `bilat --help`): 64 for a wrong argument or
    /// a word of bilat's own lists, 66 for what is named and not there, 0 for forgetting what is not stored.
    @Test(arguments: Backend.available) func everyCommandFollowsTheExitCodeRule(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedKnowledgeBase(backend, in: folder, paths: ["seeds/articles"])
        defer { drop() }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let expected: [([String], Int32)] = [
            (["show", "meeting", "99999"], 66), (["show", "agreement", "99999"], 66), (["show", "official", "Nobody Atall"], 66),
            (["meetings", "China", "--with", "Nobody Atall"], 66), (["extract", "no/such/file.txt"], 66),
            (["ingest", "no/such/file.txt"], 66), (["eval", empty.path], 66), (["forget", "deadbeef"], 0),
            (["meetings", "Chinaa"], 64), (["meetings", "China", "--area", "trdae"], 64),
            (["export", "timeline", "China", "--format", "json", "--area", "trdae"], 64),
            (["meetings", "China", "China"], 64), (["timeline", "China", "PRC"], 64), (["areas", "CN", "China"], 64),
            (["meetings", "China", "Canada"], 0),
        ]
        for (command, code) in expected {
            let run = try runBilat(command, database: db)
            #expect(run.status == code, "\(command.joined(separator: " ")): \(run.status), \(run.stderr)")
            if code != 0 { #expect(!run.stderr.isEmpty, "\(command.joined(separator: " ")) says why") }
        }
    }
}
