import BilatModel

/// A sentence as the later stages see it: its tokens and its place in the article.
public struct TokenSentence: Sendable {
    public var index: Int
    public var tokens: ArraySlice<Token>
    public var span: SourceSpan
    public var text: String
}

/// Splits tokens into sentences: at a final `.`, `!` or `?` that is not part of an abbreviation or
/// an initial, and at every line break (paragraphs, titles). A paragraph number ("2. On arrival")
/// is left out of the sentence it opens. A run of more than `maxTokens` tokens with no sentence end is
/// cut into pieces of at most that many.
public struct SentenceSplitter: Sendable {
    let abbreviations: WordSet
    /// No sentence of news prose comes near it (the longest of the annotated corpus is far shorter); the
    /// later stages relate the mentions of a sentence pairwise, so an unbounded "sentence" (a page of
    /// names, dates or meeting words with no full stop) would cost the square of the page.
    public static let maxTokens = 300

    public init(abbreviations: Set<String>) {
        self.abbreviations = WordSet(abbreviations)
    }

    public func split(_ tokens: [Token], text: String) -> [TokenSentence] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < tokens.count {
            if i > start, tokens[i].newlineBefore {
                ranges.append(start..<i)
                start = i
            }
            let t = tokens[i]
            // "2." opening a paragraph numbers it; it ends nothing.
            let paragraphNumber = i == start + 1 && tokens[start].kind == .number && t.text == "."
            if t.kind == .punctuation, t.text == "." || t.text == "!" || t.text == "?", !paragraphNumber {
                var end = i + 1
                // Closing quotes and brackets stay with the sentence they close.
                while end < tokens.count, !tokens[end].spaceBefore, ["\"", "\u{201D}", "'", "\u{2019}", ")"].contains(tokens[end].text) {
                    end += 1
                }
                if end >= tokens.count || endsSentence(tokens, period: i, next: end) {
                    ranges.append(start..<end)
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        ranges = ranges.flatMap { capped($0, tokens) }
        var pieces: [(tokens: Range<Int>, span: SourceSpan)] = []
        for var r in ranges {
            // A paragraph number: "2." at the start of a line.
            if r.count > 2, tokens[r.lowerBound].kind == .number, tokens[r.lowerBound + 1].text == ".",
               tokens[r.lowerBound].text.count <= 2 {
                r = (r.lowerBound + 2)..<r.upperBound
            }
            guard !r.isEmpty else { continue }
            pieces.append((r, SourceSpan(start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end)))
        }
        var bounds: [Int] = []
        bounds.reserveCapacity(2 * pieces.count)
        for piece in pieces { bounds += [piece.span.start, piece.span.end] }
        let offsets = Self.utf8Offsets(ofScalarOffsets: bounds, in: text)
        let utf8 = text.utf8, scalars = text.unicodeScalars
        var sentences: [TokenSentence] = []
        sentences.reserveCapacity(pieces.count)
        for (k, piece) in pieces.enumerated() {
            let a = utf8.index(utf8.startIndex, offsetBy: offsets[2 * k])
            let b = utf8.index(utf8.startIndex, offsetBy: offsets[2 * k + 1])
            sentences.append(TokenSentence(index: sentences.count, tokens: tokens[piece.tokens], span: piece.span,
                                           text: String(Substring(scalars[a..<b]))))
        }
        return sentences
    }

    /// The UTF-8 offsets in `text` of ascending scalar offsets, in one pass over its bytes (walking the
    /// scalar view to each sentence cost some twenty instructions a scalar).
    private static func utf8Offsets(ofScalarOffsets scalarOffsets: [Int], in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            var offsets: [Int] = []
            offsets.reserveCapacity(scalarOffsets.count)
            var byte = 0, scalar = 0
            let raw = UnsafeRawBufferPointer(bytes)
            for target in scalarOffsets {
                // Eight ASCII bytes at a time are eight scalars: most text is ASCII, and a sentence's
                // bytes were walked one by one.
                while target - scalar >= 8, byte + 8 <= bytes.count,
                      raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    byte += 8
                    scalar += 8
                }
                // A scalar's length is in its lead byte (the bytes are valid UTF-8).
                while scalar < target, byte < bytes.count {
                    let lead = bytes[byte]
                    byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    scalar += 1
                }
                offsets.append(min(byte, bytes.count))
            }
            return offsets
        }
    }

    /// A run longer than `maxTokens` cut into pieces of at most that many, each cut where a clause
    /// ends (after a comma, semicolon or colon) if the second half of the piece has one, else after a
    /// lowercase word, so that no name is cut in two when it can be helped.
    private func capped(_ r: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        guard r.count > Self.maxTokens else { return [r] }
        var pieces: [Range<Int>] = []
        var start = r.lowerBound
        while r.upperBound - start > Self.maxTokens {
            let window = (start + Self.maxTokens / 2 + 1)...(start + Self.maxTokens)
            let clause = window.last { [",", ";", ":"].contains(tokens[$0 - 1].text) }
            let word = window.last { tokens[$0 - 1].kind == .word && !tokens[$0 - 1].isCapitalized && !tokens[$0].isCapitalized }
            let end = clause ?? word ?? start + Self.maxTokens
            pieces.append(start..<end)
            start = end
        }
        pieces.append(start..<r.upperBound)
        return pieces
    }

    private func endsSentence(_ tokens: [Token], period i: Int, next: Int) -> Bool {
        let following = tokens[next]
        guard following.spaceBefore || following.newlineBefore else { return false }
        if following.newlineBefore { return true }
        if tokens[i].text == ".", i > 0, !tokens[i].spaceBefore {
            let previous = tokens[i - 1]
            if abbreviations.contains(previous) { return false }
            // An initial ("Donald J. Trump").
            if previous.kind == .word, previous.text.unicodeScalars.count == 1, previous.isCapitalized { return false }
        }
        let first = following.text.unicodeScalars.first!
        return first.properties.isUppercase || ("0"..."9").contains(first) || "\"\u{201C}'\u{2018}(".unicodeScalars.contains(first)
    }
}
