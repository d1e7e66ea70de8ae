import Foundation

/// Where generated articles go: single files `articles/NNN/NNNNNN.txt` (1,000 a folder, named by the
/// article's index) or lines of JSON Lines feeds `feeds/feed-NNNN.jsonl` (1,000 lines a feed).
struct CorpusWriter {
    let folder: URL
    private(set) var files = 0
    private(set) var feeds = 0
    private(set) var feedArticles = 0
    private var feed: FileHandle?
    private var feedLines = 0
    private var createdFolder = -1
    static let perFolder = 1000
    static let perFeed = 1000

    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
    }

    /// Writes the article `index` as a feed line (`toFeed`) or as a file.
    mutating func write(_ article: ComposedArticle, index: Int, toFeed: Bool) throws {
        if toFeed {
            if feed == nil || feedLines == Self.perFeed {
                try feed?.close()
                let url = folder.appendingPathComponent("feeds/feed-\(Self.pad(feeds, 4)).jsonl")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)  // a failure: FileHandle below throws
                feed = try FileHandle(forWritingTo: url)
                feeds += 1
                feedLines = 0
            }
            try feed?.write(contentsOf: Data(FeedLine.json(article, id: "gen-\(index)").utf8))
            feedLines += 1
            feedArticles += 1
        } else {
            let sub = folder.appendingPathComponent("articles/\(Self.pad(index / Self.perFolder, 3))")
            if index / Self.perFolder != createdFolder {
                try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
                createdFolder = index / Self.perFolder
            }
            try Data(article.text.utf8).write(to: sub.appendingPathComponent("\(Self.pad(index, 6)).txt"))
            files += 1
        }
    }

    /// Closes the open feed.
    mutating func close() throws {
        try feed?.close()
        feed = nil
    }

    /// Closes the open feed, records what was written in the manifest and writes it to
    /// `folder/manifest.json`.
    mutating func finish<Manifest: WrittenCorpus>(_ manifest: inout Manifest, in folder: URL) throws {
        try close()
        manifest.files = files
        manifest.feeds = feeds
        manifest.feedArticles = feedArticles
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A manifest that records how a corpus was written: article files, feeds, and articles in feeds.
protocol WrittenCorpus: Encodable {
    var files: Int { get set }
    var feeds: Int { get set }
    var feedArticles: Int { get set }
}

extension CorpusManifest: WrittenCorpus {}
extension OneEventManifest: WrittenCorpus {}
