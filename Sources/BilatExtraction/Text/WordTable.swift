/// Folded words → values in one open-addressing table keyed by each word's `WordHash`. A token
/// carries the hash the tokenizer computed once, so looking it up hashes nothing; a hit compares the
/// word itself, so lookups answer exactly as a `[String: Value]` would. Built once, read per token.
struct WordTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var hash: Int
        var word: String
        /// Index into `values`; -1: empty.
        var value: Int32
    }

    private var slots = [Slot](repeating: Slot(hash: 0, word: "", value: -1), count: 8)
    private var values: [Value] = []

    init() {}

    init<S: Sequence>(_ entries: S) where S.Element == (String, Value) {
        for (word, value) in entries { self[word] = value }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The value of a token's folded word.
    @inline(__always)
    subscript(token: Token) -> Value? {
        self[token.folded, hash: token.foldedHash]
    }

    /// The value of a folded word whose `WordHash` is `hash`.
    @inline(__always)
    subscript(word: String, hash hash: Int) -> Value? {
        find(word, hash: hash).map { values[$0] }
    }

    /// The value of a folded word.
    subscript(word: String) -> Value? {
        get { find(word, hash: WordHash.of(word)).map { values[$0] } }
        set {
            let hash = WordHash.of(word)
            if let k = find(word, hash: hash) {
                // Removal is never needed: a table is built from reference lists and then only read.
                if let newValue { values[k] = newValue }
                return
            }
            guard let newValue else { return }
            if (values.count + 1) * 2 > slots.count { grow() }
            values.append(newValue)
            place(Slot(hash: hash, word: word, value: Int32(values.count - 1)))
        }
    }

    /// The index into `values` of a word whose `hashValue` is `hash`, if the table holds it.
    @inline(__always)
    private func find(_ word: String, hash: Int) -> Int? {
        let mask = slots.count - 1
        var i = hash & mask
        while true {
            let value = slots[i].value
            if value < 0 { return nil }
            if slots[i].hash == hash, slots[i].word == word { return Int(value) }
            i = (i + 1) & mask
        }
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var i = slot.hash & mask
        while slots[i].value >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots.filter { $0.value >= 0 }
        slots = [Slot](repeating: Slot(hash: 0, word: "", value: -1), count: slots.count * 2)
        for slot in old { place(slot) }
    }
}

extension WordTable: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}

/// A set of folded words, asked with a token's precomputed hash (see `WordTable`).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table = WordTable<Bool>()

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { table[word] = true }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether a token's folded word is in the set.
    @inline(__always)
    func contains(_ token: Token) -> Bool { table[token] != nil }

    /// Whether a folded word is in the set.
    func contains(_ word: String) -> Bool { table[word] != nil }
}

/// The hash word tables key a folded word by: FNV-1a over its bytes when it is ASCII, several times
/// cheaper than `hashValue`, else `hashValue`. Words that are equal hash alike: an ASCII word equals
/// only itself, no folded word that is not ASCII equals an ASCII one (folding decomposes every scalar
/// it keeps), and `hashValue` agrees with `==` among the others.
enum WordHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of a folded word.
    static func of(_ word: String) -> Int {
        var h = seed
        for byte in word.utf8 {
            if byte >= 0x80 { return word.hashValue }
            h = step(h, byte)
        }
        return finish(h)
    }

    /// Adds an ASCII byte to a hash begun with `seed`.
    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// The hash of the bytes added: mixed so that its low bits, which the tables use, depend on all.
    @inline(__always)
    static func finish(_ h: UInt64) -> Int {
        var x = h ^ (h >> 33)
        x = x &* 0xFF51_AFD7_ED55_8CCD
        return Int(bitPattern: UInt(x ^ (x >> 33)))
    }
}
