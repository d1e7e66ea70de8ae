import BilatStorage
import Foundation
import Testing

/// FIFOs, devices and endless inputs, end to end: a folder's special files are named and skipped unopened,
/// a device named on the command line is refused, a pipe is read as it comes, and no input is read past
/// --max-article-bytes from its first byte. Every run is bounded: a regression fails, it does not hang.
@Suite("Special files and endless inputs")
struct SpecialFileTests {
    static let article = "date 2026-01-16 BEIJING: Chinese President Xi Jinping held talks with Canadian Prime "
        + "Minister Mark Carney here on Friday.\n"
    static let feedLine = #"{"id": "p1", "text": "date 2025-01-08 PARIS: French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Wednesday."}"# + "\n"
    static let hasDevZero = FileManager.default.fileExists(atPath: "/dev/zero")

    @Test("a FIFO in a folder is named and skipped, never opened; the folder's articles go in")
    func fifoInFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try folder.write(Self.article, to: "in/a.txt")
        #expect(mkfifo(folder.appendingPathComponent("in/pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/link.md").path,
                                                   withDestinationPath: "pipe.txt")

        let run = try runBilatBounded(["ingest", "in"], database: folder.appendingPathComponent("kb.sqlite").path,
                                      in: folder, timeout: 30)

        #expect(!run.timedOut, "the FIFO was opened: ingest blocked")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("in/pipe.txt: skipped: a named pipe (FIFO), not a regular file"), "\(run.stderr)")
        #expect(run.stderr.contains("in/link.md: skipped: a symbolic link to a named pipe (FIFO)"), "\(run.stderr)")
        #expect(run.stderr.contains("1 new, 0 unchanged, 0 failed, 2 skipped"), "\(run.stderr)")
    }

    @Test("a link to /dev/zero in a folder is skipped; named on the command line, it and /dev/zero are refused unopened",
          .enabled(if: hasDevZero, "no /dev/zero here"))
    func deviceLinks() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try folder.write(Self.article, to: "in/a.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/zero.jsonl").path,
                                                   withDestinationPath: "/dev/zero")
        let db = folder.appendingPathComponent("kb.sqlite").path

        let walked = try runBilatBounded(["ingest", "in"], database: db, in: folder, timeout: 30)
        let named = try runBilatBounded(["ingest", "in/zero.jsonl", "/dev/zero"], database: db, in: folder, timeout: 30)

        #expect(!walked.timedOut && !named.timedOut, "/dev/zero was read")
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stderr.contains("in/zero.jsonl: skipped: a symbolic link to a character device"), "\(walked.stderr)")
        #expect(walked.stderr.contains("1 new"), "\(walked.stderr)")
        #expect(named.status == 65, "\(named.stderr)")
        #expect(named.stderr.contains("in/zero.jsonl: a character device, not a file"), "\(named.stderr)")
        #expect(named.stderr.contains("/dev/zero: a character device, not a file"), "\(named.stderr)")
    }

    @Test("stdin of endless blanks stops at a small --max-article-bytes with a clear message, not growing")
    func endlessBlanksOnStdin() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 64 MiB offered; the old reader took all of it looking for the first non-blank byte.
        let run = try runBilatBounded(["ingest", "--max-article-bytes", "10000", "-"],
                                      database: folder.appendingPathComponent("kb.sqlite").path,
                                      stdin: .endless(head: [], byte: 0x20, cap: 64 << 20), timeout: 60)

        #expect(!run.timedOut)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>: more than 10000 bytes of white space and no text"), "\(run.stderr)")
        #expect(run.bytesWritten < 2 << 20, "bilat read \(run.bytesWritten) bytes of blanks")
    }

    @Test("a feed line on stdin that never ends stops at the limit, and so does a run of blank lines")
    func endlessFeedLine() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let line = try runBilatBounded(["ingest", "--max-article-bytes", "10000", "-"], database: db,
                                       stdin: .endless(head: Array(#"{"text": "a"#.utf8), byte: 0x61, cap: 64 << 20),
                                       timeout: 60)
        let blankLines = try runBilatBounded(["ingest", "--max-article-bytes", "10000", "-"], database: db,
                                             stdin: .endless(head: Array(Self.feedLine.utf8), byte: 0x0A, cap: 64 << 20),
                                             timeout: 60)

        #expect(!line.timedOut && !blankLines.timedOut)
        #expect(line.status == 65, "\(line.stderr)")
        #expect(line.stderr.contains("<stdin>:1: the line is longer than the limit of 10000 bytes and the rest of <stdin> is not read"),
                "\(line.stderr)")
        #expect(line.bytesWritten < 2 << 20, "bilat read \(line.bytesWritten) bytes of one line")
        #expect(blankLines.status == 65, "\(blankLines.stderr)")
        #expect(blankLines.stderr.contains("1 new"), "\(blankLines.stderr)")
        #expect(blankLines.stderr.contains("more than 10000 bytes of white space and no text"), "\(blankLines.stderr)")
        #expect(blankLines.bytesWritten < 2 << 20, "bilat read \(blankLines.bytesWritten) bytes of blank lines")
    }

    @Test("a FIFO named on the command line is read as it comes; a feed through bash's <(...) too")
    func namedPipes() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        let fifo = folder.appendingPathComponent("news.jsonl").path
        #expect(mkfifo(fifo, 0o644) == 0)

        let run = try runBilatBounded(["ingest", "news.jsonl"], database: db, in: folder, timeout: 30) { _ in
            // The writer comes after bilat opened the FIFO (or is about to): open for writing waits for it.
            Thread.detachNewThread {
                guard let writer = FileHandle(forWritingAtPath: fifo) else { return }
                try? writer.write(contentsOf: Data(Self.feedLine.utf8))
                try? writer.close()
            }
        }
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 new"), "\(run.stderr)")

        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let feed = try folder.write(Self.feedLine.replacingOccurrences(of: "p1", with: "p2")
                                        .replacingOccurrences(of: "Wednesday", with: "Thursday"), to: "f.jsonl")
        // bash -c 'SCRIPT' bilat FEED: $0 is bilat, $1 the feed, read through /dev/fd/N, a pipe.
        let substituted = try runBilatBounded([feed.path], database: db, in: folder, timeout: 30,
                                              wrapper: ["/bin/bash", "-c", #""$0" ingest <(cat "$1")"#])
        #expect(substituted.status == 0, "\(substituted.stderr)")
        #expect(substituted.stderr.contains("1 new"), "\(substituted.stderr)")
    }

    @Test("Ctrl-C while a named FIFO waits for its writer stops at once; the articles read before it are committed")
    func interruptWhileWaiting() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kb.sqlite").path
        _ = try folder.write(Self.article, to: "a.txt")
        #expect(mkfifo(folder.appendingPathComponent("later.txt").path, 0o644) == 0)
        var committedBeforeWaiting = false

        let run = try runBilatBounded(["ingest", "a.txt", "later.txt"], database: db, in: folder, timeout: 30) { process in
            // a.txt is committed before the FIFO is waited on: seen from here, it is the sign that bilat waits.
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, process.isRunning {
                if FileManager.default.fileExists(atPath: db),
                   let count = try? SQLiteStore(readingOnly: db).articleCount(), count == 1 {
                    committedBeforeWaiting = true
                    break
                }
                usleep(50_000)
            }
            kill(process.processIdentifier, SIGINT)
        }

        #expect(committedBeforeWaiting, "a.txt was not committed before the FIFO was waited on")
        #expect(!run.timedOut, "the first Ctrl-C was not honoured while waiting")
        #expect(run.status == 130, "\(run.stderr)")
        #expect(run.stderr.contains("interrupted"), "\(run.stderr)")
    }
}
