import Foundation
import Testing

/// The database file and its folder as the operating system refuses them: a read-only file, a
/// read-only folder, a folder to create, a folder that cannot be made.
@Suite("Database file faults, end to end")
struct DatabaseFileFaultTests {
    static let newArticle = """
        date 2026-02-03 OTTAWA: Canadian Prime Minister Mark Carney met Chinese Premier Li Qiang in Ottawa on \
        Tuesday. The two leaders discussed trade and agriculture.

        """

    /// The `bilat` binary the tests run (the one `runBilat` finds).
    static func binary() throws -> String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("bilat").path }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: products.path + "/bilat"])
        }
        return found
    }

    /// Root writes through permission bits; run as root, the command goes through setpriv with the
    /// capabilities that override file permissions dropped from its bounding set, so that a chmod
    /// binds it as it binds any user. Empty when no wrapper is needed.
    static var permissionBound: [String] {
        guard geteuid() == 0 else { return [] }
        return ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    }

    /// Whether `path` is writable for a command run as `permissionBound` runs it: nil when that cannot
    /// be told (no setpriv, or setpriv refused).
    static func writable(_ path: String) -> Bool? {
        let wrapper = permissionBound
        if let tool = wrapper.first, !FileManager.default.isExecutableFile(atPath: tool) { return nil }
        let process = Process()
        let command = wrapper + ["/bin/sh", "-c", #"if [ -w "$1" ]; then echo writable; else echo protected; fi"#, "sh", path]
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let answer = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch answer.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "writable": return true
        case "protected": return false
        default: return nil
        }
    }

    /// Runs bilat bound by permission bits (see `permissionBound`).
    static func runBound(_ arguments: [String], database: String) throws -> BilatRun {
        let wrapper = permissionBound
        guard let tool = wrapper.first else { return try runBilat(arguments, database: database) }
        return try runBilat(Array(wrapper.dropFirst()) + [try binary()] + arguments, database: database, executable: tool)
    }

    /// Whether a chmod binds the commands the tests run (see `permissionBound`).
    static let permissionsBind: Bool = {
        guard let folder = try? makeTemporaryFolder() else { return false }
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        chmod(folder.path, 0o555)
        return writable(folder.path) == false
    }()

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    static func setMode(_ mode: Int, _ path: String) {
        try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    enum Lock: String, CaseIterable { case file, folder }

    @Test("a read-only database file or folder stops the ingest with one message naming the file, exit 1, nothing written; queries still answer",
          .enabled(if: permissionsBind, "root without setpriv: a chmod does not bind bilat"), arguments: Lock.allCases)
    func readOnly(_ lock: Lock) throws {
        let folder = try makeTemporaryFolder()
        let dbFolder = folder.appendingPathComponent("kb")
        let db = dbFolder.appendingPathComponent("kb.sqlite").path
        defer {
            Self.setMode(0o755, dbFolder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let seeded = try runBilat(["ingest", "-q", "seeds/articles"], database: db)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let article = try folder.write(Self.newArticle, to: "new.txt")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        let locked = lock == .file ? db : dbFolder.path
        Self.setMode(lock == .file ? 0o444 : 0o555, locked)
        #expect(Self.writable(locked) == false, "\(locked) stays writable after chmod")
        let run = try Self.runBound(["ingest", article.path], database: db)
        let query = try Self.runBound(["meetings", "CA", "CN", "--format", "json"], database: db)

        #expect(run.status == 1, "\(run.stderr)")
        let messages = run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bilat:") }
        #expect(messages.count == 1, "\(run.stderr)")
        #expect(messages.first?.contains(db) == true, "\(run.stderr)")
        #expect(messages.first?.contains("read-only") == true, "\(run.stderr)")
        #expect(!run.stderr.contains("1 new"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect((Self.size(db + "-wal") ?? 0) == 0, "no frame of the article in the write-ahead log")
        // A query reads the read-only database (opened read-only, as immutable when its -shm file cannot
        // be made) and answers in full; the file stays as it was (checked above, after both runs).
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("2026-01-16") && query.stdout.contains("2025-10"), "\(query.stdout)")

        // Writable again (SQLite may have left its -wal and -shm files with the file's read-only mode):
        // the same ingest stores the article whole.
        for path in [locked, db + "-wal", db + "-shm"] where FileManager.default.fileExists(atPath: path) {
            Self.setMode(path == dbFolder.path ? 0o755 : 0o644, path)
        }
        let again = try Self.runBound(["ingest", article.path], database: db)
        let meetings = try runBilat(["meetings", "CA", "CN", "--format", "json", "--from", "2026-02"], database: db)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("1 new"), "\(again.stderr)")
        #expect(meetings.stdout.contains("2026-02-03"), "\(meetings.stdout)")
    }

    @Test("a missing database folder is created; one that cannot be made is named, exit 1")
    func missingFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("a/b/c/kb.sqlite").path
        let made = try runBilat(["ingest", "-q", "seeds/articles"], database: nested)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: nested))

        // A plain file where the folder should be: it cannot be made.
        let blocker = try folder.write("not a folder\n", to: "blocker")
        let impossible = blocker.appendingPathComponent("sub/kb.sqlite").path
        let refused = try runBilat(["ingest", "-q", "seeds/articles"], database: impossible)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains(blocker.appendingPathComponent("sub").path), "\(refused.stderr)")
        #expect(refused.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bilat:") }.count == 1)
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder\n")
    }
}
