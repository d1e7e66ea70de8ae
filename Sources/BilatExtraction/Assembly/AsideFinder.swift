/// Finds the asides of a sentence whose dates belong to another event: parentheses, relative
/// clauses between commas ("Lula, who was sworn in on Jan. 1, was welcomed ..."), and the clause
/// after "since".
enum AsideFinder {
    static let relativeWords: Set<String> = ["who", "which", "whose"]

    /// Token indices that lie inside an aside.
    static func asides(in tokens: ArraySlice<Token>) -> Set<Int> {
        var inside = Set<Int>()
        var depth = 0
        var relativeStart: Int?
        for i in tokens.indices {
            let w = tokens[i].folded
            if w == "(" { depth += 1 }
            if depth > 0 { inside.insert(i) }
            if w == ")" { depth = max(0, depth - 1) }
            if w == ",", i + 1 < tokens.endIndex, relativeWords.contains(tokens[i + 1].folded) {
                relativeStart = i
            } else if w == ",", let start = relativeStart {
                inside.formUnion(start...i)
                relativeStart = nil
            }
            if w == "since" {
                var j = i
                while j < tokens.endIndex, j < i + 8, tokens[j].folded != "," { inside.insert(j); j += 1 }
            }
        }
        return inside
    }
}
