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

    /// Everything left, or nil as soon as more than `limit` bytes remain (the rest is not read).
    func readToEnd(limit: Int) -> [UInt8]? {
        var rest = Array(buffer[position...])
        position = buffer.count
        while rest.count <= limit {
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty {
                atEnd = true
                return rest
            }
            rest.append(contentsOf: data)
        }
        return nil
    }

    /// One line of input: its bytes, or only its length when it passed the limit (its bytes are dropped
    /// as they are read, so a huge line never sits in memory).
    enum Line {
        case bytes([UInt8])
        case tooLong(byteCount: Int)
    }

    /// The next line without its line break, nil at the end of input.
    func nextLine(limit: Int) -> Line? {
        var scanned = position
        var dropped = 0
        while true {
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                defer {
                    position = newline + 1
                    compactIfNeeded()
                }
                if dropped > 0 { return .tooLong(byteCount: dropped + newline - position) }
                var line = Array(buffer[position..<newline])
                if line.last == 0x0D { line.removeLast() }
                return line.count > limit ? .tooLong(byteCount: line.count) : .bytes(line)
            }
            if atEnd {
                guard position < buffer.count || dropped > 0 else { return nil }
                defer { position = buffer.count }
                if dropped > 0 { return .tooLong(byteCount: dropped + buffer.count - position) }
                let line = Array(buffer[position...])
                return line.count > limit ? .tooLong(byteCount: line.count) : .bytes(line)
            }
            if buffer.count - position > limit {
                // Past the limit: forget what was read of this line and keep only counting.
                dropped += buffer.count - position
                buffer.removeAll(keepingCapacity: true)
                position = 0
            }
            scanned = buffer.count
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        }
    }

    /// The index of the first line feed at or after `start`: memchr, not a byte-by-byte loop.
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { all in
            memchr(all.baseAddress! + start, 0x0A, all.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - all.baseAddress! }
        }
    }

    private func compactIfNeeded() {
        if position > chunkSize {
            buffer.removeFirst(position)
            position = 0
        }
    }
}
