import Foundation
import Testing

/// What `-o FILE` does to what is already at FILE: a regular file is replaced atomically with its
/// permissions, a symbolic link's target is replaced and the link kept, anything else is written
/// through; temporary files that killed runs left behind are cleared.
@Suite("Output files, end to end")
struct OutputFileTests {
    static let export = ["export", "timeline", "China", "Canada", "--format", "md"]

    static func database(in folder: URL) throws -> String {
        try ingestedDatabase(in: folder, paths: ["seeds/articles"])
    }

    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func permissions(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test("a FIFO is written through, to its reader, and stays a FIFO")
    func fifo() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let fifo = folder.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()

        let run = try runBilat(Self.export + ["-o", fifo], database: db)

        let stillFIFO = Self.fileType(fifo) == S_IFIFO
        // A replaced FIFO never gets a writer: its reader would wait for ever. SIGKILL, as a child of
        // the test process may inherit a mask that blocks SIGTERM.
        if !stillFIFO { kill(reader.processIdentifier, SIGKILL) }
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(stillFIFO)
        #expect(text.hasPrefix("# China–Canada") && text.contains("Beijing"), "\(text)")
        #expect(try leftovers(in: folder).isEmpty)
    }

    @Test("character devices are written through and stay devices: /dev/null, /dev/stdout")
    func devices() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)

        let null = try runBilat(Self.export + ["-o", "/dev/null"], database: db)
        let stdout = try runBilat(Self.export + ["-o", "/dev/stdout"], database: db)

        #expect(null.status == 0, "\(null.stderr)")
        #expect(null.stdout.isEmpty)
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout.hasPrefix("# China–Canada"), "\(stdout.stdout)")
        #expect(Self.fileType("/dev/stdout") == S_IFLNK)
    }

    @Test("a symbolic link: the file it points to is replaced, the link stays; a dangling link's file is created")
    func symbolicLinks() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let real = try folder.write("old\n", to: "exports/real.md")
        #expect(chmod(real.path, 0o600) == 0)
        let link = folder.appendingPathComponent("link.md").path
        let dangling = folder.appendingPathComponent("dangling.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "exports/real.md")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "exports/new.md")

        let replaced = try runBilat(Self.export + ["-o", link], database: db)
        let created = try runBilat(Self.export + ["-o", dangling], database: db)

        #expect(replaced.status == 0 && created.status == 0, "\(replaced.stderr)\(created.stderr)")
        #expect(Self.fileType(link) == S_IFLNK && Self.fileType(dangling) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "exports/real.md")
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("# China–Canada"))
        #expect(Self.permissions(real.path) == 0o600, "the linked file keeps its mode")
        let new = folder.appendingPathComponent("exports/new.md")
        #expect(try String(contentsOf: new, encoding: .utf8).hasPrefix("# China–Canada"))
        #expect(try leftovers(in: folder).isEmpty && leftovers(in: real.deletingLastPathComponent()).isEmpty)
    }

    @Test("-o naming the database, its -wal or a link to it is refused, and the database is left whole")
    func neverTheDatabase() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let link = folder.appendingPathComponent("alias.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        let before = try runBilat(["stats", "--format", "json"], database: db).stdout

        let runs = try [db, link].flatMap { target in
            [try runBilat(Self.export + ["-o", target], database: db),
             try runBilat(["db", "export", "-o", target], database: db)]
        }
        let check = try runBilat(["db", "check"], database: db)

        for run in runs {
            #expect(run.status == 1 && run.stderr.contains("is the database itself"), "\(run.stderr)")
        }
        #expect(try runBilat(["stats", "--format", "json"], database: db).stdout == before)
        #expect(Self.fileType(db) == S_IFREG)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("an existing file keeps its permissions (0600 stays 0600, 0640 stays 0640); a folder is refused",
          arguments: [mode_t(0o600), 0o640])
    func keepsMode(_ mode: mode_t) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let file = try folder.write("old\n", to: "private.md")
        #expect(chmod(file.path, mode) == 0)
        let kb = folder.appendingPathComponent("kb.ndjson").path
        _ = FileManager.default.createFile(atPath: kb, contents: Data("old\n".utf8), attributes: [.posixPermissions: mode])

        let run = try runBilat(Self.export + ["-o", file.path], database: db)
        let dump = try runBilat(["db", "export", "-o", kb], database: db)
        let intoFolder = try runBilat(Self.export + ["-o", folder.path], database: db)

        #expect(run.status == 0 && dump.status == 0, "\(run.stderr)\(dump.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# China–Canada"))
        #expect(Self.permissions(file.path) == mode)
        #expect(Self.permissions(kb) == mode)
        #expect(intoFolder.status == 1 && intoFolder.stderr.contains("\(folder.path) is a folder"), "\(intoFolder.stderr)")
        #expect(try leftovers(in: folder).isEmpty)
    }

    enum Writer: String, CaseIterable { case exportTimeline, databaseExport, backup }

    @Test("temporary files of killed runs are removed by the next run writing into the folder; a live process's stay",
          arguments: Writer.allCases)
    func staleTemporaryFiles(_ writer: Writer) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // No process can have these ids (above any pid_max): their runs are gone.
        let gone = [".final.ics.partial-2147483647", ".kb.ndjson.partial-2147483646",
                    ".bk.sqlite.partial-2147483645-journal", ".bk.sqlite.partial-2147483645",
                    ".x.sqlite.partial-2147483644-wal"]
        // A live process's (this test's, init's), and names of other patterns.
        let kept = [".live.md.partial-\(getpid())", ".init.md.partial-1", "notes.partial-2147483647",
                    ".draft.partial-x", "report.md"]
        for name in gone + kept { _ = try out.write("partial\n", to: name) }

        let arguments: [String] = switch writer {
        case .exportTimeline: Self.export + ["-o", out.appendingPathComponent("final.md").path]
        case .databaseExport: ["db", "export", "-o", out.appendingPathComponent("kb.ndjson").path]
        case .backup: ["db", "backup", out.appendingPathComponent("new.sqlite").path]
        }
        let run = try runBilat(arguments, database: db)

        #expect(run.status == 0, "\(run.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names.isDisjoint(with: gone), "\(names.sorted())")
        #expect(names.isSuperset(of: kept), "\(names.sorted())")
    }
}
