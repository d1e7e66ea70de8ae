/// Finds the asides of a sentence whose dates belong to another event: parentheses, relative
/// clauses between commas ("Lula, who was sworn in on Jan. 1, was welcomed ..."), and the clause
/// after "since".
enum AsideFinder {
    static let relativeWords = Lexicon.words(.relativePronouns)

    /// An aside of a sentence: its tokens, and whether it reports an event of its own (a parenthesis,
    /// a "since" clause) rather than describing a person or thing of the sentence (a relative clause).
    struct Aside {
        var range: Range<Int>
        var ownEvent: Bool
    }

    /// Token indices that lie inside an aside.
    static func asides(in tokens: ArraySlice<Token>) -> TokenSpans {
        inside(ranges(in: tokens))
    }

    /// The token indices some aside covers. Nested asides are merged first: a union of the ranges one by
    /// one was quadratic on deeply nested brackets ("((((…))))").
    static func inside(_ asides: [Aside]) -> TokenSpans {
        var inside: [Range<Int>] = []
        var current: Range<Int>?
        for range in asides.map(\.range).sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let c = current, range.lowerBound <= c.upperBound {
                current = c.lowerBound..<max(c.upperBound, range.upperBound)
            } else {
                if let c = current { inside.append(c) }
                current = range
            }
        }
        if let c = current { inside.append(c) }
        return TokenSpans(merged: inside)
    }

    /// Each aside, in text order (a nested parenthesis is its own aside).
    static func ranges(in tokens: ArraySlice<Token>) -> [Aside] {
        var found: [Aside] = []
        var open: [Int] = []
        var relativeStart: Int?
        for i in tokens.indices {
            let w = tokens[i].word
            if w == .openParenthesis { open.append(i) }
            if w == .closeParenthesis, let start = open.popLast() { found.append(Aside(range: start..<(i + 1), ownEvent: true)) }
            if w == .comma, i + 1 < tokens.endIndex, relativeWords.contains(tokens[i + 1]) {
                relativeStart = i
            } else if w == .comma, let start = relativeStart {
                found.append(Aside(range: start..<(i + 1), ownEvent: false))
                relativeStart = nil
            }
            if w == .since {
                var j = i
                while j < tokens.endIndex, j < i + 8, tokens[j].word != .comma { j += 1 }
                found.append(Aside(range: i..<j, ownEvent: true))
            }
        }
        // A relative clause after a comma that no comma closes runs to the end of the sentence.
        if let start = relativeStart { found.append(Aside(range: start..<tokens.endIndex, ownEvent: false)) }
        // An unclosed parenthesis runs to the end of the sentence.
        if let start = open.first { found.append(Aside(range: start..<tokens.endIndex, ownEvent: true)) }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// Token indices as the ascending, disjoint, non-adjacent ranges that hold them: asked of a few indices
/// per sentence, it answers as the set of the indices would, without hashing each index of each aside
/// into a set made for every sentence.
struct TokenSpans: Sendable {
    private let ranges: [Range<Int>]

    /// `ranges` ascending, none empty, each ending before the next starts.
    init(merged ranges: [Range<Int>]) {
        self.ranges = ranges
    }

    /// A binary search: a hostile sentence of thousands of asides asked of thousands of entities stays
    /// n log n, where a walk over the ranges would be quadratic.
    func contains(_ i: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(i)
    }

    /// Every index (for tests).
    var indices: Set<Int> { ranges.reduce(into: Set<Int>()) { $0.formUnion($1) } }
}
