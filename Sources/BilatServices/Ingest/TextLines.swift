import Foundation

/// The lines of a `bilat db export` file or of stdin, read in chunks as they are consumed, for
/// `bilat db import`. Whatever cannot be a line of an export stops the import with an error naming the
/// input and the line: a read error, a folder or a device (refused before it is read), a NUL byte, a
/// byte that is not UTF-8, or a line longer than ``maxLineBytes`` (a pipe of `/dev/zero` is not held
/// in memory for ever).
public final class TextLines {
    /// An export's longest line is an article's row; its text is at most `--max-article-bytes` (8 MiB
    /// by default), a few times that once escaped as JSON.
    public static let maxLineBytes = 256 << 20

    private let lines: LineReader
    private let name: String
    private var number = 0

    /// Opens `path` (`-` is stdin); a FIFO is read as it comes, Ctrl-C asked between reads.
    public init(path: String, shouldStop: @escaping () -> Bool = { false }) throws {
        let input = try path == "-" ? OpenInput.standardInput(shouldStop: shouldStop)
            : OpenInput.open(path: path, shouldStop: shouldStop)
        name = input.reader.name
        lines = LineReader(reader: input.reader, finite: false)
    }

    /// The next line without its line break, nil at the end of input.
    public func next() throws -> String? {
        guard let line = try lines.nextLine(limit: Self.maxLineBytes) else { return nil }
        number += 1
        let location = "\(name):\(number)"
        guard case .bytes(let bytes) = line else {
            throw InputError.unreadable(location, "a line longer than \(Self.maxLineBytes) bytes; not a bilat export")
        }
        do {
            return try TextDecoder.text(of: bytes[...], name: location)
        } catch InputError.binary {
            throw InputError.unreadable(location, "a NUL byte; not a bilat export")
        }
    }
}
