import BilatExtraction
import BilatModel
import BilatStorage
import Foundation

/// Counts of what an ingest stored.
public struct IngestSummary: Sendable, Equatable {
    public var new = 0
    public var unchanged = 0
    public var replaced = 0
    public var failed = 0
    /// Files inside folders that are not articles or feeds.
    public var skipped = 0
    public var meetings = 0
    public var officials = 0
    public var areas = 0
    public var organizations = 0
    public var agreements = 0
    public var statements = 0
    /// Articles stored with meetings that nothing in them dates (no published date, no year).
    public var undated = 0
    /// True when a named path did not exist.
    public var missingInput = false
    /// Set when the database itself failed (busy, full, read-only, I/O): the ingest stopped there.
    public var databaseProblem: DatabaseProblem?

    public init() {}

    mutating func count(_ facts: ArticleFacts) {
        meetings += facts.meetings.count
        officials += facts.officials.count
        areas += facts.areas.count
        organizations += facts.organizations.count
        agreements += facts.agreements.count
        statements += facts.statements.count
    }
}

/// One thing that happened during an ingest, for progress and diagnostics.
public enum IngestEvent: Sendable {
    /// An article was read; it is extracted and stored with its batch (`saved` follows).
    case read(location: String)
    /// An article was saved; `location` names the file (and line, for feeds).
    case saved(location: String, outcome: SaveOutcome)
    /// An input or article failed; the message names the file (and line) and the reason.
    case failed(message: String)
    /// A file inside a folder was passed over.
    case skipped(path: String)
    /// A file inside a folder was passed over unopened, not being a regular file; `reason` says what it is.
    case passedOver(path: String, reason: String)
    /// An article replaced one stored under the same feed id at another url (`previousURLs`); `url` is
    /// the new one, nil when the new article has none.
    case urlChanged(location: String, previousURLs: [String], url: String?)
    /// An article was stored with `meetings` meetings that nothing dates: it has no published date
    /// (metadata, dateline or text), so relative dates could not be resolved.
    case undated(location: String, meetings: Int)
    /// A file (or stdin) has been read to its end.
    case finishedFile(path: String)
}

/// Reads articles from files, folders, feeds and stdin, extracts their facts and stores each article
/// with its facts in one transaction; a bad input is reported and the others still go in.
public struct Ingestor: Sendable {
    private let store: any ArticleStore
    /// The extractor's `extract` (a counting stand-in in tests).
    private let extract: @Sendable (Article) -> ArticleFacts
    private let maxArticleBytes: Int
    private let batchSize: Int
    /// Which files of a folder are read.
    private let selection: FolderSelection
    private let batchBytes: Int

    /// Articles committed together by default: each is still whole or absent (a savepoint an article),
    /// and a batch re-clusters a busy meeting bucket and feeds the full-text index once instead of
    /// once an article (at 100,000 stored articles, 2.3 times as fast as a transaction an article).
    /// A crash loses at most the uncommitted batch, which the same ingest run again stores.
    public static let defaultBatchSize = 500
    /// Article text held for one batch at most: a batch of large articles is committed early, so that
    /// memory stays bounded whatever the articles' size (500 articles of the 8 MiB limit would be 4 GiB).
    public static let defaultBatchBytes = 16 << 20

    /// `batchSize` articles, or fewer holding `batchBytes` of text, are committed together, each in
    /// its own savepoint (whole or absent); 1 commits every article in a transaction of its own.
    /// Articles from stdin or a pipe named on the command line are always committed one by one, as they arrive.
    public init(store: any ArticleStore, extractor: Extractor,
                maxArticleBytes: Int = ArticleFiles.defaultMaxArticleBytes, batchSize: Int = Ingestor.defaultBatchSize,
                selection: FolderSelection = .standard,
                batchBytes: Int = Ingestor.defaultBatchBytes) {
        self.init(store: store, extract: { extractor.extract($0) }, maxArticleBytes: maxArticleBytes,
                  batchSize: batchSize, selection: selection, batchBytes: batchBytes)
    }

    init(store: any ArticleStore, extract: @escaping @Sendable (Article) -> ArticleFacts,
         maxArticleBytes: Int = ArticleFiles.defaultMaxArticleBytes, batchSize: Int = Ingestor.defaultBatchSize,
         selection: FolderSelection = .standard, batchBytes: Int = Ingestor.defaultBatchBytes) {
        self.store = store
        self.extract = extract
        self.maxArticleBytes = maxArticleBytes
        self.batchSize = max(1, batchSize)
        self.selection = selection
        self.batchBytes = batchBytes
    }

    /// Ingests every path (`-` is stdin) with `defaults` for what the texts lack. Between two articles
    /// `shouldStop` is asked whether to stop (Ctrl-C): the article being stored is always finished first.
    public func ingest(paths: [String], defaults: ArticleDefaults = ArticleDefaults(),
                       shouldStop: () -> Bool = { false },
                       report: (IngestEvent) -> Void = { _ in }) -> IngestSummary {
        withoutActuallyEscaping(shouldStop) { shouldStop in
            withoutActuallyEscaping(report) { report in
                var databaseFailed = false
                var run = Run(ingestor: self, defaults: defaults, shouldStop: { databaseFailed || shouldStop() },
                              report: report, markDatabaseFailed: { databaseFailed = true })
                run.paths(paths)
                run.flush()
                return run.summary
            }
        }
    }

    /// How many files an ingest of `paths` will read (folders walked as the ingest walks them; stdin
    /// not counted), so that progress can show a fraction.
    public static func countFiles(in paths: [String], selection: FolderSelection = .standard) -> Int {
        var count = 0
        ArticleFiles.visitPaths(paths.filter { $0 != "-" }, selection: selection) { entry in
            if case .input = entry { count += 1 }
        }
        return count
    }

    /// Saves one article; when another process holds the database past SQLite's busy timeout (a
    /// long write, or a deferred transaction that could not upgrade), waits and tries again a few
    /// times (about a minute in all) before giving up. The save is one transaction, so a retry never doubles anything.
    func saveRetryingWhenBusy(_ batch: [(article: Article, facts: ArticleFacts)]) throws
        -> [Result<SaveOutcome, any Error>] {
        var attempt = 0
        while true {
            do {
                if batch.count == 1, let only = batch.first {
                    do {
                        return [.success(try store.save(only.article, facts: only.facts))]
                    } catch let error where StorageError.databaseProblem(error) == nil {
                        return [.failure(error)]
                    }
                }
                return try store.save(batch: batch)
            } catch let error where StorageError.isDatabaseBusy(error) && attempt < 12 {
                attempt += 1
                Thread.sleep(forTimeInterval: min(2, 0.1 * Double(attempt * attempt)))
            }
        }
    }

    /// The state of one ingest: its options, its callbacks and the counts so far.
    private struct Run {
        let ingestor: Ingestor
        let defaults: ArticleDefaults
        let shouldStop: () -> Bool
        let report: (IngestEvent) -> Void
        let markDatabaseFailed: () -> Void
        var summary = IngestSummary()
        /// Articles read but not yet committed (at most the ingestor's batch size), and their text's size.
        var pending: [(article: Article, location: String)] = []
        var pendingBytes = 0
        /// The path being read is stdin or a pipe named on the command line.
        var live = false

        mutating func paths(_ paths: [String]) {
            for path in paths where !shouldStop() {
                // Stdin or a pipe may wait for its writer: what is held is committed first, so that a
                // kill while waiting loses nothing read before, and what arrives is committed as it comes.
                live = ArticleFiles.mayWait(path)
                if live { flush() }
                ArticleFiles.visitPaths([path], selection: ingestor.selection, shouldStop: shouldStop) { entry in
                    switch entry {
                    case .input(let path, let kind): file(path, kind: kind)
                    case .skipped(let path):
                        summary.skipped += 1
                        report(.skipped(path: path))
                    case .passedOver(let path, let reason):
                        summary.skipped += 1
                        report(.passedOver(path: path, reason: reason))
                    case .failure(let message, let missing):
                        if missing { summary.missingInput = true }
                        fail(message)
                    }
                }
            }
        }

        mutating func file(_ name: String, kind: InputKind?) {
            ArticleFiles.visit(path: name, kind: kind, defaults: defaults, maxArticleBytes: ingestor.maxArticleBytes,
                               shouldStop: shouldStop) { input in
                switch input {
                case .article(let article, let location):
                    store(article, location: location)
                    // Stdin or a pipe may be a live stream: what arrived is committed now, not with later articles.
                    if live { flush() }
                case .failure(let message): fail(message)
                }
            }
            report(.finishedFile(path: name))
        }

        mutating func store(_ article: Article, location: String) {
            pending.append((article, location))
            report(.read(location: location))
            pendingBytes += article.text.utf8.count
            if pending.count >= ingestor.batchSize || pendingBytes >= ingestor.batchBytes { flush() }
        }

        /// Commits the pending articles (one transaction; one savepoint an article when several). Those
        /// already stored as they are (a folder ingested again) are unchanged without being extracted:
        /// one read of the batch's ids, where extraction costs more than the rest of an unchanged article.
        /// The save still decides for itself, so an article another process stores meanwhile is no harm.
        mutating func flush() {
            guard !pending.isEmpty else { return }
            let read = pending
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            // A database that cannot answer leaves every article to the save, which reports the failure.
            let stored = (try? ingestor.store.storedUnchanged(read.map(\.article))) ?? []
            let batch = read.filter { !stored.contains($0.article.id) }
                .map { (article: $0.article, facts: ingestor.extract($0.article), location: $0.location) }
            var results: [Result<SaveOutcome, any Error>] = []
            if !batch.isEmpty {
                do {
                    results = try ingestor.saveRetryingWhenBusy(batch.map { ($0.article, $0.facts) })
                } catch {
                    if let problem = StorageError.databaseProblem(error) {
                        // Every later article would fail alike: stop, and say it once. None of the batch is kept.
                        summary.databaseProblem = problem
                        markDatabaseFailed()
                        summary.failed += batch.count
                    } else {
                        for item in batch { fail(ArticleFiles.message(error, location: item.location)) }
                    }
                }
            }
            // In the order the articles were read.
            var saved = zip(batch, results).makeIterator()
            for item in read {
                if stored.contains(item.article.id) {
                    summary.unchanged += 1
                    report(.saved(location: item.location, outcome: .unchanged))
                } else if let (item, result) = saved.next() {
                    record(item, result)
                }
            }
        }

        mutating func record(_ item: (article: Article, facts: ArticleFacts, location: String),
                             _ result: Result<SaveOutcome, any Error>) {
            switch result {
            case .success(let outcome):
                switch outcome {
                case .inserted: summary.new += 1
                case .unchanged: summary.unchanged += 1
                case .replaced(let previousURLs):
                    summary.replaced += 1
                    if !previousURLs.isEmpty {
                        report(.urlChanged(location: item.location, previousURLs: previousURLs, url: item.article.url))
                    }
                }
                if outcome != .unchanged { summary.count(item.facts) }
                report(.saved(location: item.location, outcome: outcome))
                let undated = item.facts.meetings.filter { $0.date == nil }.count
                if outcome != .unchanged, item.facts.published == nil, undated > 0 {
                    summary.undated += 1
                    report(.undated(location: item.location, meetings: undated))
                }
            case .failure(let error):
                fail(ArticleFiles.message(error, location: item.location))
            }
        }

        mutating func fail(_ message: String) {
            summary.failed += 1
            report(.failed(message: message))
        }
    }
}
