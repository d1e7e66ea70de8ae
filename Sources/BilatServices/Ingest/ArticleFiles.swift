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
    /// Articles larger than `maxArticleBytes` are refused before they are read, and no input is read
    /// past that limit from its first byte. A pipe or FIFO is read as it comes, like stdin; a read that
    /// waits, and a feed, stop early once `shouldStop` says so (what was read of the article is dropped).
    public static func visit(path: String, kind: InputKind? = nil, defaults: ArticleDefaults,
                             maxArticleBytes: Int = defaultMaxArticleBytes, shouldStop: () -> Bool = { false },
                             _ body: (ArticleInput) -> Void) {
        withoutActuallyEscaping(shouldStop) { shouldStop in
            do {
                let input = try path == "-" ? OpenInput.standardInput(shouldStop: shouldStop)
                    : OpenInput.open(path: path, shouldStop: shouldStop)
                let read = Read(name: input.reader.name, defaults: defaults, limit: maxArticleBytes, shouldStop: shouldStop)
                if let size = input.size {
                    switch kind ?? InputKind.forNamedFile(URL(fileURLWithPath: path)) {
                    case .feed: try read.feed(LineReader(reader: input.reader, finite: true), finite: true, body)
                    case .article: body(read.article(try RegularFile.contents(of: input.reader, size: size, limit: read.limit)))
                    }
                } else {
                    try read.stream(input, declared: path == "-" ? nil : InputKind.declared(by: URL(fileURLWithPath: path)),
                                    body)
                }
            } catch is DescriptorReader.Stopped {
                // Ctrl-C while reading: the run stops, and says so once.
            } catch {
                body(.failure(message: message(error, location: path == "-" ? "<stdin>" : path)))
            }
        }
    }

    /// What walking the paths of a command finds.
    public enum PathEntry {
        /// A file to read (`-` is stdin); kind nil: decided by its name.
        case input(path: String, kind: InputKind?)
        /// A file inside a folder that is neither an article nor a feed.
        case skipped(path: String)
        /// An article or feed name inside a folder that is not a regular file (a FIFO, a device, a
        /// socket, or a link to one): never opened. `reason` says what it is.
        case passedOver(path: String, reason: String)
        /// A path that does not exist or cannot be read, or a folder that cannot be listed.
        case failure(message: String, missing: Bool)
    }

    /// Walks some paths as ingest reads them, one entry at a time: a folder gives its articles and feeds
    /// in name order, recursively, and the other files as skipped; a file, a pipe or `-` is itself. A
    /// device or a socket named on the command line is refused unopened.
    public static func visitPaths(_ paths: [String], selection: FolderSelection = .standard,
                                  shouldStop: () -> Bool = { false }, _ body: (PathEntry) -> Void) {
        for path in paths where !shouldStop() {
            if path == "-" {
                body(.input(path: path, kind: .article))
                continue
            }
            switch FileStatus.type(of: path) {
            case .failure(let problem):
                body(.failure(message: problem.error.description, missing: problem.missing))
            case .success(.directory):
                FolderWalk.visit(URL(fileURLWithPath: path), selection: selection, shouldStop: shouldStop) { entry in
                    switch entry {
                    case .input(let url, let kind): body(.input(path: url.path, kind: kind))
                    case .skipped(let url): body(.skipped(path: url.path))
                    case .notAnArticle(let url):
                        body(.passedOver(path: url.path, reason: "not an article (a file a folder keeps about itself: README, "
                                         + "LICENSE, CHANGELOG ...); --include '\(url.lastPathComponent)' reads it"))
                    case .passedOver(let url, let what):
                        body(.passedOver(path: url.path, reason: "\(what), not a regular file; only regular files "
                                         + "(and links to them) are read from a folder"))
                    case .unreadable(let error): body(.failure(message: error.description, missing: false))
                    }
                }
            case .success(.regular), .success(.fifo):
                body(.input(path: path, kind: InputKind.forNamedFile(URL(fileURLWithPath: path))))
            case .success(let type):
                body(.failure(message: InputError.notAFile(path, what: type.description).description, missing: false))
            }
        }
    }

    /// True when reading `path` may wait for its writer (`-`, a pipe or a FIFO named on the command line).
    public static func mayWait(_ path: String) -> Bool {
        path == "-" || (try? FileStatus.type(of: path).get()) == .fifo
    }

    /// One input being read: its name in messages, and what every article of it gets.
    private struct Read {
        let name: String
        let defaults: ArticleDefaults
        let limit: Int
        let shouldStop: () -> Bool

        /// The whole input as one article, or why not.
        func article(_ bytes: [UInt8]) -> ArticleInput {
            do {
                let text = try TextDecoder.decode(bytes, name: name)
                return .article(try ArticleReader.read(text: text, defaults: defaults), location: name)
            } catch {
                return .failure(message: ArticleFiles.message(error, location: name))
            }
        }

        /// Stdin, a pipe or a FIFO, read as it comes: a feed or one article by the name's extension
        /// (`declared`), else by the first non-blank byte (`{` for a feed), as stdin is.
        func stream(_ input: OpenInput, declared: InputKind?, _ body: (ArticleInput) -> Void) throws {
            let lines = LineReader(reader: input.reader, finite: input.isRegular)
            let kind = try declared ?? (lines.firstNonBlank(limit: limit, name: name) == UInt8(ascii: "{") ? .feed : .article)
            switch kind {
            case .feed: try feed(lines, finite: input.isRegular, body)
            case .article:
                guard let bytes = try lines.readToEnd(limit: limit) else {
                    throw InputError.tooLarge(name, bytes: nil, limit: limit)
                }
                body(article(bytes))
            }
        }

        /// One article a line; blank lines are allowed, a bad line fails alone. On a stream (`finite`
        /// false) a line past the limit, or more than `limit` bytes of blank lines in a row, ends the
        /// input: neither may ever end.
        func feed(_ lines: LineReader, finite: Bool, _ body: (ArticleInput) -> Void) throws {
            var lineNumber = 0
            var sawArticle = false
            var blankRun = 0
            while !shouldStop(), let line = try lines.nextLine(limit: limit) {
                lineNumber += 1
                let location = "\(name):\(lineNumber)"
                switch line {
                case .tooLong(let count?):
                    sawArticle = true
                    body(.failure(message: InputError.tooLarge(location, bytes: count, limit: limit).description))
                case .tooLong(nil):
                    sawArticle = true
                    body(.failure(message: InputError.endlessLine(location, input: name, limit: limit).description))
                case .bytes(let bytes) where bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }):
                    blankRun += bytes.count + 1
                    if !finite, blankRun > limit {
                        body(.failure(message: InputError.onlyBlank(location, limit: limit).description))
                        return
                    }
                case .bytes(let bytes):
                    blankRun = 0
                    sawArticle = true
                    do {
                        let line = try TextDecoder.text(of: bytes[...], name: location)
                        body(.article(try ArticleReader.readFeedLine(line, defaults: defaults), location: location))
                    } catch {
                        body(.failure(message: ArticleFiles.message(error, location: location)))
                    }
                }
            }
            if !sawArticle, !shouldStop() { body(.failure(message: InputError.empty(name).description)) }
        }
    }

    /// An input error already names its file; others get the location in front.
    static func message(_ error: any Error, location: String) -> String {
        if let input = error as? InputError { return input.description }
        return "\(location): \(error)"
    }
}
