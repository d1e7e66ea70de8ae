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
    static func decode(_ data: Data, name: String) throws -> String {
        if data.isEmpty { throw InputError.empty(name) }
        // Array's contiguous storage and the standard library's validating decoder: Data's iterator
        // went through a protocol conformance look-up for every byte (3 % of `bilat extract`).
        var bytes = [UInt8](data)
        if bytes.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) { throw InputError.binary(name) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw InputError.notUTF8(name, byteOffset: firstInvalidUTF8Offset(bytes) ?? 0)
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
