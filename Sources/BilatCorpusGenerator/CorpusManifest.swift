/// What a generated corpus holds, written beside it as `manifest.json` so that a benchmark can reuse
/// the corpus without reading it: counts by format, sizes, and how often each pair is reported.
public struct CorpusManifest: Codable, Sendable, Equatable {
    public var seed: UInt64
    public var articles: Int
    /// Articles by `ArticleFormat` raw value.
    public var formats: [String: Int]
    /// Articles written as single `.txt` files.
    public var files: Int
    /// `.jsonl` feed files, and the articles in them.
    public var feeds: Int
    public var feedArticles: Int
    /// Bytes of article text (front matter and datelines included; feed JSON around the text excluded).
    public var textBytes: Int
    /// Sentences the generator wrote in article bodies.
    public var sentences: Int
    /// Distinct main meetings, and the articles that report a meeting another article already reported.
    public var meetings: Int
    public var repeatReports: Int
    /// Articles per country pair ("CA-CN", codes sorted).
    public var pairs: [String: Int]

    /// The pair with the most articles (ties: the first in code order).
    public var busiestPair: String? {
        pairs.min { ($1.value, $0.key) < ($0.value, $1.key) }?.key
    }

    /// A pair reported by the fewest articles (ties: the first in code order).
    public var rarePair: String? {
        pairs.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}
