import Foundation

/// The lines of a file or stdin as strings, read in chunks as they are consumed.
public struct TextLines: Sequence {
    private let handle: FileHandle

    public init(handle: FileHandle) {
        self.handle = handle
    }

    public func makeIterator() -> Iterator {
        Iterator(reader: LineReader(handle: handle))
    }

    public struct Iterator: IteratorProtocol {
        let reader: LineReader

        public mutating func next() -> String? {
            // No limit here: an export's lines are rows, each far smaller than an article.
            guard case .bytes(let bytes)? = try? reader.nextLine(limit: .max) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
