import BilatExtraction
import BilatModel
import BilatServices
import Foundation

/// How fast a stage went over the corpus.
struct Throughput: Codable, Sendable {
    let articles: Int
    let sentences: Int
    let seconds: Double
    var articlesPerSecond: Double { seconds > 0 ? Double(articles) / seconds : 0 }
    var sentencesPerSecond: Double { seconds > 0 ? Double(sentences) / seconds : 0 }

    enum CodingKeys: String, CodingKey { case articles, sentences, seconds, articlesPerSecond, sentencesPerSecond }

    init(articles: Int, sentences: Int, seconds: Double) {
        self.articles = articles
        self.sentences = sentences
        self.seconds = seconds
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(articles: try c.decode(Int.self, forKey: .articles), sentences: try c.decode(Int.self, forKey: .sentences),
                  seconds: try c.decode(Double.self, forKey: .seconds))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articles, forKey: .articles)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(articlesPerSecond, forKey: .articlesPerSecond)
        try c.encode(sentencesPerSecond, forKey: .sentencesPerSecond)
    }
}

/// Extraction alone, in this process on one thread: every article read from disk as `bilat ingest`
/// reads it (`ArticleFiles`: the folder walk, the file or feed line decoded, `ArticleReader`), run
/// through the `Extractor`, nothing stored. One file in memory at a time.
struct ExtractionBench {
    let extractor: Extractor

    struct Result {
        /// Reading, parsing and extracting.
        let total: Throughput
        /// The `extract` calls alone.
        let engine: Throughput
        let meetings: Int
        let failures: Int
    }

    func run(corpus: URL) throws -> Result {
        var articles = 0, sentences = 0, meetings = 0, failures = 0
        var engineSeconds = 0.0
        let start = Clock.now()
        ArticleFiles.visitPaths([corpus.path]) { entry in
            guard case .input(let path, let kind) = entry else {
                if case .failure = entry { failures += 1 }
                return
            }
            ArticleFiles.visit(path: path, kind: kind, defaults: ArticleDefaults()) { input in
                guard case .article(let article, _) = input else {
                    failures += 1
                    return
                }
                let t0 = Clock.now()
                let facts = extractor.extract(article)
                engineSeconds += Clock.now() - t0
                articles += 1
                sentences += facts.sentences.count
                meetings += facts.meetings.count
            }
        }
        let total = Clock.now() - start
        return Result(total: Throughput(articles: articles, sentences: sentences, seconds: total),
                      engine: Throughput(articles: articles, sentences: sentences, seconds: engineSeconds),
                      meetings: meetings, failures: failures)
    }
}

/// The article files and feeds of a generated corpus, in path order.
enum CorpusFiles {
    static func list(_ corpus: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if ["txt", "jsonl"].contains(url.pathExtension) { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Bytes of the corpus's article files and feeds on disk.
    static func bytes(_ corpus: URL) -> Int {
        list(corpus).reduce(0) { sum, url in
            sum + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
    }
}
