import BilatCorpusGenerator
import Foundation

/// A corpus ingested as consecutive `bilat ingest` runs of about `size` articles each, as daily
/// increments arrive, so that the rate is seen along the way: slice k is the article folders of
/// indices [k·size, (k+1)·size) and the feeds whose first line is one of them (a feed holds 1,000
/// lines, so a slice may hold up to 999 articles of the next one). A corpus of at most `size`
/// articles is one run over the corpus folder, as the benchmark always ran it.
struct IngestSlices {
    struct Slice: Codable, Sendable {
        let index: Int
        /// Articles in it (files and feed lines), and every article stored by the end of it.
        let articles: Int
        let articlesSoFar: Int
        let seconds: Double
        let cpuSeconds: Double
        let articlesPerSecond: Double
        let peakRSSBytes: Int
        let exitCode: Int32
    }

    /// The paths of each slice and its article count.
    static func plan(corpus: URL, manifest: CorpusManifest, size: Int) throws -> [(paths: [String], articles: Int)] {
        guard manifest.articles > size else { return [([corpus.path], manifest.articles)] }
        let files = FileManager.default
        let count = (manifest.articles + size - 1) / size
        var slices = Array(repeating: (paths: [String](), articles: 0), count: count)
        let articles = corpus.appendingPathComponent("articles")
        for folder in try files.contentsOfDirectory(atPath: articles.path).sorted() {
            guard let number = Int(folder) else { continue }
            let slice = min(count - 1, number * 1000 / size)
            let path = articles.appendingPathComponent(folder).path
            slices[slice].paths.append(path)
            slices[slice].articles += try files.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.count
        }
        let feeds = try files.contentsOfDirectory(atPath: corpus.appendingPathComponent("feeds").path)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        for (i, feed) in feeds.enumerated() {
            let path = corpus.appendingPathComponent("feeds").appendingPathComponent(feed).path
            let slice = min(count - 1, try firstIndex(feed: path) / size)
            slices[slice].paths.append(path)
            slices[slice].articles += i == feeds.count - 1 ? manifest.feedArticles - 1000 * (feeds.count - 1) : 1000
        }
        return slices.filter { !$0.paths.isEmpty }
    }

    /// The article index of a generated feed's first line (`{"id": "gen-123", …`).
    static func firstIndex(feed path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError.unreadable(path) }
        defer { try? handle.close() }
        let head = String(decoding: try handle.read(upToCount: 64) ?? Data(), as: UTF8.self)
        guard let start = head.range(of: "\"gen-")?.upperBound,
              let index = Int(head[start...].prefix { $0.isNumber }) else { throw BenchError.unreadable(path) }
        return index
    }
}
