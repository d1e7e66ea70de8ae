import BilatExtraction
import BilatModel
import Foundation

/// One article with its gold facts, as an evaluation runs it.
public struct EvaluationCase: Sendable {
    public var name: String
    public var article: Article
    public var gold: GoldFacts

    public init(name: String, article: Article, gold: GoldFacts) {
        self.name = name
        self.article = article
        self.gold = gold
    }
}

/// The totals of an evaluation run.
public struct EvaluationReport: Sendable, Codable {
    public var articles: [ArticleScore]
    public var totals: [EvaluationCategory: MatchCounts]
    public var date: AttributeAccuracy
    public var place: AttributeAccuracy
    public var participants: AttributeAccuracy

    public init(articles: [ArticleScore]) {
        self.articles = articles
        var totals: [EvaluationCategory: MatchCounts] = [:]
        for category in EvaluationCategory.allCases {
            totals[category] = articles.reduce(MatchCounts()) { $0 + ($1.counts[category] ?? MatchCounts()) }
        }
        self.totals = totals
        date = articles.reduce(AttributeAccuracy()) { $0 + $1.date }
        place = articles.reduce(AttributeAccuracy()) { $0 + $1.place }
        participants = articles.reduce(AttributeAccuracy()) { $0 + $1.participants }
    }

    /// F1 of one category over all articles (micro-averaged).
    public func f1(_ category: EvaluationCategory) -> Double { totals[category]?.f1 ?? 1 }

    /// The mean of the five category F1s.
    public var overallF1: Double {
        EvaluationCategory.allCases.map(f1).reduce(0, +) / Double(EvaluationCategory.allCases.count)
    }

    /// The articles with the most misses, worst first.
    public func worst(_ count: Int) -> [ArticleScore] {
        Array(articles.filter { $0.misses > 0 }.sorted { ($0.misses, $1.name) > ($1.misses, $0.name) }.prefix(count))
    }
}

/// Runs an extractor over evaluation cases and scores the results.
public enum Evaluator {
    public static func run(_ cases: [EvaluationCase], extractor: Extractor) -> EvaluationReport {
        EvaluationReport(articles: cases.map { c in
            Scorer.score(gold: c.gold, extracted: GoldFacts(extractor.extract(c.article)), name: c.name)
        })
    }
}

/// Why an evaluation corpus could not be read.
public enum EvaluationError: Error, CustomStringConvertible {
    case notADirectory(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path) is not a directory; give directories holding NNN.txt and NNN.gold.json"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// Finds the articles of corpus directories that have gold files: `NAME.txt` beside `NAME.gold.json`,
/// and `feed-X.jsonl` beside `feed-X.gold.json` (gold keyed by the feed's `id`).
public enum EvaluationCorpus {
    public static func load(directories: [URL]) throws -> [EvaluationCase] {
        var cases: [EvaluationCase] = []
        for dir in directories {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
                throw EvaluationError.notADirectory(dir.path)
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            for file in files where file.hasSuffix(".gold.json") {
                let stem = String(file.dropLast(".gold.json".count))
                let goldURL = dir.appendingPathComponent(file)
                let txt = dir.appendingPathComponent(stem + ".txt")
                let feed = dir.appendingPathComponent(stem + ".jsonl")
                do {
                    let data = try Data(contentsOf: goldURL)
                    if FileManager.default.fileExists(atPath: txt.path) {
                        let gold = try JSONDecoder().decode(GoldFacts.self, from: data)
                        let article = try ArticleReader.read(text: try String(contentsOf: txt, encoding: .utf8))
                        cases.append(EvaluationCase(name: stem, article: article, gold: gold))
                    } else if FileManager.default.fileExists(atPath: feed.path) {
                        let golds = try JSONDecoder().decode([String: GoldFacts].self, from: data)
                        let lines = try String(contentsOf: feed, encoding: .utf8).split(whereSeparator: \.isNewline)
                        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                            let article = try ArticleReader.readFeedLine(String(line))
                            guard let id = article.externalID, let gold = golds[id] else { continue }
                            cases.append(EvaluationCase(name: "\(stem)#\(id)", article: article, gold: gold))
                        }
                    }
                } catch let error as EvaluationError {
                    throw error
                } catch {
                    throw EvaluationError.unreadable(goldURL.path, "\(error)")
                }
            }
        }
        return cases
    }
}
