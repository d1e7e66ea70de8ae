import Foundation

/// Reads a file or stdin line by line in fixed-size chunks, so a large feed is never held whole.
final class LineReader {
    /// Appends the next chunk to the buffer; returns its length, 0 at the end of input.
    private let fill: (inout [UInt8], Int) throws -> Int
    /// A line past the limit is read on to its end (counted, not kept) only when the input is finite:
    /// on a pipe a line may never end, and the rest of the input is then left unread.
    private let skipsLongLines: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let chunkSize = 1 << 16

    /// Reads from `reader`; `finite`: a regular file, whose long lines can be skipped to their end.
    init(reader: DescriptorReader, finite: Bool) {
        fill = { buffer, count in try reader.read(into: &buffer, upTo: count) }
        skipsLongLines = finite
    }

    /// Reads from `handle` (an export's rows, each far smaller than an article).
    init(handle: FileHandle) {
        fill = { buffer, count in
            let data = handle.readData(ofLength: count)
            buffer.append(contentsOf: data)
            return data.count
        }
        skipsLongLines = true
    }

    private func readChunk() throws {
        if try fill(&buffer, chunkSize) == 0 { atEnd = true }
    }

    /// The first byte that is not white space (space, tab, CR, LF), left unread; nil at the end of
    /// input. Throws `onlyBlank` once more than `limit` bytes of white space came first, so that an
    /// endless run of blanks (`yes ' '`) is not held, or waited on, for ever.
    func firstNonBlank(limit: Int, name: String) throws -> UInt8? {
        var scanned = position
        while true {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return byte }
                scanned += 1
            }
            if atEnd { return nil }
            if scanned - position > limit { throw InputError.onlyBlank(name, limit: limit) }
            try readChunk()
        }
    }

    /// Everything left, or nil as soon as more than `limit` bytes remain (the rest is not read).
    func readToEnd(limit: Int) throws -> [UInt8]? {
        while !atEnd {
            if buffer.count - position > limit { return nil }
            try readChunk()
        }
        let rest = Array(buffer[position...])
        position = buffer.count
        return rest.count > limit ? nil : rest
    }

    /// One line of input: its bytes, or only its length when it passed the limit (its bytes are dropped
    /// as they are read, so a huge line never sits in memory).
    enum Line {
        case bytes([UInt8])
        /// `byteCount` nil: the line was not read to its end, and neither will the rest of the input be.
        case tooLong(byteCount: Int?)
    }

    /// The next line without its line break, nil at the end of input.
    func nextLine(limit: Int) throws -> Line? {
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
                guard skipsLongLines else {
                    // A line on a pipe past the limit may never end (`cat /dev/zero`): stop the input here.
                    buffer.removeAll()
                    position = 0
                    atEnd = true
                    return .tooLong(byteCount: nil)
                }
                // Past the limit: forget what was read of this line and keep only counting.
                dropped += buffer.count - position
                buffer.removeAll(keepingCapacity: true)
                position = 0
            }
            scanned = buffer.count
            try readChunk()
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
