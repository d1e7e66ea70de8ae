/// A word, number or punctuation mark of an article, with its place in Unicode scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public var text: String
    /// Lowercase, diacritics removed; dashes folded to "-", curly apostrophes to "'".
    public var folded: String
    /// `WordHash.of(folded)`, computed once so that word table and phrase lookups need not hash the word.
    var foldedHash: Int
    /// The folded word when it is one of the words the rules name in code.
    var word: Word?
    /// The first UTF-8 byte of `folded` (0 when it is empty), which phrase prefixes and date rules ask.
    var firstByte: UInt8
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// Whitespace separates it from the token before.
    public var spaceBefore: Bool
    /// A line break separates it from the token before.
    public var newlineBefore: Bool
    /// Starts with an uppercase letter ("Xi", "U.S.", "ISHIBA").
    public var isCapitalized: Bool
    /// Every letter uppercase and at least two of them ("ISHIBA", "US", "U.S.").
    public var isAllCaps: Bool
}

/// Cuts text into tokens in one pass over its UTF-8 bytes: scalars are decoded and classified once
/// (ASCII from a table, others by their Unicode properties), and each token's text is copied from its
/// byte range.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            // The columns in temporary storage: on the stack for a short text (a name, a phrase of the
            // reference data), where three heap blocks cost more than cutting the text.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bytes.count) { values in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { classes in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count + 1) { offsets in
                        ScalarTable(bytes, values: values, classes: classes, offsets: offsets).tokens()
                    }
                }
            }
        }
    }
}

/// The scalars of a text with their classes and byte offsets, and the tokenizing pass over them.
/// The three columns are buffers the caller provides, of the text's byte count (the offsets one more):
/// every index the pass asks is below `count` (each is guarded), and unchecked access halves the cost
/// of tokenizing.
private struct ScalarTable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Scalar values.
    let values: UnsafeMutableBufferPointer<UInt32>
    /// `ScalarClass` bits of each scalar.
    let classes: UnsafeMutableBufferPointer<UInt8>
    /// Byte offset of each scalar, and the byte count at `count`.
    let offsets: UnsafeMutableBufferPointer<Int>
    /// The number of scalars.
    let count: Int
    /// `Word.table`, read once per text rather than through its lazy global at each token.
    let words = Word.table

    init(_ bytes: UnsafeBufferPointer<UInt8>, values: UnsafeMutableBufferPointer<UInt32>,
         classes: UnsafeMutableBufferPointer<UInt8>, offsets: UnsafeMutableBufferPointer<Int>) {
        self.bytes = bytes
        self.values = values
        self.classes = classes
        self.offsets = offsets
        let table = ScalarClass.ascii
        var n = 0
        var p = 0
        while p < bytes.count {
            let b0 = UInt32(bytes[p])
            // ASCII first: nearly every byte of an article is.
            if b0 < 0x80 {
                values[n] = b0
                classes[n] = table[Int(b0)]
                offsets[n] = p
                n += 1
                p += 1
                continue
            }
            var v = b0, length = 1
            if b0 >= 0xF0 {
                v = (b0 & 0x07) << 18 | (UInt32(bytes[p + 1]) & 0x3F) << 12 | (UInt32(bytes[p + 2]) & 0x3F) << 6
                    | (UInt32(bytes[p + 3]) & 0x3F)
                length = 4
            } else if b0 >= 0xE0 {
                v = (b0 & 0x0F) << 12 | (UInt32(bytes[p + 1]) & 0x3F) << 6 | (UInt32(bytes[p + 2]) & 0x3F)
                length = 3
            } else if b0 >= 0xC0 {
                v = (b0 & 0x1F) << 6 | (UInt32(bytes[p + 1]) & 0x3F)
                length = 2
            }
            values[n] = v
            classes[n] = ScalarClass.of(v, table: table)
            offsets[n] = p
            n += 1
            p += length
        }
        offsets[n] = bytes.count
        count = n
    }

    func isLetter(_ i: Int) -> Bool { classes[i] & ScalarClass.letter != 0 }
    func isDigit(_ i: Int) -> Bool { classes[i] & ScalarClass.digit != 0 }
    func isApostrophe(_ i: Int) -> Bool { values[i] == 0x27 || values[i] == 0x2019 }
    func isS(_ i: Int) -> Bool { values[i] == 0x73 || values[i] == 0x53 }
    func isPeriod(_ i: Int) -> Bool { values[i] == 0x2E }

    func tokens() -> [Token] {
        var tokens: [Token] = []
        // Room for a name's tokens too ("Joseph R. Biden": 4 in 15 scalars), which count / 5 regrew.
        tokens.reserveCapacity(count / 5 + 3)
        var i = 0
        var space = true, newline = true
        func emit(_ from: Int, _ to: Int, _ kind: Token.Kind) {
            tokens.append(token(from, to, kind, space: space, newline: newline))
            space = false
            newline = false
        }
        while i < count {
            if classes[i] & ScalarClass.whitespace != 0 {
                space = true
                if classes[i] & ScalarClass.newline != 0 { newline = true }
                i += 1
                continue
            }
            let start = i
            if isLetter(i) {
                // Initials written with periods ("U.S.", "D.C.", "H.E.") stay one token.
                if i + 3 < count, isPeriod(i + 1), isLetter(i + 2), isPeriod(i + 3) {
                    var j = i
                    while j + 1 < count, isLetter(j), isPeriod(j + 1),
                          j + 2 >= count || !isLetter(j + 2) || (j + 3 < count && isPeriod(j + 3)) {
                        j += 2
                    }
                    emit(start, j, .word)
                    i = j
                    continue
                }
                var j = i + 1
                while j < count {
                    if isLetter(j) || isDigit(j) { j += 1; continue }
                    // An apostrophe inside a word ("Shi'ite") but not a possessive "'s".
                    if isApostrophe(j), j + 1 < count, isLetter(j + 1) {
                        let possessive = isS(j + 1) && (j + 2 >= count || !isLetter(j + 2))
                        if possessive { break }
                        j += 2
                        continue
                    }
                    break
                }
                emit(start, j, .word)
                i = j
            } else if isDigit(i) {
                var j = i + 1
                while j < count {
                    if isDigit(j) { j += 1; continue }
                    if values[j] == 0x2C || values[j] == 0x2E, j + 1 < count, isDigit(j + 1) { j += 2; continue }
                    break
                }
                // "2024's", "19th": letters glued to a number stay with it.
                while j < count, isLetter(j) { j += 1 }
                emit(start, j, .number)
                i = j
            } else if isApostrophe(i), i + 1 < count, isS(i + 1), i + 2 >= count || !isLetter(i + 2), !space {
                emit(start, i + 2, .word)
                i += 2
            } else {
                emit(start, i + 1, .punctuation)
                i += 1
            }
        }
        return tokens
    }

    /// The token of scalars `from..<to`: its text copied from the bytes, folded (ASCII directly).
    func token(_ from: Int, _ to: Int, _ kind: Token.Kind, space: Bool, newline: Bool) -> Token {
        let range = UnsafeBufferPointer(rebasing: bytes[offsets[from]..<offsets[to]])
        let text = String(decoding: range, as: UTF8.self)
        // One pass without branches over the scalars: their values and classes or-ed together, the
        // letters counted, and whether one is a letter that is not uppercase.
        var allValues: UInt32 = 0, allClasses: UInt8 = 0, letters = 0, lowerLetter: UInt8 = 0
        let caseBits = ScalarClass.alphabetic | ScalarClass.upper
        for k in from..<to {
            let c = classes[k]
            allValues |= values[k]
            allClasses |= c
            letters &+= c & ScalarClass.alphabetic != 0 ? 1 : 0
            lowerLetter |= c & caseBits == ScalarClass.alphabetic ? 1 : 0
        }
        let ascii = allValues < 0x80, upper = allClasses & ScalarClass.upper != 0, allCaps = lowerLetter == 0
        let folded: String
        let hash: Int
        let first: UInt8
        if !ascii {
            folded = TextFolding.foldScalars(text)
            hash = WordHash.of(folded)
            first = folded.utf8.first ?? 0
        } else {
            let lower = TextFolding.asciiLower
            var h = WordHash.seed
            for b in range { h = WordHash.step(h, lower(b)) }
            hash = WordHash.finish(h)
            first = lower(range[0])
            folded = !upper ? text : String(unsafeUninitializedCapacity: range.count) { out in
                for (k, b) in range.enumerated() { out[k] = lower(b) }
                return range.count
            }
        }
        return Token(text: text, folded: folded, foldedHash: hash, word: words[folded, hash: hash],
                     firstByte: first, start: from, end: to, kind: kind,
                     spaceBefore: space, newlineBefore: newline,
                     isCapitalized: classes[from] & ScalarClass.upper != 0, isAllCaps: allCaps && letters >= 2)
    }
}
