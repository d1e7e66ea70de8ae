import Foundation

/// Case- and diacritic-insensitive keys: "Erdoğan" and "ERDOGAN" both fold to "erdogan".
public enum TextFolding {
    /// The words of a text between spaces, as `split(separator: " ")` gives them: over the bytes when the
    /// text is ASCII (a folded name nearly always is), where the split by Characters costs thousands of
    /// instructions a name.
    static func words(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ") }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { text[$0.startIndex..<$0.endIndex] }
    }

    /// The folded form of a string: lowercase, diacritics removed, curly apostrophes made straight.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        // ASCII text (nearly every name) folds byte by byte to lowercase, written straight into the
        // string: no byte array, no scalar decoding (a third of the cost). The same bytes as `append`
        // gives an ASCII scalar; at the first byte that is not ASCII the pass gives up and the general
        // one below folds the text.
        var ascii = true
        let lowered = String(unsafeUninitializedCapacity: text.utf8.count) { out in
            var k = 0
            for b in text.utf8 {
                guard b < 0x80 else { ascii = false; return 0 }
                out[k] = asciiLower(b)
                k += 1
            }
            return k
        }
        return ascii ? lowered : foldScalars(text)
    }

    /// The folded form of a text known to hold a scalar that is not ASCII (the tokenizer knows it of a
    /// token), scalar by scalar.
    static func foldScalars<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// An ASCII byte lower-cased (A–Z to a–z), any other left as it is.
    @inline(__always) static func asciiLower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Appends the UTF-8 bytes of a scalar's folded form.
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(asciiLower(UInt8(v)))
        } else if v >= latinStart, v < latinEnd {
            out.append(contentsOf: latin[Int(v - latinStart)])
        } else {
            for s in folded(scalar) { UTF8.encode(s) { out.append($0) } }
        }
    }

    /// Latin-1 Supplement to Latin Extended-B, where the letters of names are: their folded bytes,
    /// worked out once.
    private static let latinStart: UInt32 = 0x80, latinEnd: UInt32 = 0x250
    private static let latin: [[UInt8]] = (latinStart..<latinEnd).map { v in
        var bytes: [UInt8] = []
        for s in folded(Unicode.Scalar(v)!) { UTF8.encode(s) { bytes.append($0) } }
        return bytes
    }

    /// The folded form of a scalar that is not ASCII.
    private static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC: return ["'"]
        case 0x2010...0x2015, 0x2212: return ["-"]
        case 0x0131: return ["i"]
        case 0x00DF: return ["s", "s"]
        case 0x00F8, 0x00D8: return ["o"]
        case 0x0141, 0x0142: return ["l"]
        case 0x0111, 0x0110: return ["d"]
        default: break
        }
        if scalar.properties.generalCategory == .nonspacingMark { return [] }
        var out: [Unicode.Scalar] = []
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        for s in decomposed.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
            out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
        }
        return out
    }

    /// Edit distance (Levenshtein, over Unicode scalars) between two strings, for suggestions: the one
    /// measure behind "did you mean" for countries, areas, people and commands.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

