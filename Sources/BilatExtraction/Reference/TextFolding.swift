import Foundation

/// Case- and diacritic-insensitive keys: "Erdoğan" and "ERDOGAN" both fold to "erdogan".
enum TextFolding {
    /// The folded form of a string: lowercase, diacritics removed, curly apostrophes made straight.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(out)
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        if v < 0x80 {
            out.append((v >= 65 && v <= 90) ? Unicode.Scalar(v + 32)! : scalar)
            return
        }
        switch v {
        case 0x2018, 0x2019, 0x02BC: out.append("'"); return
        case 0x2010...0x2015, 0x2212: out.append("-"); return
        case 0x0131: out.append("i"); return
        case 0x00DF: out.append("s"); out.append("s"); return
        case 0x00F8, 0x00D8: out.append("o"); return
        case 0x0141, 0x0142: out.append("l"); return
        case 0x0111, 0x0110: out.append("d"); return
        default: break
        }
        if scalar.properties.generalCategory == .nonspacingMark { return }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        for s in decomposed.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
            for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
        }
    }

    /// Edit distance between two folded strings, for suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
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

