import BilatExtraction
import Foundation

/// `Tests/Fixtures`, found from this file's path: the annotated corpora, rule examples and articles the
/// tests read.
public enum Fixtures {
    public static let directory: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("Fixtures")
    }()

    public static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }
}

/// One extractor over the bundled reference data for every test of a process: loading the reference
/// tables (33,000 towns among them) once, not once a test.
public enum TestExtractor {
    private static let loaded: Result<Extractor, any Error> = Result { Extractor(reference: try ReferenceData.bundled()) }

    /// The extractor; throws what loading the reference data threw.
    public static func bundled() throws -> Extractor { try loaded.get() }
}
