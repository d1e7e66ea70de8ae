import Foundation
import Testing

/// Output that cannot be written: a full device, a file size limit, a reader gone with SIGPIPE
/// ignored. bilat says so and exits 1, or ends quietly for a closed pipe; it never traps.
@Suite("Output write failures, end to end")
struct OutputFailureTests {
    static func database(in folder: URL) throws -> String {
        try ingestedDatabase(in: folder)
    }

    /// Commands that write to stdout, through `Terminal.out` or the buffered exports.
    static let commands: [[String]] = [
        ["meetings", "China", "--all", "--format", "json"],
        ["countries", "--format", "json"],
        ["db", "export"],
        ["export", "timeline", "--all", "--format", "html"],
        ["extract", "Tests/Fixtures/corpus/dev"],
    ]

    @Test("stdout on a full device: the message names stdout and the cause, exit 1, no crash",
          .enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"),
          arguments: commands)
    func fullStandardOutput(_ command: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))

        let (run, _) = try runBilatThroughShell("", command, database: try Self.database(in: folder), stdout: full)

        #expect(!run.killedBySignal && run.status == 1, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("bilat: stdout: cannot write (No space left on device)"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"), "\(run.stderr)")
    }

    @Test("a reader gone while SIGPIPE is ignored (as Python's subprocess leaves it): bilat ends quietly, as SIGPIPE ends it",
          arguments: commands)
    func closedPipe(_ command: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)

        let (run, _) = try runBilatThroughShell("trap '' PIPE", command, database: db, stdout: try pipeWithoutReader())

        #expect(run.killedBySignal ? run.status == SIGPIPE : run.status == 0, "\(run.status) \(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test("stderr closed while SIGPIPE is ignored: the message is lost, the exit code is not")
    func closedStandardError() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)

        let (run, _) = try runBilatThroughShell("trap '' PIPE", ["meetings", "Atlantis"], database: db,
                                                stderr: try pipeWithoutReader())

        #expect(!run.killedBySignal && run.status == 64, "\(run.status)")
    }

    @Test("-o FILE past the file size limit (a full disk for bilat): the file is named, exit 1, the old file stays, no temporary file",
          arguments: [["db", "export"], ["export", "timeline", "--all", "--format", "html"]])
    func fileSizeLimit(_ command: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let target = try folder.write("the previous export\n", to: "out/previous.txt")

        // 128 blocks of 512 bytes: room for SQLite's 32 KiB -shm file, not for the outputs (over 130 KB).
        // SIGXFSZ ignored, so that a write past the limit fails with EFBIG instead of killing bilat.
        let (run, _) = try runBilatThroughShell("trap '' XFSZ; ulimit -f 128", command + ["-o", target.path],
                                                database: db)

        #expect(!run.killedBySignal && run.status == 1, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("bilat: \(target.path): cannot write (File too large)"), "\(run.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "the previous export\n")
        #expect(try leftovers(in: target.deletingLastPathComponent()).isEmpty)
    }
}
