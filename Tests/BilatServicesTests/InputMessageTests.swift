import Foundation
import Testing

/// What ingest says about paths it cannot read: plain words naming the path, never Foundation's
/// `NSCocoaErrorDomain Code=256 "(null)"`.
@Suite("Input messages, end to end")
struct InputMessageTests {
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
}
