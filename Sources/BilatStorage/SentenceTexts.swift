import Foundation
import GRDB

/// The sentences of one article cut from its text by their stored offsets, in one pass over the text.
///
/// Offsets count Unicode scalars, as SQLite's `substr` counts the characters of the stored text. The
/// view `sentence_text` cuts each sentence with `substr` of the whole article text, which loads the
/// text and walks it from its start once a sentence: quadratic in the sentences of one article (a 1 MB
/// article of 200,000 sentences took minutes). Here the text is walked once for all its sentences.
struct SentenceTexts {
    /// One sentence: its id and its text as a range of the article's UTF-8 bytes.
    struct Cut {
        var id: Int64
        var bytes: Range<Int>
    }

    /// The article's sentences, in the order given, with their byte ranges in `utf8`.
    /// Offsets are clamped as `substr` clamps them: one past the text is its end; a span that ends
    /// before it starts is empty (the integrity rule `sentence-offsets` reports both).
    static func cut(_ sentences: [(id: Int64, start: Int, end: Int)], in utf8: UnsafeBufferPointer<UInt8>) -> [Cut] {
        var marks = sentences.flatMap { [max($0.start, 0), max($0.end, $0.start, 0)] }
        marks.sort()
        var unique: [Int] = []
        unique.reserveCapacity(marks.count)
        for mark in marks where unique.last != mark { unique.append(mark) }
        // Byte offset of each mark: the start of its scalar, or the end of the text past the last one.
        var byteOffsets = [Int](repeating: utf8.count, count: unique.count)
        var next = 0
        var scalar = 0
        var offset = 0
        while offset < utf8.count && next < unique.count {
            // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
            if utf8[offset] & 0xC0 != 0x80 {
                while next < unique.count && unique[next] == scalar {
                    byteOffsets[next] = offset
                    next += 1
                }
                scalar += 1
            }
            offset += 1
        }
        func byteOffset(_ mark: Int) -> Int {
            var low = 0
            var high = unique.count
            while low < high {
                let mid = (low + high) / 2
                if unique[mid] < mark { low = mid + 1 } else { high = mid }
            }
            return byteOffsets[low]
        }
        return sentences.map { sentence in
            let start = byteOffset(max(sentence.start, 0))
            return Cut(id: sentence.id, bytes: start..<max(start, byteOffset(max(sentence.end, sentence.start, 0))))
        }
    }
}

extension SentenceTexts {
    /// Calls `body` once an article, in key order, with its text's UTF-8 bytes and its sentences (those of
    /// its range of ids, see schema 0008) cut from them: each text is read once.
    static func forEachArticle(
        _ db: Database,
        _ body: (_ article: (key: Int64, id: String), _ utf8: UnsafeBufferPointer<UInt8>, _ sentences: [Cut]) throws -> Void
    ) throws {
        let articles = try Row.fetchCursor(db, sql: """
            SELECT key, id, text_zlib, first_sentence, first_sentence + sentence_count - 1, text_size FROM article ORDER BY key
            """)
        let sentencesOf = try db.makeStatement(sql: """
            SELECT id, start_offset, end_offset FROM sentence
            WHERE id BETWEEN ?1 AND ?2 AND article_key = ?3 ORDER BY id
            """)
        while let row = try articles.next() {
            let key: Int64 = row[0]
            let id: String = row[1]
            let spans = try Row.fetchAll(sentencesOf, arguments: [row[3], row[4], key]).map {
                (id: $0[0] as Int64, start: $0[1] as Int, end: $0[2] as Int)
            }
            try withText(row, blob: 2, size: 5) { utf8 in try body((key, id), utf8, cut(spans, in: utf8)) }
        }
    }

    /// Calls `body` as ``forEachArticle(_:_:)`` does for the sentences outside their article's range
    /// (the rule `sentence-range` reports them; never made by bilat), grouped by article, each text
    /// read once a group.
    static func forEachStray(
        _ db: Database,
        _ body: (_ article: (key: Int64, id: String), _ utf8: UnsafeBufferPointer<UInt8>, _ sentences: [Cut]) throws -> Void
    ) throws {
        let strays = try Row.fetchAll(db, sql: """
            SELECT s.id, s.article_key, s.start_offset, s.end_offset FROM sentence s JOIN article a ON a.key = s.article_key
            WHERE s.id NOT BETWEEN a.first_sentence AND a.first_sentence + a.sentence_count - 1
            ORDER BY s.article_key, s.id
            """)
        var start = 0
        while start < strays.count {
            let key: Int64 = strays[start][1]
            var end = start
            while end < strays.count && strays[end][1] == key { end += 1 }
            let spans = strays[start..<end].map { (id: $0[0] as Int64, start: $0[2] as Int, end: $0[3] as Int) }
            if let article = try Row.fetchOne(db, sql: "SELECT id, text_zlib, text_size FROM article WHERE key = ?",
                                              arguments: [key]) {
                try withText(article, blob: 1, size: 2) { utf8 in try body((key, article[0]), utf8, cut(spans, in: utf8)) }
            }
            start = end
        }
    }

    /// Calls `body` with the UTF-8 bytes of the stored text (schema 0010) in the row's columns `blob`
    /// (`text_zlib`) and `size` (`text_size`).
    static func withText<R>(_ row: Row, blob: Int, size: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        let bytes = try row.withUnsafeData(atIndex: blob) { data in
            try (data ?? Data()).withUnsafeBytes { try ArticleText.bytes($0, size: row[size]) }
        }
        return try bytes.withUnsafeBufferPointer(body)
    }

    /// The text of each span (an article's key and scalar offsets, clamped as `substr` clamps them), in
    /// the order given; each article's text read and uncompressed once for all its spans, and only as far
    /// as its last span (``ArticleText/prefix(_:size:scalars:)``).
    static func texts(_ db: Database, spans: [(article: Int64, start: Int, end: Int)]) throws -> [String] {
        var texts = [String](repeating: "", count: spans.count)
        var byArticle: [Int64: [Int]] = [:]
        for (index, span) in spans.enumerated() { byArticle[span.article, default: []].append(index) }
        let keys = byArticle.keys.sorted()
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: "SELECT key, text_zlib, text_size FROM article WHERE key IN (\(marks))",
                                           arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                guard let indexes = byArticle[row[0]] else { continue }
                let scalars = indexes.reduce(0) { max($0, spans[$1].start, spans[$1].end) }
                let bytes = try row.withUnsafeData(atIndex: 1) { data in
                    try (data ?? Data()).withUnsafeBytes { try ArticleText.prefix($0, size: row[2], scalars: scalars) }
                }
                try bytes.withUnsafeBufferPointer { utf8 in
                    let wanted = indexes.map { (id: Int64($0), start: spans[$0].start, end: spans[$0].end) }
                    for piece in cut(wanted, in: utf8) {
                        texts[Int(piece.id)] = String(decoding: UnsafeBufferPointer(rebasing: utf8[piece.bytes]), as: UTF8.self)
                    }
                }
            }
        }
        return texts
    }
}
