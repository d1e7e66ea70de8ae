/// The gazetteer's cities by name, keyed by the name's letters and digits alone, folded: "Sharm
/// el-Sheikh", "Sharm El Sheikh" and "SHARM EL-SHEIKH" are one key, as are "Nuku‘alofa" and
/// "Nuku'alofa", however the text spaces, hyphenates, accents or capitalises the name.
struct CityIndex: Sendable {
    /// What the gazetteer says of a name.
    struct Entry: Sendable, Equatable {
        /// The population of the largest place of that name.
        var population: Int
        /// Its country, the alpha-2 code's two letters in one number.
        var country: UInt16
        /// The countries of the other places of that name.
        var otherCountries: [UInt16] = []

        /// Whether a place of that name is in the country of an alpha-2 code.
        func isIn(_ code: String) -> Bool {
            let c = Self.number(code)
            return country == c || otherCountries.contains(c)
        }

        /// The country of the largest place of that name, as an alpha-2 code.
        var countryCode: String { String(decoding: [UInt8(country >> 8), UInt8(country & 0xFF)], as: UTF8.self) }

        static func number(_ code: String) -> UInt16 {
            var it = code.utf8.makeIterator()
            guard let a = it.next(), let b = it.next(), it.next() == nil else { return 0 }
            return UInt16(a) << 8 | UInt16(b)
        }
    }

    /// No name of the gazetteer runs over more words than this ("Santa Cruz de la Sierra" is five).
    static let longestName = 8

    /// Open addressing over the keys' FNV-1a hashes: 60,000 names make no string and no rehash of one;
    /// the hash of a name read word by word from a text is carried on from word to word.
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    /// Per entry: its key's hash, and where its key's bytes are in `arena`.
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var arena: [UInt8] = []
    private var entries: [Entry] = []

    init() {}

    /// Built from the rows' bytes: each name and alias folded straight into its key, in a buffer that
    /// is written byte by byte without a uniqueness or capacity check of an array (start-up pays this
    /// for 60,000 names).
    init(_ cities: CityTable) {
        entries.reserveCapacity(cities.count * 2)
        hashes.reserveCapacity(cities.count * 2)
        keyStarts.reserveCapacity(cities.count * 2)
        arena.reserveCapacity(cities.count * 24)
        slots = Array(repeating: -1, count: Self.slotCount(for: cities.count * 2))
        var key = KeyBuffer()
        defer { key.deallocate() }
        var scratch: [UInt8] = []
        cities.forEachRow { name, country, population, aliases in
            Self.appendKey(utf8: name[...], to: &key, scratch: &scratch)
            add(&key, country, population)
            var start = aliases.startIndex
            while start < aliases.endIndex {
                var end = start
                while end < aliases.endIndex, aliases[end] != UInt8(ascii: "|") { end += 1 }
                Self.appendKey(utf8: aliases[start..<end], to: &key, scratch: &scratch)
                add(&key, country, population)
                start = end + 1
            }
        }
    }

    var count: Int { entries.count }

    static func slotCount(for keys: Int) -> Int {
        var n = 16
        while n < keys * 2 { n <<= 1 }
        return n
    }

    /// FNV-1a, continued over more bytes.
    @inline(__always)
    static func hash<C: Sequence>(_ bytes: C, from h: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 where C.Element == UInt8 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The entry of a key's bytes and hash.
    private func find<C: Collection>(_ key: C, hash: UInt64) -> Int? where C.Element == UInt8, C.Index == Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return nil }
            if hashes[e] == hash {
                let start = Int(keyStarts[e]), end = e + 1 < keyStarts.count ? Int(keyStarts[e + 1]) : arena.count
                if end - start == key.count, arena[start..<end].elementsEqual(key) { return e }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, entry: Entry) {
        if (entries.count + 1) * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for (e, h) in hashes.enumerated() { place(e, hash: h) }
        }
        keyStarts.append(Int32(arena.count))
        arena.append(contentsOf: key)
        hashes.append(hash)
        entries.append(entry)
        place(entries.count - 1, hash: hash)
    }

    private mutating func place(_ e: Int, hash: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(e)
    }

    /// Adds a key's place and empties the key.
    private mutating func add(_ key: inout KeyBuffer, _ country: UInt16, _ population: Int) {
        defer { key.count = 0 }
        guard key.count > 0 else { return }
        let bytes = key.bytes
        let h = Self.hash(bytes)
        guard let i = find(bytes, hash: h) else {
            insert(bytes, hash: h, entry: Entry(population: population, country: country))
            return
        }
        // A name met again (a town of that name elsewhere, or an alias it shares): rare.
        var e = entries[i]
        if population > e.population {
            if e.country != country { e.otherCountries.append(e.country) }
            e.population = population
            e.country = country
            e.otherCountries.removeAll { $0 == country }
        } else if e.country != country, !e.otherCountries.contains(country) {
            e.otherCountries.append(country)
        } else {
            return
        }
        entries[i] = e
    }

    /// A growable byte buffer for building keys: appending checks the capacity only.
    struct KeyBuffer {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        var count = 0

        init(capacity: Int = 256) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            if count == capacity { grow(to: capacity * 2) }
            base[count] = b
            count += 1
        }

        /// Room for `more` bytes past `count`.
        @inline(__always)
        mutating func reserve(_ more: Int) {
            if count + more > capacity { grow(to: max(capacity * 2, count + more)) }
        }

        private mutating func grow(to size: Int) {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = size
        }

        func deallocate() { base.deallocate() }
    }

    /// Appends the key of a name written in UTF-8 to a key buffer (see the array form below): ASCII
    /// bytes through a pointer into room made for them at once, a scalar beyond ASCII folded apart.
    static func appendKey(utf8: Slice<UnsafeBufferPointer<UInt8>>, to key: inout KeyBuffer, scratch: inout [UInt8]) {
        guard let base = utf8.base.baseAddress else { return }
        var p = base + utf8.startIndex
        let end = base + utf8.endIndex
        key.reserve(end - p)
        var out = key.base + key.count
        while p < end {
            let b = p.pointee
            if b < 0x80 {
                let lower = (b &- 0x41) < 26 ? b &+ 0x20 : b
                if (lower &- 0x61) < 26 || (lower &- 0x30) < 10 {
                    out.pointee = lower
                    out += 1
                }
                p += 1
                continue
            }
            key.count = out - key.base
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard end - p >= length else { return }
            var v = UInt32(b) & (b >= 0xF0 ? 0x07 : b >= 0xE0 ? 0x0F : 0x1F)
            for k in 1..<length { v = v << 6 | UInt32(p[k] & 0x3F) }
            p += length
            if let scalar = Unicode.Scalar(v) {
                scratch.removeAll(keepingCapacity: true)
                TextFolding.append(scalar, to: &scratch)
                var folded: [UInt8] = []
                appendKey(folded: scratch, to: &folded)
                for f in folded { key.append(f) }
            }
            key.reserve(end - p)
            out = key.base + key.count
        }
        key.count = out - key.base
    }

    /// Appends the key of a name written in UTF-8 (any case, any accents): each scalar folded as
    /// `TextFolding` folds it, then its letters and digits kept.
    static func appendKey(utf8: Slice<UnsafeBufferPointer<UInt8>>, to key: inout [UInt8], scratch: inout [UInt8]) {
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b < 0x80 {
                let lower = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) { key.append(lower) }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= utf8.endIndex else { return }
            var v = UInt32(b) & (b >= 0xF0 ? 0x07 : b >= 0xE0 ? 0x0F : 0x1F)
            for k in 1..<length { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
            i += length
            guard let scalar = Unicode.Scalar(v) else { continue }
            scratch.removeAll(keepingCapacity: true)
            TextFolding.append(scalar, to: &scratch)
            appendKey(folded: scratch, to: &key)
        }
    }

    /// Appends the letters and digits of a folded word's UTF-8 bytes: ASCII letters and digits, and
    /// scalars beyond ASCII that are letters (not modifier letters such as "ʻ").
    static func appendKey<C: Collection>(folded utf8: C, to key: inout [UInt8]) where C.Element == UInt8 {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for b in utf8 where (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { key.append(b) }
            return
        }
        // Rare: a letter that folding leaves beyond ASCII ("ə"), read scalar by scalar.
        for scalar in String(decoding: Array(utf8), as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { key.append(UInt8(v)) }
            } else if scalar.properties.isAlphabetic, scalar.properties.generalCategory != .modifierLetter {
                UTF8.encode(scalar) { key.append($0) }
            }
        }
    }

    /// The key of a name.
    static func key(_ name: String) -> String {
        var key: [UInt8] = []
        var scratch: [UInt8] = []
        var name = name
        name.withUTF8 { appendKey(utf8: $0[...], to: &key, scratch: &scratch) }
        return String(decoding: key, as: UTF8.self)
    }

    /// The entry of a whole name ("New Delhi", "NEW DELHI").
    func entry(named name: String) -> Entry? {
        let key = Array(Self.key(name).utf8)
        return find(key, hash: Self.hash(key)).map { entries[$0] }
    }

    /// The longest city name written from `start`: words, and the hyphens, apostrophes and full stops
    /// glued inside them ("Port-au-Prince", "St. John's"), on one line.
    func longestMatch(in tokens: ArraySlice<Token>, at start: Int) -> (range: Range<Int>, entry: Entry)? {
        guard start < tokens.endIndex, tokens[start].kind == .word else { return nil }
        var key: [UInt8] = []
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var found: (range: Range<Int>, entry: Entry)?
        var words = 0
        var i = start
        while i < tokens.endIndex, words < Self.longestName {
            let t = tokens[i]
            if i > start, t.newlineBefore { break }
            if t.kind == .punctuation {
                guard i > start, !t.spaceBefore, ["-", "'", "."].contains(t.folded) else { break }
                i += 1
                continue
            }
            let before = key.count
            Self.appendKey(folded: t.folded.utf8, to: &key)
            h = Self.hash(key[before...], from: h)
            words += 1
            i += 1
            if let e = find(key, hash: h) { found = (start..<i, entries[e]) }
        }
        return found
    }
}
