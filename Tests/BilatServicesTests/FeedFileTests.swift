import BilatExtraction
import BilatServices
import Foundation
import Testing

/// A feed file read line by line: the line breaks found with memchr across the reader's 64 KiB chunks,
/// each line checked for NUL bytes and UTF-8 before it is parsed.
@Suite("Feed files, line by line")
struct FeedFileTests {
    private func visit(_ bytes: [UInt8]) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var seen: [String] = []
        ArticleFiles.visit(path: url.path, kind: .feed, defaults: ArticleDefaults()) { input in
            switch input {
            case .article(let article, let location):
                seen.append("\(location.split(separator: ":").last!) \(article.externalID ?? "-") \(article.text.utf8.count)")
            case .failure(let message):
                seen.append(message.replacingOccurrences(of: url.path, with: "F"))
            }
        }
        return seen
    }

    @Test("lines of every length across the chunk boundaries, CRLF and blank lines")
    func linesAcrossChunks() throws {
        var bytes: [UInt8] = []
        var expected: [String] = []
        var lineNumber = 0
        for (index, length) in [1, 70_000, 3, 65_000, 536, 131_072, 0, 12, 65_536, 7].enumerated() {
            let text = String(repeating: "a", count: length)
            lineNumber += 1
            bytes += Array(#"{"id": "\#(index)", "text": "x\#(text)"}"#.utf8) + (index % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
            expected.append("\(lineNumber) \(index) \(length + 1)")
            if index % 3 == 0 {
                bytes += [0x20, 0x09, 0x0A]
                lineNumber += 1
            }
        }
        bytes += Array(#"{"id": "last", "text": "no line break at the end"}"#.utf8)
        expected.append("\(lineNumber + 1) last 24")
        #expect(try visit(bytes) == expected)
    }

    @Test("a NUL byte or bad UTF-8 fails its line alone, with the offset of the bad byte")
    func badLines() throws {
        let good = Array(#"{"id": "g", "text": "é ok"}"#.utf8)
        let bytes = good + [0x0A] + Array(#"{"id": "n", "text": "a"#.utf8) + [0x00] + Array(#""}"#.utf8) + [0x0A]
            + Array(#"{"id": "u", "text": "ab"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A] + good
        #expect(try visit(bytes) == [
            "1 g 5",
            "F:2: a binary file (it contains NUL bytes), not an article",
            "F:3: not UTF-8 text (invalid byte at offset 23); convert it to UTF-8",
            "4 g 5",
        ])
    }
}
