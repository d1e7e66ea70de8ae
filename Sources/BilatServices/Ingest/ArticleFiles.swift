import BilatExtraction
import BilatModel
import Foundation

/// An article read from an input, or why one could not be read.
public enum ArticleInput {
    /// `location` names the file, and the line for feeds.
    case article(Article, location: String)
    case failure(message: String)
}

/// Reads articles from one file, feed or stdin, one at a time: a feed is streamed line by line.
public enum ArticleFiles {
    /// Articles above this size (8 MiB) are refused unless the caller raises the limit.
    public static let defaultMaxArticleBytes = 8 << 20

    /// Calls `body` with each article of the file at `path` (`-` is stdin) or with each failure.
    /// Articles larger than `maxArticleBytes` are refused before they are read; a feed stops early
    /// once `shouldStop` says so.
    public static func visit(path: String, kind: InputKind? = nil, defaults: ArticleDefaults,
                             maxArticleBytes: Int = defaultMaxArticleBytes, shouldStop: () -> Bool = { false },
                             _ body: (ArticleInput) -> Void) {
        let limit = maxArticleBytes
        if path == "-" {
            visitStandardInput(defaults: defaults, limit: limit, shouldStop: shouldStop, body)
            return
        }
        let url = URL(fileURLWithPath: path)
        switch kind ?? InputKind.forNamedFile(url) {
        case .feed:
            guard let handle = FileHandle(forReadingAtPath: path) else {
                body(.failure(message: InputError.unreadable(path, "permission denied or not a file").description))
                return
            }
            defer { try? handle.close() }
            visitFeed(LineReader(handle: handle), name: path, defaults: defaults, limit: limit, shouldStop: shouldStop,
                      body)
        case .article:
            do {
                let bytes: [UInt8]
                if let contents = try RegularFile.contents(path: path, limit: limit) {
                    bytes = contents
                } else {
                    // A link, or a file that open or fstat refuses: Foundation's way, and its errors.
                    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                    if size > limit { throw InputError.tooLarge(path, bytes: size, limit: limit) }
                    bytes = [UInt8](try Data(contentsOf: url))
                }
                let text = try TextDecoder.decode(bytes, name: path)
                body(.article(try ArticleReader.read(text: text, defaults: defaults), location: path))
            } catch {
                body(.failure(message: message(error, location: path)))
            }
        }
    }

    /// What walking the paths of a command finds.
    public enum PathEntry {
        /// A file to read (`-` is stdin); kind nil: decided by its name.
        case input(path: String, kind: InputKind?)
        /// A file inside a folder that is neither an article nor a feed.
        case skipped(path: String)
        /// A path that does not exist, or a folder that cannot be listed.
        case failure(message: String, missing: Bool)
    }

    /// Walks some paths as ingest reads them, one entry at a time: a folder gives its articles and feeds
    /// in name order, recursively, and the other files as skipped; a file or `-` is itself.
    public static func visitPaths(_ paths: [String], shouldStop: () -> Bool = { false }, _ body: (PathEntry) -> Void) {
        for path in paths where !shouldStop() {
            var isFolder: ObjCBool = false
            if path == "-" {
                body(.input(path: path, kind: .article))
            } else if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                body(.failure(message: InputError.missing(path).description, missing: true))
            } else if isFolder.boolValue {
                FolderWalk.visit(URL(fileURLWithPath: path), shouldStop: shouldStop) { entry in
                    switch entry {
                    case .input(let url, let kind): body(.input(path: url.path, kind: kind))
                    case .skipped(let url): body(.skipped(path: url.path))
                    case .unreadable(let url, let reason):
                        body(.failure(message: InputError.unreadable(url.path, reason).description, missing: false))
                    }
                }
            } else {
                body(.input(path: path, kind: InputKind.forNamedFile(URL(fileURLWithPath: path))))
            }
        }
    }

    /// Stdin holds a feed when its first non-blank byte is `{`, else one article.
    private static func visitStandardInput(defaults: ArticleDefaults, limit: Int, shouldStop: () -> Bool,
                                           _ body: (ArticleInput) -> Void) {
        let stdin = FileHandle.standardInput
        let (head, first) = LineReader.peekFirstNonBlank(stdin)
        let reader = LineReader(handle: stdin, prefix: head)
        if first == UInt8(ascii: "{") {
            visitFeed(reader, name: "<stdin>", defaults: defaults, limit: limit, shouldStop: shouldStop, body)
            return
        }
        do {
            guard let bytes = reader.readToEnd(limit: limit) else {
                throw InputError.tooLarge("<stdin>", bytes: nil, limit: limit)
            }
            let text = try TextDecoder.decode(bytes, name: "<stdin>")
            body(.article(try ArticleReader.read(text: text, defaults: defaults), location: "<stdin>"))
        } catch {
            body(.failure(message: message(error, location: "<stdin>")))
        }
    }

    /// One article a line; blank lines are allowed, a bad line fails alone.
    private static func visitFeed(_ lines: LineReader, name: String, defaults: ArticleDefaults, limit: Int,
                                  shouldStop: () -> Bool, _ body: (ArticleInput) -> Void) {
        var lineNumber = 0
        var sawArticle = false
        while !shouldStop(), let line = lines.nextLine(limit: limit) {
            lineNumber += 1
            let location = "\(name):\(lineNumber)"
            guard case .bytes(let bytes) = line else {
                if case .tooLong(let count) = line {
                    sawArticle = true
                    body(.failure(message: InputError.tooLarge(location, bytes: count, limit: limit).description))
                }
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            sawArticle = true
            do {
                let line = try TextDecoder.text(of: bytes[...], name: location)
                body(.article(try ArticleReader.readFeedLine(line, defaults: defaults), location: location))
            } catch {
                body(.failure(message: message(error, location: location)))
            }
        }
        if !sawArticle, !shouldStop() { body(.failure(message: InputError.empty(name).description)) }
    }

    /// An input error already names its file; others get the location in front.
    static func message(_ error: any Error, location: String) -> String {
        if let input = error as? InputError { return input.description }
        return "\(location): \(error)"
    }
}
