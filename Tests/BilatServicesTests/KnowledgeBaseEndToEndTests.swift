import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

@Suite("Knowledge base: the multi corpus through the real extractor")
struct KnowledgeBaseEndToEndTests {
    /// Expected meetings found, matched as the scorer matches them: countries, date at the expected
    /// precision, mode and status. Raise the floor as the extractor improves.
    static let floor = 14

    @Test("ingesting the multi folder yields at least the floor of expected-kb.json's meetings, db check clean",
          arguments: Backend.available)
    func multiThroughExtractor(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, drop) = try backend.makeStore(in: folder)
        defer { drop() }
        let ingestor = Ingestor(store: store, extractor: KnowledgeBaseFixtures.extractor)
        _ = ingestor.ingest(paths: [fixturesFolder.appendingPathComponent("corpus/multi").path])
        let expected = try KnowledgeBaseFixtures.expectedMeetings(in: "multi")

        let stored = try KnowledgeBaseFixtures.storedMeetings(store, files: [:])
        let keys = Set(stored.map { [$0.date ?? "", $0.countries.joined(separator: ","), $0.mode, $0.status] })
        let found = expected.filter { keys.contains([$0.date ?? "", $0.countries.joined(separator: ","), $0.mode, $0.status]) }

        #expect(found.count >= Self.floor, "found \(found.count) of \(expected.count)")
        #expect(try store.integrityProblems() == [])
    }
}
