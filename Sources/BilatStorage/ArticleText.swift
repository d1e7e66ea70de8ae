import CZlib
import Foundation
import GRDB

/// An article's text as stored since schema 0010: `article.text_zlib` holds the UTF-8 text compressed by
/// zlib (the format of zlib's `compress()`), or the text's bytes themselves when compressing does not
/// make them smaller, and `article.text_size` the text's length in bytes. This is the layout of SQLite
/// archives, whose functions `sqlar_compress(X)` and `sqlar_uncompress(X, SIZE)` the stock `sqlite3`
/// shell has built in: bilat registers the same two functions on its connections, so the views
/// (`article_text`, `sentence_text`, `statement_text`) and the delete triggers read the same plain text
/// in bilat and in the shell. 25 MB of bench text take 11.5 MB (0.46×).
public enum ArticleText {
    /// Why a stored text cannot be read back.
    public struct Damaged: Error, CustomStringConvertible {
        public var description: String { "a stored article text is damaged (zlib cannot uncompress it to its recorded size)" }
    }

    /// The text as stored: its bytes compressed, or as they are when that is not smaller; and its size.
    static func stored(_ text: String) -> (blob: Data, size: Int) {
        var text = text
        return text.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            return (compressed(raw) ?? Data(raw), utf8.count)
        }
    }

    /// The UTF-8 bytes of a stored text, as `sqlar_uncompress` gives them.
    static func bytes(_ stored: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        if size <= 0 || size == stored.count { return Array(stored) }
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var length = uLongf(size)
            let status = uncompress(buffer.baseAddress, &length, stored.baseAddress?.assumingMemoryBound(to: Bytef.self),
                                    uLong(stored.count))
            guard status == Z_OK, Int(length) == size else { throw Damaged() }
            count = size
        }
    }

    /// The first bytes of a stored text, enough to hold its first `scalars` Unicode scalars whole (the
    /// whole text when it has no more): inflated only that far. An export shows one sentence a source,
    /// and the furthest of an article's source sentences ends on average a third into it (bench corpus).
    static func prefix(_ stored: UnsafeRawBufferPointer, size: Int, scalars: Int) throws -> [UInt8] {
        if size <= 0 || size == stored.count { return Array(stored) }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Damaged() }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: stored.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(stored.count)
        var output = [UInt8](repeating: 0, count: size)
        let produced = try output.withUnsafeMutableBufferPointer { out -> Int in
            guard let base = out.baseAddress else { return 0 }
            var produced = 0
            var starts = 0
            // A scalar is whole once the next one starts: scalars + 1 starts, or the end of the text.
            while starts <= scalars && produced < size {
                let want = min(size, produced + max(scalars + 1 - starts, 256))
                stream.next_out = base + produced
                stream.avail_out = uInt(want - produced)
                let status = inflate(&stream, Z_NO_FLUSH)
                let now = want - Int(stream.avail_out)
                guard status == Z_OK || status == Z_STREAM_END, now > produced || status == Z_STREAM_END else { throw Damaged() }
                for byte in out[produced..<now] where byte & 0xC0 != 0x80 { starts += 1 }
                produced = now
                if status == Z_STREAM_END {
                    guard produced == size else { throw Damaged() }
                    break
                }
            }
            return produced
        }
        output.removeLast(size - produced)
        return output
    }

    /// zlib's `compress()` of `input` when it is smaller than `input`, else nil. One deflate stream,
    /// reset for each text: initialising one clears ~256 KB of tables, which cost more than compressing
    /// a 2.5 KB article.
    static func compressed(_ input: UnsafeRawBufferPointer) -> Data? {
        guard !input.isEmpty else { return nil }
        return deflater.compress(input)
    }

    private static let deflater = Deflater()

    /// The two functions of SQLite archives, with the shell's semantics, for one connection.
    /// `sqlar_uncompress` remembers the texts it gave last (``RecentTexts``). Public for tools that open
    /// a knowledge base with a connection of their own and read its views.
    public static func register(in db: Database) {
        let last = RecentTexts()
        db.add(function: DatabaseFunction("sqlar_uncompress", argumentCount: 2, pure: true) { values in
            let size = Int64.fromDatabaseValue(values[1]) ?? 0
            guard case .blob(let data) = values[0].storage, size > 0, size != data.count else { return values[0] }
            return try last.uncompress(data, size: Int(size))
        })
        db.add(function: DatabaseFunction("sqlar_compress", argumentCount: 1, pure: true) { values in
            guard case .blob(let data) = values[0].storage else { return values[0] }
            return data.withUnsafeBytes { compressed($0) } ?? data
        })
    }
}

/// The texts one connection's `sqlar_uncompress` gave last, up to 4 MB of them, the oldest forgotten
/// first. The full-text index's snippets and the views read the sentences of one article one after
/// another, and an export reads the sources of thousands of events, an article being the source of
/// several of them: uncompressing each text once a source was a quarter of a 20,000-event json export
/// (callgrind: 2.1 G of 7.9 G instructions). A connection runs one statement at a time, so the lock is
/// never contended; it is there for the compiler's checks.
private final class RecentTexts: @unchecked Sendable {
    private static let budget = 4 << 20
    private let lock = NSLock()
    private var texts: [Data: Data] = [:]
    private var order: [Data] = []
    private var oldest = 0
    private var bytes = 0

    func uncompress(_ data: Data, size: Int) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        if let text = texts[data] { return text }
        let text = Data(try data.withUnsafeBytes { try ArticleText.bytes($0, size: size) })
        let cost = data.count + text.count
        guard cost <= Self.budget / 4 else { return text }
        while bytes + cost > Self.budget, oldest < order.count {
            if let gone = texts.removeValue(forKey: order[oldest]) { bytes -= order[oldest].count + gone.count }
            oldest += 1
        }
        if oldest > 256 && oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
        texts[data] = text
        order.append(data)
        bytes += cost
        return text
    }
}

/// A zlib deflate stream, the format of `compress()` (a zlib header, a 32 KB window), one text at a
/// time. Level 6 and 16 KB of hash table (memory level 6): on 585 bench articles, callgrind counts
/// 228 M instructions at zlib's defaults (level 6, memory level 8), 210 M here, 186 M at level 1, for
/// 0.459, 0.459 and 0.479 of the text; a reset clears the hash table, 64 KB at the default.
private final class Deflater: @unchecked Sendable {
    private let lock = NSLock()
    private let stream: UnsafeMutablePointer<z_stream>
    private let ready: Bool

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        ready = deflateInit2_(stream, 6, Z_DEFLATED, 15, 6, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                              Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { deflateEnd(stream) }
        stream.deallocate()
    }

    func compress(_ input: UnsafeRawBufferPointer) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        guard ready, deflateReset(stream) == Z_OK else { return nil }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        var output = Data(count: bound)
        let status = output.withUnsafeMutableBytes { out -> Int32 in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(bound)
            return deflate(stream, Z_FINISH)
        }
        let length = bound - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        guard status == Z_STREAM_END, length < input.count else { return nil }
        output.count = length
        return output
    }
}
