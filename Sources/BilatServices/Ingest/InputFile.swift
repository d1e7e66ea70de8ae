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

/// A regular file read with one open, one fstat and reads into an array: Foundation's
/// `attributesOfItem` (an lstat and a dictionary of attributes, owner names included) and
/// `Data(contentsOf:)` (another open and fstat) cost 45,000 instructions an article.
enum RegularFile {
    /// The bytes of the regular file at `path`; nil when it is a link or open or fstat fails, so that
    /// the caller can go Foundation's way and report its errors. Throws `tooLarge` as that way does:
    /// when the size is above `limit`, before reading.
    static func contents(path: String, limit: Int) throws -> [UInt8]? {
        // O_NOFOLLOW: a link fails here and goes Foundation's way, which measures the link itself.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size > limit { throw InputError.tooLarge(path, bytes: size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
