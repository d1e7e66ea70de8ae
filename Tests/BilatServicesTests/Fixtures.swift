import Foundation

/// `Tests/Fixtures`, found from this file's path: the annotated corpora, rule examples and articles the
/// tests read.
enum Fixtures {
    static let directory: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Fixtures").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("Fixtures")
    }()

    static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }
}
