import Foundation

/// Why an input could not be read at all.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)
    case empty(String)
    case binary(String)
    case notUTF8(String, byteOffset: Int)
    /// `bytes` is the size when known (a file, a feed line), nil for stdin, which is not read past the limit.
    case tooLarge(String, bytes: Int?, limit: Int)
    /// More than `limit` bytes of white space and no text yet: an endless run of blanks is not waited on.
    case onlyBlank(String, limit: Int)
    /// A feed line on a pipe that passed the limit without ending: `input`, the feed, is not read further.
    case endlessLine(String, input: String, limit: Int)
    /// A device or a socket named on the command line: never opened.
    case notAFile(String, what: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or folder; check the path"
        case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))"
        case .empty(let path): "\(path): the file is empty"
        case .binary(let path): "\(path): a binary file (it contains NUL bytes), not an article"
        case .notUTF8(let path, let offset): "\(path): not UTF-8 text (invalid byte at offset \(offset)); convert it to UTF-8"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): the article is larger than the limit of \(limit) bytes"
                + (bytes.map { " (\($0) bytes)" } ?? "") + "; raise --max-article-bytes if this is really one article"
        case .onlyBlank(let path, let limit):
            "\(path): more than \(limit) bytes of white space and no text; nothing more is read "
                + "(the limit is --max-article-bytes)"
        case .endlessLine(let location, let input, let limit):
            "\(location): the line is longer than the limit of \(limit) bytes and the rest of \(input) is not read "
                + "(on a pipe, a line may never end); raise --max-article-bytes if this is really one article"
        case .notAFile(let path, let what):
            "\(path): \(what), not a file; bilat reads files, folders, pipes and - (stdin), and never opens a device"
        }
    }
}

/// The kind of input a path holds, by its extension.
public enum InputKind: Sendable, Equatable {
    /// One article per file (`.txt`, `.md`, or anything named explicitly).
    case article
    /// JSON Lines, one article a line (`.jsonl`, `.ndjson`).
    case feed

    static let articleExtensions: Set<String> = ["txt", "md", "markdown"]
    static let feedExtensions: Set<String> = ["jsonl", "ndjson"]

    /// The kind for a file found inside a folder; nil for files a folder walk skips.
    static func forFolderEntry(_ url: URL) -> InputKind? {
        let ext = url.pathExtension.lowercased()
        if articleExtensions.contains(ext) { return .article }
        if feedExtensions.contains(ext) { return .feed }
        return nil
    }

    /// The kind an extension declares; nil for any other name.
    static func declared(by url: URL) -> InputKind? {
        forFolderEntry(url)
    }

    /// The kind for a file named on the command line: feeds by extension, anything else an article.
    static func forNamedFile(_ url: URL) -> InputKind {
        feedExtensions.contains(url.pathExtension.lowercased()) ? .feed : .article
    }
}

/// Turns raw bytes into text, refusing binary and non-UTF-8 input.
enum TextDecoder {
    /// A whole file or stdin: not empty, a leading byte-order mark dropped.
    static func decode(_ bytes: [UInt8], name: String) throws -> String {
        if bytes.isEmpty { throw InputError.empty(name) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try text(of: bytes.dropFirst(3), name: name) }
        return try text(of: bytes[...], name: name)
    }

    /// The bytes as text, or `binary` (a NUL) or `notUTF8` naming the first bad byte's offset, looked
    /// for only when there is one: memchr and the standard library's validating decoder (Data's
    /// iterator went through a protocol conformance look-up for every byte, 3 % of `bilat extract`).
    static func text(of bytes: ArraySlice<UInt8>, name: String) throws -> String {
        if bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            throw InputError.binary(name)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw InputError.notUTF8(name, byteOffset: firstInvalidUTF8Offset(Array(bytes)) ?? 0)
    }

    /// The offset of the first byte that breaks UTF-8, nil when the bytes are valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error(let length): _ = length; return offset
            }
        }
    }
}

/// An input opened for reading: a regular file, or a pipe, FIFO or terminal read as it comes.
struct OpenInput {
    let reader: DescriptorReader
    /// A regular file's size, which is read in one go; nil for a stream (and for stdin, whatever it is).
    let size: Int?
    /// A regular file (stdin may be one): its lines end, so one past the limit can be skipped to its end.
    let isRegular: Bool

    /// Opens `path` without blocking (a FIFO's open waits for a writer otherwise), links followed;
    /// refuses a folder, a device or a socket after a look at what was opened.
    static func open(path: String, shouldStop: @escaping () -> Bool) throws -> OpenInput {
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw FileStatus.problem(errno: errno, path: path).error }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let code = errno
            close(fd)
            throw InputError.unreadable(path, FileStatus.words(errno: code))
        }
        let type = FileType(mode: status.st_mode)
        guard type == .regular || type == .fifo else {
            close(fd)
            throw type == .directory ? InputError.unreadable(path, "a folder, not a file") : InputError.notAFile(path, what: type.description)
        }
        let reader = DescriptorReader(fd: fd, name: path, waits: type != .regular, closes: true, shouldStop: shouldStop)
        return OpenInput(reader: reader, size: type == .regular ? Int(status.st_size) : nil, isRegular: type == .regular)
    }

    /// The standard input, whatever it is; not closed.
    static func standardInput(shouldStop: @escaping () -> Bool) throws -> OpenInput {
        var status = stat()
        guard fstat(STDIN_FILENO, &status) == 0 else { throw InputError.unreadable("<stdin>", FileStatus.words(errno: errno)) }
        let regular = FileType(mode: status.st_mode) == .regular
        return OpenInput(reader: DescriptorReader(fd: STDIN_FILENO, name: "<stdin>", waits: !regular, closes: false,
                                                  shouldStop: shouldStop),
                         size: nil, isRegular: regular)
    }
}

/// A regular file read in one go into an array: one open, one fstat (in `OpenInput.open`) and reads.
/// Foundation's `attributesOfItem` (an lstat and a dictionary of attributes, owner names included) and
/// `Data(contentsOf:)` (another open and fstat) cost 45,000 instructions an article.
enum RegularFile {
    /// The bytes of the file at `path`; throws `tooLarge` when its size is above `limit`, before reading.
    static func contents(path: String, limit: Int, shouldStop: @escaping () -> Bool = { false }) throws -> [UInt8] {
        let input = try OpenInput.open(path: path, shouldStop: shouldStop)
        guard let size = input.size else {
            throw InputError.unreadable(path, "not a regular file")
        }
        return try contents(of: input.reader, size: size, limit: limit)
    }

    /// The bytes of an open regular file of `size` bytes (it may have grown or shrunk since: read to its end).
    static func contents(of reader: DescriptorReader, size: Int, limit: Int) throws -> [UInt8] {
        if size > limit { throw InputError.tooLarge(reader.name, bytes: size, limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 1)
        // size + 1: the end is seen in the same read when the size holds, without growing the array.
        while try reader.read(into: &bytes, upTo: bytes.count <= size ? size + 1 - bytes.count : 1 << 16) > 0 {
            if bytes.count > limit { throw InputError.tooLarge(reader.name, bytes: nil, limit: limit) }
        }
        return bytes
    }
}
