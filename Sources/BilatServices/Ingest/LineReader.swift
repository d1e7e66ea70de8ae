import Foundation

/// Reads a file or stdin line by line in fixed-size chunks, so a large feed is never held whole.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let chunkSize = 1 << 16

    /// Reads from `handle`, after the bytes of `prefix` already taken from it.
    init(handle: FileHandle, prefix: [UInt8] = []) {
        self.handle = handle
        buffer = prefix
    }

    /// Reads chunks until a byte that is not white space shows; returns the bytes read and that byte.
    static func peekFirstNonBlank(_ handle: FileHandle) -> (bytes: [UInt8], first: UInt8?) {
        var bytes: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1 << 16)
            if data.isEmpty { return (bytes, nil) }
            let start = bytes.count
            bytes.append(contentsOf: data)
            if let first = bytes[start...].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                return (bytes, first)
            }
        }
    }

    /// Everything left, as one byte array.
    func readToEnd() -> [UInt8] {
        var rest = Array(buffer[position...])
        rest.append(contentsOf: handle.readDataToEndOfFile())
        position = buffer.count
        atEnd = true
        return rest
    }

    /// The next line's bytes without its line break, nil at the end of input.
    func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<newline])
                position = newline + 1
                if line.last == 0x0D { line.removeLast() }
                compactIfNeeded()
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        }
    }

    private func compactIfNeeded() {
        if position > chunkSize {
            buffer.removeFirst(position)
            position = 0
        }
    }
}
