import Foundation
import GRDB

/// Checks the full-text index against the sentences' text, reading only, in time linear in the text.
///
/// FTS5's own check is spelled as an INSERT (`INSERT INTO sentence_fts(sentence_fts, rank)
/// VALUES('integrity-check', 1)`): it needs the write lock for as long as it runs, and it reads the
/// content through the view `sentence_text`, one `substr` of the whole article text a sentence
/// (quadratic in the sentences of one article). Without the rank argument it does not look at the
/// content of an external-content table at all. Here the index is read through `fts5vocab` (every
/// posting: term, sentence, position) and each article's text once, its sentences cut by offset
/// (``SentenceTexts``) and tokenized by the index's own tokenizer; the two sides are compared by an
/// order-free digest of their postings, and sentence by sentence by their word counts (the index's
/// `docsize` rows). Reading every posting also walks every segment of the index: a damaged
/// structure fails with SQLITE_CORRUPT, reported as such.
struct FullTextCheck {
    let db: Database

    /// The tokenizer of `sentence_fts` (schema 0003).
    static let tokenizer = FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"])
    /// FTS5 indexes the first 32,768 bytes of a longer token (FTS5_MAX_TOKEN_SIZE).
    static let maxTokenBytes = 32_768
    /// Sentences named one by one before the rest are counted.
    static let namedSentences = 20

    func problems() throws -> [IntegrityProblem] {
        do {
            var problems: [IntegrityProblem] = []
            let text = try textTally(&problems)
            let index = try indexTally()
            if text != index {
                let words = index.postings == text.postings
                    ? "other words than the sentences' text (\(text.postings) words either way)"
                    : "\(index.postings) words of the sentences where their text has \(text.postings)"
                problems.append(IntegrityProblem(check: "fts-content", detail: """
                    the full-text index holds \(words): it no longer matches the text \
                    (`bilat db export`, then `bilat db import` into a new file, makes it again)
                    """))
            }
            return problems
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return [IntegrityProblem(check: "fts-integrity-check", detail: "the full-text index is damaged: \(StorageError.sqliteMessage(error))")]
        }
    }

    /// What the index holds: a digest and a count of its postings.
    private func indexTally() throws -> PostingTally {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bilat_sentence_postings USING fts5vocab(main, sentence_fts, instance)")
        var tally = PostingTally()
        let postings = try Row.fetchCursor(db, sql: "SELECT term, doc, offset FROM temp.bilat_sentence_postings")
        while let row = try postings.next() {
            let sentence: Int64 = row[1]
            let position: Int = row[2]
            try row.withUnsafeData(atIndex: 0) { term in
                (term ?? Data()).withUnsafeBytes { tally.add(sentence: sentence, position: position, term: $0) }
            }
        }
        return tally
    }

    /// What the sentences' text gives, and each sentence's word count against its `docsize` row.
    private func textTally(_ problems: inout [IntegrityProblem]) throws -> PostingTally {
        let tokenizer = try db.makeTokenizer(Self.tokenizer)
        let sink = TokenSink()
        let sizes = try db.makeStatement(sql: "SELECT id, sz FROM sentence_fts_docsize WHERE id BETWEEN ? AND ? ORDER BY id")
        var unnamed = 0
        func report(_ detail: String) {
            if problems.count < Self.namedSentences {
                problems.append(IntegrityProblem(check: "fts-sentence", detail: detail))
            } else {
                unnamed += 1
            }
        }
        func tally(_ article: (key: Int64, id: String), _ utf8: UnsafeBufferPointer<UInt8>,
                   _ sentences: [SentenceTexts.Cut]) throws {
            guard let first = sentences.map(\.id).min(), let last = sentences.map(\.id).max() else { return }
            var indexed: [Int64: Int] = [:]
            for row in try Row.fetchAll(sizes, arguments: [first, last]) {
                indexed[row[0]] = try row.withUnsafeData(atIndex: 1) { Self.varint($0 ?? Data()) }
            }
            for sentence in sentences {
                sink.start(sentence: sentence.id)
                let bytes = UnsafeBufferPointer(rebasing: utf8[sentence.bytes])
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    let code = tokenizer.tokenize(
                        context: Unmanaged.passUnretained(sink).toOpaque(), tokenization: .document,
                        pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(bytes.count),
                        tokenCallback: TokenSink.callback)
                    if code != 0 { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                }
                switch indexed.removeValue(forKey: sentence.id) {
                case nil:
                    report("sentence \(sentence.id) of article \(article.id) is not in the full-text index")
                case let words? where words != sink.words:
                    report("sentence \(sentence.id) of article \(article.id): \(words) words indexed, \(sink.words) in its text")
                default: break
                }
            }
        }
        try SentenceTexts.forEachArticle(db, tally)
        try SentenceTexts.forEachStray(db, tally)
        if unnamed > 0 {
            problems.append(IntegrityProblem(check: "fts-sentence", detail: "and \(unnamed) more sentences"))
        }
        return sink.tally
    }

    /// A docsize row: one varint (SQLite's encoding, big-endian groups of 7 bits) per column.
    static func varint(_ data: Data) -> Int {
        var value = 0
        for (i, byte) in data.prefix(9).enumerated() {
            if i == 8 { return value << 8 | Int(byte) }
            value = value << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return value
    }
}

/// An order-free summary of postings: their count and the wrapping sum of a 64-bit digest of each.
struct PostingTally: Equatable {
    var postings = 0
    var digest: UInt64 = 0

    mutating func add(sentence: Int64, position: Int, term: UnsafeRawBufferPointer) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the term's bytes
        for byte in term.prefix(FullTextCheck.maxTokenBytes) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        postings += 1
        digest &+= Self.mix(hash &+ Self.mix(UInt64(bitPattern: sentence) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(position)))
    }

    /// SplitMix64's finalizer: every bit of the input moves every bit of the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Receives the tokenizer's tokens for one sentence at a time, numbering them as FTS5 does: a token
/// flagged colocated (a synonym) takes the position of the one before.
private final class TokenSink {
    var tally = PostingTally()
    var sentence: Int64 = 0
    /// Tokens of the sentence so far: FTS5's docsize for it.
    var words = 0

    func start(sentence: Int64) {
        self.sentence = sentence
        words = 0
    }

    static let callback: FTS5TokenCallback = { context, flags, token, length, _, _ in
        guard let context else { return 0 }
        let sink = Unmanaged<TokenSink>.fromOpaque(context).takeUnretainedValue()
        if !FTS5TokenFlags(rawValue: flags).contains(.colocated) || sink.words == 0 { sink.words += 1 }
        sink.tally.add(sentence: sink.sentence, position: sink.words - 1,
                       term: UnsafeRawBufferPointer(start: token, count: token == nil ? 0 : Int(length)))
        return 0
    }
}
