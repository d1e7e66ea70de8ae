import Foundation
import GRDB
import Testing

/// A database file with flipped bytes: writers refuse it before writing anything, `db check` names
/// the file and the damage.
@Suite("Damaged database files, end to end")
struct DamagedFileTests {
    enum Damage: String, CaseIterable {
        /// A copy of a sound file, damaged: it has no stamp of its own.
        case copy
        /// The file itself, damaged after an ingest found it sound and stamped it.
        case stamped
    }

    /// The b-tree header of the leftmost leaf of the article table, bytes flipped: no ingest or forget of
    /// another article reads that page (the old bilat wrote into the file and exited 0), but
    /// `PRAGMA quick_check` reads every page.
    static func damage(_ path: String) throws {
        let (page, size) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: """
                SELECT pageno FROM dbstat WHERE name = 'article' AND pagetype = 'leaf' ORDER BY path LIMIT 1
                """), try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let offset = UInt64((try #require(page) - 1) * (try #require(size)))
        try handle.seek(toOffset: offset)
        let header = try #require(try handle.read(upToCount: 8))
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(header.map { $0 ^ 0xFF }))
    }

    /// The test finds the page to damage through SQLite's dbstat table, an option of SQLite's build.
    static let dbstatAvailable = (try? DatabaseQueue().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dbstat") }) != nil

    @Test("ingest and forget refuse a damaged file, naming it and the way out, and write nothing; db check names the file and the damage",
          .enabled(if: dbstatAvailable, "this SQLite has no dbstat table to find a page with"), arguments: Damage.allCases)
    func writersRefuse(_ damage: Damage) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sound = folder.appendingPathComponent("kb.sqlite").path
        let ingest = try runBilat(["ingest", "-q", fixturesFolder.appendingPathComponent("corpus/multi").path], database: sound)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let db = damage == .copy ? folder.appendingPathComponent("copy.sqlite").path : sound
        if damage == .copy { try FileManager.default.copyItem(atPath: sound, toPath: db) }
        try Self.damage(db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let article = try folder.write(DatabaseFileFaultTests.newArticle, to: "new.txt")

        let refusedIngest = try runBilat(["ingest", article.path], database: db)
        let refusedForget = try runBilat(["forget", "https://news.example/world/middle-east/trump-riyadh-crown-prince"],
                                         database: db)
        for run in [refusedIngest, refusedForget] {
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("\(db) is damaged"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was written"), "\(run.stderr)")
            #expect(run.stderr.contains("bilat db export --db '\(db)'") && run.stderr.contains("bilat db backup"), "\(run.stderr)")
            #expect(!run.stderr.contains("1 new") && !run.stderr.contains("forgot article"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect((DatabaseFileFaultTests.size(db + "-wal") ?? 0) == 0)

        let check = try runBilat(["db", "check"], database: db)
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(db) is damaged"), "\(check.stderr)")
        #expect(check.stderr.contains("btreeInitPage"), "\(check.stderr)")
        #expect(check.stdout.contains("integrity-check:"), "\(check.stdout)")
    }
}
