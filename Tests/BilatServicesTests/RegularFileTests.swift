@testable import BilatServices
import BilatExtraction
import Foundation
import Testing

/// Article files are read with one open, fstat and reads, links followed; anything else is refused in plain words.
@Suite("Reading an article file")
struct RegularFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regular-file-\(UUID().uuidString)")

    @Test("the bytes of files of every size around the read sizes, in full")
    func sizes() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4_095, 4_096, 4_097, 65_537, 1_000_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let url = folder.appendingPathComponent("\(size).txt")
            try Data(bytes).write(to: url)
            #expect(try RegularFile.contents(path: url.path, limit: 8 << 20) == bytes, "\(size) bytes")
        }
    }

    @Test("a link is followed; a folder or a missing file is refused in plain words; a file above the limit is refused unread")
    func others() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try Data(repeating: 0x41, count: 100).write(to: file)
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(try RegularFile.contents(path: link.path, limit: 1_000).count == 100)
        #expect(throws: InputError.unreadable(folder.path, "a folder, not a file")) {
            try RegularFile.contents(path: folder.path, limit: 1_000)
        }
        let none = folder.appendingPathComponent("none.txt").path
        #expect(throws: InputError.missing(none)) { try RegularFile.contents(path: none, limit: 1_000) }
        #expect(throws: InputError.tooLarge(file.path, bytes: 100, limit: 99)) {
            try RegularFile.contents(path: file.path, limit: 99)
        }
        #expect(try RegularFile.contents(path: file.path, limit: 100).count == 100)
    }

    @Test("visiting: an article file, a link to one and a file above the limit read as before")
    func visiting() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "\u{FEFF}TEHRAN - Oman's Sultan held talks with the Iranian president on Monday."
        let file = folder.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: file)
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        func visit(_ path: String, limit: Int) -> String {
            var out = ""
            ArticleFiles.visit(path: path, kind: .article, defaults: ArticleDefaults(), maxArticleBytes: limit) { input in
                switch input {
                case .article(let article, _): out = "\(article.datelineCity ?? "-") \(article.text.utf8.count) \(article.id.prefix(8))"
                case .failure(let message): out = message.replacingOccurrences(of: folder.path, with: "F")
                }
            }
            return out
        }
        let read = "Tehran \(text.utf8.count - 3) \(ContentHash.hex(String(text.dropFirst())).prefix(8))"
        #expect(visit(file.path, limit: 1_000) == read)
        #expect(visit(link.path, limit: 1_000) == read)
        #expect(visit(file.path, limit: 10).hasPrefix("F/a.txt: the article is larger than the limit of 10 bytes (\(text.utf8.count) bytes)"))
    }
}
