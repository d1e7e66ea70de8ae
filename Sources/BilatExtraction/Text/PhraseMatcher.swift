/// A trie of phrases keyed by folded tokens; finds the longest phrase starting at a token in time
/// proportional to the phrase length. A phrase ending in `*` matches any ending of its last word.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        var next: [String: Int] = [:]
        var prefixes: [(prefix: String, node: Int)] = []
        var payloads: [Payload] = []
    }

    /// A phrase found in a token sequence.
    struct Match: Sendable {
        var range: Range<Int>
        var payloads: [Payload]
    }

    private var nodes = [Node()]

    var isEmpty: Bool { nodes.count == 1 }

    mutating func add(_ phrase: String, _ payload: Payload) {
        var text = Substring(phrase)
        var wildcard = false
        if text.hasSuffix("*") {
            wildcard = true
            text = text.dropLast()
        }
        let words = Tokenizer.tokenize(String(text)).map(\.folded)
        guard !words.isEmpty else { return }
        var node = 0
        for (n, word) in words.enumerated() {
            if wildcard && n == words.count - 1 {
                if let existing = nodes[node].prefixes.first(where: { $0.prefix == word }) {
                    node = existing.node
                } else {
                    nodes.append(Node())
                    nodes[node].prefixes.append((word, nodes.count - 1))
                    node = nodes.count - 1
                }
            } else if let next = nodes[node].next[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].next[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].payloads.append(payload)
    }

    /// The longest phrase starting at token `i` (an index of `tokens`).
    func longestMatch(in tokens: ArraySlice<Token>, at i: Int) -> Match? {
        var best: Match?
        var frontier = [0]
        var j = i
        while j < tokens.endIndex, !frontier.isEmpty {
            let word = tokens[j].folded
            var next: [Int] = []
            for node in frontier {
                if let n = nodes[node].next[word] { next.append(n) }
                for p in nodes[node].prefixes where word.hasPrefix(p.prefix) { next.append(p.node) }
            }
            j += 1
            for n in next where !nodes[n].payloads.isEmpty {
                if best == nil || best!.range.upperBound < j { best = Match(range: i..<j, payloads: nodes[n].payloads) }
            }
            frontier = next
        }
        return best
    }

    /// Leftmost-longest, non-overlapping matches over a token sequence; `accept` may veto a match.
    func matches(in tokens: ArraySlice<Token>, accept: (Match) -> Bool = { _ in true }) -> [Match] {
        var found: [Match] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            if let m = longestMatch(in: tokens, at: i), accept(m) {
                found.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }
}
