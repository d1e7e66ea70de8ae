/// The word edges of a trie in one open-addressing table: (parent node, word) → child node. The key
/// is the word's `WordHash`, computed once per token; a hit compares the word itself, so lookups
/// answer exactly as a `[String: Int]` per node would.
struct EdgeTable: Sendable {
    private struct Slot: Sendable {
        var hash: Int
        var parent: Int32
        /// -1: empty.
        var child: Int32
    }

    private var slots: [Slot]
    private var words: [String]
    private var count = 0

    init() {
        slots = [Slot](repeating: Slot(hash: 0, parent: 0, child: -1), count: 16)
        words = [String](repeating: "", count: 16)
    }

    /// No slots allocated: a placeholder never asked (see `PhraseMatcher.add`).
    init(placeholder: Void) {
        slots = []
        words = []
    }

    @inline(__always)
    private func start(_ hash: Int, _ parent: Int) -> Int {
        (hash ^ (parent &* -7_046_029_254_386_353_131)) & (slots.count - 1)
    }

    /// The child of `parent` by `word` (whose `hashValue` is `hash`), if any.
    @inline(__always)
    func child(of parent: Int, word: String, hash: Int) -> Int? {
        var i = start(hash, parent)
        while true {
            let slot = slots[i]
            if slot.child < 0 { return nil }
            if slot.hash == hash, slot.parent == parent, words[i] == word { return Int(slot.child) }
            i = (i + 1) & (slots.count - 1)
        }
    }

    /// Adds an edge that is not there yet.
    mutating func insert(parent: Int, word: String, child: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = WordHash.of(word)
        var i = start(hash, parent)
        while slots[i].child >= 0 { i = (i + 1) & (slots.count - 1) }
        slots[i] = Slot(hash: hash, parent: Int32(parent), child: Int32(child))
        words[i] = word
        count += 1
    }

    private mutating func grow() {
        let old = zip(slots, words).filter { $0.0.child >= 0 }
        slots = [Slot](repeating: Slot(hash: 0, parent: 0, child: -1), count: slots.count * 2)
        words = [String](repeating: "", count: slots.count)
        count = 0
        for (slot, word) in old { insert(parent: Int(slot.parent), word: word, child: Int(slot.child)) }
    }
}
