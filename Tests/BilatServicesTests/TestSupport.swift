import Foundation
import Testing

/// A fresh temporary folder per test, removed by the caller's `defer`.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("bilat-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `Tests/Fixtures`, found from this source file (clones have it; no network or ../shared needed).
let fixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The repository root, for `seeds/`.
let repositoryRoot = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent()

extension URL {
    func write(_ text: String, to name: String) throws -> URL {
        let file = appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// A knowledge base of `backend` (a file in `folder`, or a database on the PostgreSQL test server)
/// holding `paths`, ingested with the command: what `--db` names it by, and what removes it.
func ingestedKnowledgeBase(_ backend: Backend, in folder: URL,
                           paths: [String] = ["seeds/articles", "Tests/Fixtures/corpus/dev"]) throws -> (db: String, drop: () -> Void) {
    let made = try backend.makeStore(in: folder.appendingPathComponent("kb-\(backend)"))
    let ingest = try runBilat(["ingest", "-q"] + paths, database: made.location)
    #expect(ingest.status == 0, "\(ingest.stderr)")
    return (made.location, made.drop)
}

/// A knowledge base made by `bilat ingest` of `paths` (the seeds and the dev corpus by default: outputs
/// of several pipe buffers) at `name` in `folder`; its path.
func ingestedDatabase(in folder: URL, at name: String = "kb.sqlite",
                      paths: [String] = ["seeds/articles", "Tests/Fixtures/corpus/dev"]) throws -> String {
    let db = folder.appendingPathComponent(name).path
    let ingest = try runBilat(["ingest", "-q"] + paths, database: db)
    #expect(ingest.status == 0, "\(ingest.stderr)")
    return db
}
