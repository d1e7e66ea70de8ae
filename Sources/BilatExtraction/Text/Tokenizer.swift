/// A word, number or punctuation mark of an article, with its place in Unicode scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public var text: String
    /// Lowercase, diacritics removed; dashes folded to "-", curly apostrophes to "'".
    public var folded: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// Whitespace separates it from the token before.
    public var spaceBefore: Bool
    /// A line break separates it from the token before.
    public var newlineBefore: Bool

    /// Starts with an uppercase letter ("Xi", "U.S.", "ISHIBA").
    public var isCapitalized: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
    /// Every letter uppercase and at least two of them ("ISHIBA", "US", "U.S.").
    public var isAllCaps: Bool {
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}

/// Cuts text into tokens in one pass over its Unicode scalars.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        var space = true, newline = true
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        func emit(_ from: Int, _ to: Int, _ kind: Token.Kind) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<to])
            let text = String(view)
            tokens.append(Token(text: text, folded: TextFolding.fold(text), start: from, end: to, kind: kind,
                                spaceBefore: space, newlineBefore: newline))
            space = false
            newline = false
        }
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                space = true
                if s == "\n" || s == "\r" || s == "\u{2029}" { newline = true }
                i += 1
                continue
            }
            let start = i
            if isLetter(s) {
                // Initials written with periods ("U.S.", "D.C.", "H.E.") stay one token.
                if i + 3 < scalars.count, scalars[i + 1] == ".", isLetter(scalars[i + 2]), scalars[i + 3] == "." {
                    var j = i
                    while j + 1 < scalars.count, isLetter(scalars[j]), scalars[j + 1] == ".",
                          j + 2 >= scalars.count || !isLetter(scalars[j + 2]) || (j + 3 < scalars.count && scalars[j + 3] == ".") {
                        j += 2
                    }
                    emit(start, j, .word)
                    i = j
                    continue
                }
                var j = i + 1
                while j < scalars.count {
                    let c = scalars[j]
                    if isLetter(c) || isDigit(c) { j += 1; continue }
                    // An apostrophe inside a word ("Shi'ite") but not a possessive "'s".
                    if isApostrophe(c), j + 1 < scalars.count, isLetter(scalars[j + 1]) {
                        let possessive = (scalars[j + 1] == "s" || scalars[j + 1] == "S")
                            && (j + 2 >= scalars.count || !isLetter(scalars[j + 2]))
                        if possessive { break }
                        j += 2
                        continue
                    }
                    break
                }
                emit(start, j, .word)
                i = j
            } else if isDigit(s) {
                var j = i + 1
                while j < scalars.count {
                    if isDigit(scalars[j]) { j += 1; continue }
                    if (scalars[j] == "," || scalars[j] == "."), j + 1 < scalars.count, isDigit(scalars[j + 1]) { j += 2; continue }
                    break
                }
                // "2024's", "19th": letters glued to a number stay with it.
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                emit(start, j, .number)
                i = j
            } else if isApostrophe(s), i + 1 < scalars.count, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                      i + 2 >= scalars.count || !isLetter(scalars[i + 2]), !space {
                emit(start, i + 2, .word)
                i += 2
            } else {
                emit(start, i + 1, .punctuation)
                i += 1
            }
        }
        return tokens
    }
}
