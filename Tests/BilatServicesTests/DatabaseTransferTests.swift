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
