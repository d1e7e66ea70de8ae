import BilatExtraction
import BilatServices
import BilatStorage
import Foundation
import Testing

@Suite("Backup, export and import of the whole knowledge base")
struct DatabaseTransferTests {
    /// A knowledge base holding the annotated dev corpus.
    func filledStore(in folder: URL) throws -> SQLiteStore {
        let store = try SQLiteStore(path: folder.appendingPathComponent("kb.sqlite").path)
        let reference = try ReferenceData.bundled()
        try store.syncCountries(reference.countries)
        _ = Ingestor(store: store, extractor: Extractor(reference: reference))
            .ingest(paths: [fixturesFolder.appendingPathComponent("corpus/dev").path])
        return store
    }

    func export(_ store: SQLiteStore) throws -> [String] {
        var lines: [String] = []
        try store.exportNDJSON { lines.append($0) }
        return lines
    }

    @Test("export then import into a new database gives back exactly the same rows")
    func roundTrip() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try filledStore(in: folder)
        let before = try export(original)
        let copy = try SQLiteStore(path: folder.appendingPathComponent("copy.sqlite").path)

        try copy.importNDJSON(lines: before)
        let after = try export(copy)

        #expect(before.count > 1_000)
        #expect(before == after)
        #expect(try copy.articleCount() == original.articleCount())
        #expect(try copy.meetings(MeetingFilter(countries: ["CN"])) == original.meetings(MeetingFilter(countries: ["CN"])))
    }

    @Test("import refuses a database that holds articles, and bad lines, naming the line; nothing is kept")
    func importRefusals() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try filledStore(in: folder)
        let lines = try export(original)
        let fresh = try SQLiteStore(path: folder.appendingPathComponent("fresh.sqlite").path)

        #expect(throws: TransferError.notEmpty(original.path)) { try original.importNDJSON(lines: lines) }
        #expect(throws: TransferError.malformed(line: 3, reason: "not a JSON object")) {
            try fresh.importNDJSON(lines: Array(lines.prefix(2)) + ["{ nope"])
        }
        #expect(throws: TransferError.unknownTable(line: 2, table: "nope; DROP TABLE article; --")) {
            try fresh.importNDJSON(lines: [lines[0], #"{"table": "nope; DROP TABLE article; --", "row": {}}"#])
        }
        #expect(try fresh.articleCount() == 0)
    }

    @Test("a backup is a complete database with the same facts")
    func backup() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try filledStore(in: folder)
        let target = folder.appendingPathComponent("backup.sqlite").path

        try original.backup(to: target)
        let copy = try SQLiteStore(path: target)

        #expect(try export(copy) == export(original))
    }
}

@Suite("db import refuses what would not make a sound knowledge base")
struct DatabaseImportValidationTests {
    /// The multi corpus ingested and exported through the command; the export's lines.
    func exported(_ folder: URL) throws -> [String] {
        let db = folder.appendingPathComponent("kb.sqlite").path
        let ingest = try runBilat(["ingest", "-q", fixturesFolder.appendingPathComponent("corpus/multi").path], database: db)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let export = try runBilat(["db", "export"], database: db)
        #expect(export.status == 0, "\(export.stderr)")
        return export.stdout.split(separator: "\n").map(String.init)
    }

    /// Imports `lines` into a new database file; the run and the number of articles then stored there.
    func importing(_ lines: [String], in folder: URL) throws -> (run: BilatRun, articles: String) {
        let file = try folder.write(lines.joined(separator: "\n") + "\n", to: "edited.ndjson")
        let db = folder.appendingPathComponent("new.sqlite").path
        let run = try runBilat(["db", "import", file.path], database: db)
        let stats = try runBilat(["stats", "--format", "json"], database: db)
        return (run, stats.stdout)
    }

    @Test("a duplicated article line is an error naming that line: exit 65, nothing imported")
    func duplicatedLine() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try exported(folder)
        let article = try #require(lines.firstIndex { $0.contains(#""table":"article""#) })
        lines.insert(lines[article], at: article + 1)

        let (run, stats) = try importing(lines, in: folder)

        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("line \(article + 2): a second article row"), "\(run.stderr)")
        #expect(stats.contains("\"articles\" : 0"), "\(stats)")
    }

    @Test("a text cut shorter than its sentences' offsets fails the rules of db check: exit 65, the problems listed, nothing imported")
    func tamperedText() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try exported(folder)
        let index = try #require(lines.firstIndex { $0.contains(#""table":"article""#) })
        var line = try #require(JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        var row = try #require(line["row"] as? [String: Any])
        row["text"] = String(try #require(row["text"] as? String).prefix(100))
        line["row"] = row
        lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self)

        let (run, stats) = try importing(lines, in: folder)

        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("nothing imported"), "\(run.stderr)")
        #expect(run.stderr.contains("sentence-offsets: sentence"), "\(run.stderr)")
        #expect(stats.contains("\"articles\" : 0"), "\(stats)")
    }

    @Test("import of a folder, a device or a stream with a NUL byte: exit 65 naming it, never a trap or a hang")
    func unreadableInputs() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("new.sqlite").path

        let fromFolder = try runBilatBounded(["db", "import", folder.path], database: db, timeout: 20)
        let fromDevice = try runBilatBounded(["db", "import", "/dev/zero"], database: db, timeout: 20)
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was created")
        let nul = try runBilat(["db", "import", "-"], database: db, stdin: "{\"bilat_export\": 1\u{0}}\n")

        #expect(fromFolder.status == 65 && fromFolder.stderr.contains("\(folder.path): cannot be read (a folder"),
                "\(fromFolder.stderr)")
        #expect(fromDevice.status == 65 && fromDevice.stderr.contains("/dev/zero: a character device"), "\(fromDevice.stderr)")
        #expect(nul.status == 65 && nul.stderr.contains("<stdin>:1: cannot be read (a NUL byte"), "\(nul.stderr)")
        #expect(![fromFolder.stderr, fromDevice.stderr, nul.stderr].contains { $0.contains("Fatal error") })
    }
}
