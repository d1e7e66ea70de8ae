/// A trie of phrases keyed by folded tokens; finds the longest phrase starting at a token in time
/// proportional to the phrase length. A phrase ending in `*` matches any ending of its last word.
/// Word edges live in one `EdgeTable` keyed by each token's precomputed hash.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        var prefixes: [(prefix: String, node: Int)] = []
        /// The first UTF-8 byte of each prefix when it is a lowercase ASCII letter (only a word
        /// starting with that byte can have the prefix), else 0 (always asked).
        var prefixFirstBytes: [UInt8] = []
        /// `AffixTest.minimumCount` of each prefix: a word with fewer UTF-8 bytes cannot start with it.
        var prefixMinimumCounts: [Int] = []
        var payloads: [Payload] = []
    }

    /// A phrase found in a token sequence.
    struct Match: Sendable {
        var range: Range<Int>
        var payloads: [Payload]
    }

    /// The trie and the root's filters, as `add` builds them.
    private struct Trie: Sendable {
        var nodes: [Node]
        /// Whether each node ends a phrase (has payloads): asked at every step of a search, and a flag
        /// in a small array stays in cache where the node's payload array is one pointer further.
        var ends: [Bool]
        var edges: EdgeTable
        /// A bit for each word that leads from the root, at its hash modulo the filter's size: most tokens
        /// start no phrase, and this small filter, unlike the edge table, stays in cache.
        var rootWords: HashFilter
        /// The `prefixFirstBytes` of the root's prefixes, and whether one of them is 0 (always asked).
        var rootPrefixBytes: HashFilter
        var rootAsksEveryPrefix: Bool
        /// The root has prefixes (most matchers' has none: those need not look at its node).
        var rootHasPrefixes: Bool
        /// The root's prefixes by first byte: the indices (into the root's `prefixes`) of those whose
        /// `prefixFirstBytes` is `b` are `rootPrefixIndices[rootPrefixStarts[b]..<rootPrefixStarts[b + 1]]`.
        var rootPrefixStarts: [Int32]
        var rootPrefixIndices: [Int32]
        /// For each first byte, the fewest UTF-8 bytes a word needs to start one of the root's prefixes
        /// with that first byte (`AffixTest.minimumCount`, the least of them).
        var rootPrefixMinimumCounts: [Int]

        // No default values: each initializer sets every table once (a default would be built and
        // thrown away at every `add`).
        init() {
            (nodes, ends, edges, rootWords, rootPrefixBytes) = ([Node()], [false], EdgeTable(), HashFilter(), HashFilter())
            (rootAsksEveryPrefix, rootHasPrefixes) = (false, false)
            rootPrefixStarts = [Int32](repeating: 0, count: 257)
            rootPrefixIndices = []
            rootPrefixMinimumCounts = [Int](repeating: 0, count: 256)
        }

        /// A matcher's tables, taken out to be changed: the object is released here, its arrays then
        /// held by the trie alone (unless another copy of the matcher holds them).
        init(_ t: consuming Tables) {
            self = t.trie
        }

        /// Nothing allocated: what a matcher holds for the moment `add` changes its tables.
        init(placeholder: Void) {
            (nodes, ends, edges) = ([], [], EdgeTable(placeholder: ()))
            (rootWords, rootPrefixBytes) = (HashFilter(placeholder: ()), HashFilter(placeholder: ()))
            (rootAsksEveryPrefix, rootHasPrefixes) = (false, false)
            (rootPrefixStarts, rootPrefixIndices, rootPrefixMinimumCounts) = ([], [], [])
        }

        mutating func add(_ phrase: String, _ payload: Payload) {
            var text = Substring(phrase)
            var wildcard = false
            if text.hasSuffix("*") {
                wildcard = true
                text = text.dropLast()
            }
            let words = Tokenizer.tokenize(String(text))
            guard !words.isEmpty else { return }
            var node = 0
            for (n, token) in words.enumerated() {
                let word = token.folded
                if wildcard && n == words.count - 1 {
                    if let existing = nodes[node].prefixes.first(where: { $0.prefix == word }) {
                        node = existing.node
                    } else {
                        nodes.append(Node())
                        ends.append(false)
                        nodes[node].prefixes.append((word, nodes.count - 1))
                        let first = word.utf8.first ?? 0
                        let byte = first >= 0x61 && first <= 0x7A ? first : 0
                        nodes[node].prefixFirstBytes.append(byte)
                        nodes[node].prefixMinimumCounts.append(AffixTest.minimumCount(word))
                        if node == 0 {
                            rootHasPrefixes = true
                            rootPrefixBytes.insert(Int(byte))
                            if byte == 0 { rootAsksEveryPrefix = true }
                            indexRootPrefixes()
                        }
                        node = nodes.count - 1
                    }
                } else if let next = edges.child(of: node, word: word, hash: token.foldedHash) {
                    node = next
                } else {
                    nodes.append(Node())
                    ends.append(false)
                    edges.insert(parent: node, word: word, child: nodes.count - 1)
                    if node == 0 { rootWords.insert(token.foldedHash) }
                    node = nodes.count - 1
                }
            }
            nodes[node].payloads.append(payload)
            ends[node] = true
        }

        /// Rebuilds `rootPrefixStarts` and `rootPrefixIndices` from the root's prefixes.
        private mutating func indexRootPrefixes() {
            let bytes = nodes[0].prefixFirstBytes
            var starts = [Int32](repeating: 0, count: 257)
            for b in bytes { starts[Int(b) + 1] += 1 }
            for b in 0..<256 { starts[b + 1] += starts[b] }
            var fill = starts
            var indices = [Int32](repeating: 0, count: bytes.count)
            for (k, b) in bytes.enumerated() {
                indices[Int(fill[Int(b)])] = Int32(k)
                fill[Int(b)] += 1
            }
            rootPrefixStarts = starts
            rootPrefixIndices = indices
            var minimumCounts = [Int](repeating: Int.max, count: 256)
            for (k, b) in bytes.enumerated() {
                minimumCounts[Int(b)] = min(minimumCounts[Int(b)], nodes[0].prefixMinimumCounts[k])
            }
            rootPrefixMinimumCounts = minimumCounts.map { $0 == Int.max ? 0 : $0 }
        }
    }

    /// The matcher's tables in one immutable object. The stages read the gazetteer's matchers for every
    /// sentence, and a matcher read from a class's property is copied for the call: with its eight
    /// arrays in the struct, each copy retained and released eight references (3 % of extraction).
    private final class Tables: Sendable {
        let trie: Trie

        init(_ trie: Trie) { self.trie = trie }
    }

    private var tables = Tables(Trie())

    var isEmpty: Bool { tables.trie.nodes.count == 1 }

    /// Adds a phrase (building only; matching never changes the tables). The tables' object is moved
    /// out of the matcher and consumed as the trie is taken from it, so that the trie's arrays are held
    /// once and change in place: copied at each phrase, building took quadratic time.
    mutating func add(_ phrase: String, _ payload: Payload) {
        var held = Tables(Trie(placeholder: ()))
        swap(&held, &tables)
        var trie = Trie(consume held)
        trie.add(phrase, payload)
        tables = Tables(trie)
    }

    /// Appends the nodes a folded word (whose hash is `hash`, first byte `first`) leads to from `node`:
    /// its word edge, then its prefixes in order.
    @inline(__always)
    private func successors(of node: Int, _ word: String, hash: Int, first: UInt8, into next: inout [Int]) {
        if let n = tables.trie.edges.child(of: node, word: word, hash: hash) { next.append(n) }
        let prefixes = tables.trie.nodes[node].prefixes
        guard !prefixes.isEmpty else { return }
        for (k, p) in prefixes.enumerated() {
            let byte = tables.trie.nodes[node].prefixFirstBytes[k]
            if byte == 0 || byte == first,
               AffixTest.hasPrefix(word, p.prefix, minimumCount: tables.trie.nodes[node].prefixMinimumCounts[k]) {
                next.append(p.node)
            }
        }
    }

    /// Whether token `i` leads anywhere from the root.
    @inline(__always)
    private func startsPhrase(_ tokens: ArraySlice<Token>, _ i: Int) -> Bool {
        let hash = tokens[i].foldedHash
        if tables.trie.rootWords.mayContain(hash), tables.trie.edges.child(of: 0, word: tokens[i].folded, hash: hash) != nil { return true }
        guard tables.trie.rootHasPrefixes else { return false }
        let prefixes = tables.trie.nodes[0].prefixes
        let first = tokens[i].firstByte
        guard tables.trie.rootAsksEveryPrefix || tables.trie.rootPrefixBytes.mayContain(Int(first)) else { return false }
        let word = tokens[i].folded
        // Only the prefixes whose first byte is the word's, or 0 (always asked), can match.
        let minimumCounts = tables.trie.nodes[0].prefixMinimumCounts
        // Index by index: a slice of the index would be retained and released.
        var n = Int(tables.trie.rootPrefixStarts[Int(first)]), end = Int(tables.trie.rootPrefixStarts[Int(first) + 1])
        while n < end {
            let k = Int(tables.trie.rootPrefixIndices[n])
            if AffixTest.hasPrefix(word, prefixes[k].prefix, minimumCount: minimumCounts[k]) { return true }
            n += 1
        }
        guard first != 0 else { return false }
        n = Int(tables.trie.rootPrefixStarts[0])
        end = Int(tables.trie.rootPrefixStarts[1])
        while n < end {
            let k = Int(tables.trie.rootPrefixIndices[n])
            if AffixTest.hasPrefix(word, prefixes[k].prefix, minimumCount: minimumCounts[k]) { return true }
            n += 1
        }
        return false
    }

    /// The general test of `startsPhrase`, one prefix at a time in order (the reference for tests).
    func startsPhraseByEveryPrefix(_ tokens: ArraySlice<Token>, _ i: Int) -> Bool {
        let hash = tokens[i].foldedHash
        if tables.trie.edges.child(of: 0, word: tokens[i].folded, hash: hash) != nil { return true }
        let word = tokens[i].folded, first = tokens[i].firstByte
        for (k, p) in tables.trie.nodes[0].prefixes.enumerated() {
            let byte = tables.trie.nodes[0].prefixFirstBytes[k]
            if byte == 0 || byte == first, word.hasPrefix(p.prefix) { return true }
        }
        return false
    }

    /// Whether token `i` may start a phrase: its word may lead from the root, or the root has a prefix
    /// its first byte may begin and it is long enough for. False only when `startsPhrase` is false;
    /// no call, no string compared.
    @inline(__always)
    func mayStartPhrase(_ tokens: ArraySlice<Token>, _ i: Int) -> Bool {
        if tables.trie.rootWords.mayContain(tokens[i].foldedHash) { return true }
        guard tables.trie.rootHasPrefixes else { return false }
        if tables.trie.rootAsksEveryPrefix { return true }
        let first = Int(tokens[i].firstByte)
        return tables.trie.rootPrefixBytes.mayContain(first) && tokens[i].folded.utf8.count >= tables.trie.rootPrefixMinimumCounts[first]
    }

    /// Whether token `i` starts a phrase (for tests).
    func startsPhraseAt(_ tokens: ArraySlice<Token>, _ i: Int) -> Bool { startsPhrase(tokens, i) }

    /// `longestMatch` without the inline filters or the root's prefix index (the reference for tests).
    func generalLongestMatch(in tokens: ArraySlice<Token>, at i: Int) -> Match? {
        guard i < tokens.endIndex, startsPhraseByEveryPrefix(tokens, i) else { return nil }
        return longestMatchSearching(in: tokens, at: i)
    }

    /// The longest phrase starting at token `i` (an index of `tokens`). Most tokens start none: the
    /// root's filters reject them here, inline, before the search is called.
    @inline(__always)
    func longestMatch(in tokens: ArraySlice<Token>, at i: Int) -> Match? {
        guard i < tokens.endIndex, mayStartPhrase(tokens, i) else { return nil }
        return longestMatchSearching(in: tokens, at: i)
    }

    /// `longestMatch` past the inline filters.
    @inline(never)
    private func longestMatchSearching(in tokens: ArraySlice<Token>, at i: Int) -> Match? {
        // With no prefix at the root, the first step below is `startsPhrase`'s own lookup: asked twice,
        // it was two misses of the edge table's cache lines.
        guard !tables.trie.rootHasPrefixes || startsPhrase(tokens, i) else { return nil }
        var bestEnd = -1, bestNode = -1
        // Along word edges alone while no node on the path has prefixes: a single path, no frontier.
        var node = 0, j = i
        while tables.trie.nodes[node].prefixes.isEmpty {
            guard j < tokens.endIndex,
                  let n = tables.trie.edges.child(of: node, word: tokens[j].folded, hash: tokens[j].foldedHash) else {
                return bestNode < 0 ? nil : Match(range: i..<bestEnd, payloads: tables.trie.nodes[bestNode].payloads)
            }
            node = n
            j += 1
            if tables.trie.ends[n] {
                bestEnd = j
                bestNode = n
            }
        }
        // From a node with prefixes on, every path at once.
        var frontier = [node]
        var next: [Int] = []
        while j < tokens.endIndex, !frontier.isEmpty {
            let word = tokens[j].folded, hash = tokens[j].foldedHash, first = tokens[j].firstByte
            next.removeAll(keepingCapacity: true)
            for node in frontier { successors(of: node, word, hash: hash, first: first, into: &next) }
            j += 1
            for n in next where tables.trie.ends[n] {
                if bestNode < 0 || bestEnd < j {
                    bestEnd = j
                    bestNode = n
                }
            }
            swap(&frontier, &next)
        }
        return bestNode < 0 ? nil : Match(range: i..<bestEnd, payloads: tables.trie.nodes[bestNode].payloads)
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

/// `String.hasPrefix` with a cheap first test.
enum AffixTest {
    /// `word.hasPrefix(prefix)`, where `minimumCount` is the UTF-8 count of `prefix` when it is ASCII,
    /// else 0. A word starting with an ASCII prefix has at least its bytes: each of its characters
    /// is one ASCII scalar, or "\r\n", which no other spelling writes in fewer bytes.
    @inline(__always)
    static func hasPrefix(_ word: String, _ prefix: String, minimumCount: Int) -> Bool {
        word.utf8.count >= minimumCount && word.hasPrefix(prefix)
    }

    /// `minimumCount` of `hasPrefix` for a prefix.
    static func minimumCount(_ prefix: String) -> Int {
        prefix.utf8.allSatisfy { $0 < 0x80 } ? prefix.utf8.count : 0
    }
}

/// A set of hashes that may answer "maybe" for a hash it does not hold, never "no" for one it does:
/// 32,768 bits, one per hash modulo 32,768 (exact for numbers below 32,768, such as bytes). The
/// officials' and countries' matchers start with a thousand words or more: at 4,096 bits a fifth of all
/// words passed the filter of each and were searched for in vain.
struct HashFilter: Sendable {
    private var bits: [UInt64]

    init() { bits = [UInt64](repeating: 0, count: 512) }

    /// No bits allocated: a placeholder never asked (see `PhraseMatcher.add`).
    init(placeholder: Void) { bits = [] }

    mutating func insert(_ hash: Int) {
        bits[(hash >> 6) & 511] |= 1 << UInt64(hash & 63)
    }

    @inline(__always)
    func mayContain(_ hash: Int) -> Bool {
        bits[(hash >> 6) & 511] & (1 << UInt64(hash & 63)) != 0
    }
}
