import Foundation

/// The fields of a feed line that `ArticleReader.readFeedLine` uses, NULs already turned into U+FFFD.
struct FeedFields: Equatable {
    var text: String?
    /// nil: no "id" key; `.some(nil)`: an "id" that is neither a string nor a number.
    var id: String??
    var published: String?
    var source: String?
    var url: String?
    var title: String?

    /// The fields as `JSONSerialization` reads the line: the reference, and the way for any line the
    /// fast reader passes over.
    static func viaJSONSerialization(_ line: String) throws -> FeedFields {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        } catch {
            throw ArticleError.malformedFeedLine("invalid JSON")
        }
        guard let entry = object as? [String: Any] else {
            throw ArticleError.malformedFeedLine("expected a JSON object")
        }
        // A JSON string may escape a NUL ("\u0000") that a file could not hold: it becomes U+FFFD, one
        // scalar for one, so offsets stay put (SQLite's text functions stop at a NUL).
        func string(_ key: String) -> String? {
            guard let value = entry[key] as? String else { return nil }
            return value.unicodeScalars.contains("\u{0}") ? value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : value
        }
        var fields = FeedFields(text: string("text"), published: string("published"), source: string("source"),
                                url: string("url"), title: string("title"))
        if let id = entry["id"] { fields.id = .some(string("id") ?? (id as? NSNumber)?.stringValue) }
        return fields
    }

    /// The fields of the usual line, read from its bytes in one pass: an object whose values are strings
    /// (with any JSON escape) or small integers, each key once. nil for anything else (nesting, other
    /// values, duplicate or escaped keys, bad syntax, ...), which `viaJSONSerialization` then reads, so
    /// that the outcome, errors included, is always `JSONSerialization`'s.
    static func fast(_ line: String) -> FeedFields? {
        var line = line
        return line.withUTF8 { bytes in
            var reader = FastReader(bytes: bytes)
            return reader.read()
        }
    }
}

/// The byte-level reader behind `FeedFields.fast`.
private struct FastReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let known: [[UInt8]] = ["text", "id", "published", "source", "url", "title"].map { Array($0.utf8) }

    mutating func read() -> FeedFields? {
        var fields = FeedFields()
        var seen: [Range<Int>] = []
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return finish(fields) }
        while true {
            guard let key = plainKey() else { return nil }
            // A key twice: which one JSONSerialization keeps is its business.
            for other in seen where other.count == key.count && bytes[other].elementsEqual(bytes[key]) { return nil }
            seen.append(key)
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            let which = Self.known.firstIndex { $0.count == key.count && $0.elementsEqual(bytes[key]) }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                guard let value = string() else { return nil }
                switch which {
                case 0: fields.text = value
                case 1: fields.id = .some(value)
                case 2: fields.published = value
                case 3: fields.source = value
                case 4: fields.url = value
                case 5: fields.title = value
                default: break
                }
            } else {
                guard let digits = integer() else { return nil }
                if which == 1 { fields.id = .some(digits) }
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard take(UInt8(ascii: "}")) else { return nil }
            return finish(fields)
        }
    }

    private mutating func finish(_ fields: FeedFields) -> FeedFields? {
        skipWhitespace()
        return i == bytes.count ? fields : nil
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// A quoted key of printable ASCII without escapes: the byte range inside the quotes.
    private mutating func plainKey() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            guard bytes[i] >= 0x20, bytes[i] < 0x7F, bytes[i] != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        i += 1
        return start..<(i - 1)
    }

    /// A JSON integer of at most 15 digits without a leading zero (or 0 itself), as NSNumber would
    /// write it; nil for anything else (fractions, exponents, -0, long numbers).
    private mutating func integer() -> String? {
        let start = i
        _ = take(UInt8(ascii: "-"))
        let digitsStart = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        let count = i - digitsStart
        guard count >= 1, count <= 15 else { return nil }
        if bytes[digitsStart] == UInt8(ascii: "0"), count > 1 || digitsStart > start { return nil }
        // What follows must end the value: a fraction or an exponent goes to JSONSerialization.
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            return nil
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    /// A JSON string with its escapes decoded, a NUL as U+FFFD; nil on an unescaped control character,
    /// a bad escape or a lone surrogate.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        // Most values have no escape: their bytes are the string's.
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                // Copy the run up to the next quote, backslash or control character at once.
                let runStart = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 {
                    i += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                continue
            }
            i += 1
            guard i < bytes.count else { return nil }
            let escaped = bytes[i]
            i += 1
            switch escaped {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return nil }
                var value = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        return nil
                    }
                    i += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                } else if (0xDC00..<0xE000).contains(unit) {
                    return nil
                }
                // NUL → U+FFFD, as `viaJSONSerialization` does.
                let scalar = value == 0 ? Unicode.Scalar(0xFFFD)! : Unicode.Scalar(value)!
                UTF8.encode(scalar) { out.append($0) }
            default:
                return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt16? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            i += 1
        }
        return value
    }
}
