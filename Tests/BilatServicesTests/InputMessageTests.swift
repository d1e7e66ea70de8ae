import Foundation
import Testing

/// What ingest says about paths it cannot read, and about file names that look like options: plain
/// words naming the path, never Foundation's `NSCocoaErrorDomain Code=256 "(null)"`.
@Suite("Input messages and option-like file names, end to end")
struct InputMessageTests {
    static let hasBash = FileManager.default.isExecutableFile(atPath: "/bin/bash")
    /// Permission bits bind the command: not root, or root with setpriv to drop the overriding capabilities.
    static let permissionsBind = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    static func article(_ city: String) -> String {
        "date 2026-01-16 \(city.uppercased()): Chinese President Xi Jinping held talks with Canadian Prime Minister "
            + "Mark Carney in \(city) on Friday.\n"
    }

    @Test("dangling and looping links, in a folder or named, are named with what is wrong")
    func links() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try folder.write(Self.article("Beijing"), to: "in/a.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/dangling.txt").path,
                                                   withDestinationPath: "nowhere.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/loop.txt").path,
                                                   withDestinationPath: "loop.txt")

        let run = try runBilatBounded(["ingest", "in", "in/dangling.txt", "in/loop.txt"],
                                      database: folder.appendingPathComponent("kb.sqlite").path, in: folder)

        let lines = run.stderr.components(separatedBy: "\n")
        #expect(lines.filter { $0.contains("in/dangling.txt: cannot be read (broken symbolic link to nowhere.txt") }.count == 2,
                "\(run.stderr)")
        #expect(lines.filter { $0.contains("in/loop.txt: cannot be read (too many levels of symbolic links") }.count == 2,
                "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("(null)"), "\(run.stderr)")
        #expect(run.stderr.contains("1 new"), "\(run.stderr)")
        #expect(run.status == 66, "a link to nothing named on the command line is missing input: \(run.stderr)")
    }

    @Test("an unreadable file or folder: permission denied, naming it",
          .enabled(if: permissionsBind, "running as root without setpriv: permission bits do not bind"))
    func permissionDenied() throws {
        let folder = try makeTemporaryFolder()
        let locked = folder.appendingPathComponent("in/locked")
        defer {
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        _ = try folder.write(Self.article("Beijing"), to: "in/a.txt")
        let secret = try folder.write(Self.article("Ottawa"), to: "in/secret.txt")
        _ = try folder.write(Self.article("Paris"), to: "in/locked/b.txt")
        chmod(secret.path, 0o000)
        chmod(locked.path, 0o000)

        let run = try runBilatBounded(["ingest", "in", "in/secret.txt"],
                                      database: folder.appendingPathComponent("kb.sqlite").path, in: folder,
                                      wrapper: DatabaseFileFaultTests.permissionBound)

        let lines = run.stderr.components(separatedBy: "\n")
        #expect(lines.filter { $0.contains("in/secret.txt: cannot be read (permission denied)") }.count == 2, "\(run.stderr)")
        #expect(lines.contains { $0.contains("in/locked: cannot be read (permission denied)") }, "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("(null)"), "\(run.stderr)")
        #expect(run.stderr.contains("1 new"), "\(run.stderr)")
        #expect(run.status == 65, "\(run.stderr)")
    }

    @Test("ingest * over files named -hello.txt and --db=evil.sqlite refuses and says to use --; with -- it reads them",
          .enabled(if: hasBash, "no /bin/bash to expand *"))
    func optionLikeNames() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = folder.appendingPathComponent("work")
        _ = try work.write(Self.article("Beijing"), to: "-hello.txt")
        _ = try work.write(Self.article("Ottawa"), to: "--db=evil.sqlite")
        _ = try work.write(Self.article("Paris"), to: "a.txt")
        let db = folder.appendingPathComponent("kb.sqlite").path
        // bash -c 'SCRIPT' bilat: $0 is bilat; the shell expands * as a user's would.
        func shell(_ script: String) throws -> BoundedRun {
            try runBilatBounded([], database: db, in: work, wrapper: ["/bin/bash", "-c", script])
        }

        let refused = try shell(#""$0" ingest *"#)
        let hello = try runBilatBounded(["ingest", "-hello.txt"], database: db, in: work)
        let evil = try runBilatBounded(["ingest", "--db=evil.sqlite", "a.txt"], database: db, in: work)
        let help = try runBilatBounded(["ingest", "--help"], database: db)
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("names a file here but reads as an option"), "\(refused.stderr)")
        #expect(refused.stderr.contains("put -- before it: bilat ingest -- "), "\(refused.stderr)")
        #expect(!refused.stdout.contains("OVERVIEW"), "the help was printed instead")
        #expect(hello.status == 64 && hello.stderr.contains("put -- before it: bilat ingest -- -hello.txt"), "\(hello.stderr)")
        #expect(evil.status == 64 && evil.stderr.contains("bilat ingest -- --db=evil.sqlite"), "\(evil.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("evil.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was done")
        #expect(help.stdout.contains("bilat ingest -- -notes.txt"), "\(help.stdout)")

        let read = try shell(#""$0" ingest -- *"#)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stderr.contains("3 new"), "\(read.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("evil.sqlite").path))
    }

    @Test("a file name carrying terminal escapes is named in messages with them shown as U+FFFD, never sent raw")
    func escapesInFileNames() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An empty article, so that ingest names the file in a failure line.
        let name = "in/x\u{1B}]0;PWNED\u{07}\u{1B}[2J\r.txt"
        _ = try folder.write("", to: name)

        let run = try runBilatBounded(["ingest", "in"], database: folder.appendingPathComponent("kb.sqlite").path,
                                      in: folder)

        #expect(run.stderr.contains("x\u{FFFD}]0;PWNED\u{FFFD}\u{FFFD}[2J\u{FFFD}.txt"), "\(run.stderr)")
        #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(run.stderr.debugDescription)")
    }
}
