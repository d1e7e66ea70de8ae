import Foundation

/// The fields of a feed line that `ArticleReader.readFeedLine` uses, NULs already turned into U+FFFD.
///
/// A known field holds a string, or null (the same as no field); an `id` may also be an integer, kept
/// as written (`1` and `"1"` are one id). Any other value is a `problem` that fails the line: `true`
/// as an id, an object, an array, a number with a fraction or an exponent (`1.0` is refused rather
/// than read as `1` or kept apart from it), or an `id` or `url` that is empty or blank.
struct FeedFields: Equatable {
    var text: String?
    var id: String?
    var published: String?
    var source: String?
    var url: String?
    var title: String?
    /// The first known field, in `keys` order, whose value is refused.
    var problem: FieldProblem?

    /// The known keys, in the order their problems are reported.
    static let keys = ["text", "id", "published", "source", "url", "title"]

    /// The value of a known field that is refused: `found` describes it (`true`, `an object`).
    struct FieldProblem: Equatable {
        var key: String
        var found: String
    }

    /// Stores a string value of the known field `index`, or notes why it is refused.
    mutating func set(_ index: Int, string value: String, problems: inout [FieldProblem?]) {
        if (index == 1 || index == 4), value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            problems[index] = FieldProblem(key: Self.keys[index], found: value.isEmpty ? "an empty string" : "a blank string")
            return
        }
        switch index {
        case 0: text = value
        case 1: id = value
        case 2: published = value
        case 3: source = value
        case 4: url = value
        default: title = value
        }
    }

    /// Stores an integer `id`, kept as written; for any other known field, notes the number as refused.
    mutating func set(_ index: Int, integer digits: String, problems: inout [FieldProblem?]) {
        if index == 1 { id = digits } else { problems[index] = FieldProblem(key: Self.keys[index], found: "the number \(digits)") }
    }

    /// The first problem in key order becomes the line's.
    mutating func settle(_ problems: [FieldProblem?]) {
        problem = problems.lazy.compactMap { $0 }.first
    }

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
        var fields = FeedFields()
        var problems = [FieldProblem?](repeating: nil, count: keys.count)
        for (index, key) in keys.enumerated() {
            switch entry[key] {
            case nil, is NSNull: break
            case let value as String:
                // A JSON string may escape a NUL ("\u0000") that a file could not hold: it becomes U+FFFD,
                // one scalar for one, so offsets stay put (SQLite's text functions stop at a NUL).
                let clean = value.unicodeScalars.contains("\u{0}") ? value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : value
                fields.set(index, string: clean, problems: &problems)
            case let number as NSNumber:
                // JSONSerialization gives true and false as NSNumbers of type "c" (char), and no number so.
                if String(cString: number.objCType) == "c" {
                    problems[index] = FieldProblem(key: key, found: number.boolValue ? "true" : "false")
                } else if isPlainInteger(number.stringValue) {
                    fields.set(index, integer: number.stringValue, problems: &problems)
                } else {
                    problems[index] = FieldProblem(key: key, found: "the number \(number.stringValue)")
                }
            case is [Any]: problems[index] = FieldProblem(key: key, found: "an array")
            default: problems[index] = FieldProblem(key: key, found: "an object")
            }
        }
        fields.settle(problems)
        return fields
    }

    /// Digits with an optional minus: how an integer is written, and how NSNumber writes one (a
    /// fraction or an exponent it writes otherwise: "1.0", "1000.0", "1e+16").
    private static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The fields of the usual line, read from its bytes in one pass: an object whose values are strings
    /// (with any JSON escape), small integers, true, false or null, each key once. nil for anything else
    /// (nesting, other numbers, duplicate or escaped keys, bad syntax, ...), which `viaJSONSerialization`
    /// then reads, so that the outcome, errors included, is always `JSONSerialization`'s.
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

    private static let known: [[UInt8]] = FeedFields.keys.map { Array($0.utf8) }

    mutating func read() -> FeedFields? {
        var fields = FeedFields()
        var problems = [FeedFields.FieldProblem?](repeating: nil, count: FeedFields.keys.count)
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
                if let which { fields.set(which, string: value, problems: &problems) }
            } else if let literal = literal() {
                // null is no value; true and false are refused in a known field.
                if let which, literal != "null" {
                    problems[which] = FeedFields.FieldProblem(key: FeedFields.keys[which], found: literal)
                }
            } else {
                guard let digits = integer() else { return nil }
                if let which { fields.set(which, integer: digits, problems: &problems) }
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard take(UInt8(ascii: "}")) else { return nil }
            fields.settle(problems)
            return finish(fields)
        }
    }

    private mutating func finish(_ fields: FeedFields) -> FeedFields? {
        skipWhitespace()
        return i == bytes.count ? fields : nil
    }

    /// `true`, `false` or `null`, ended as a value must be; nil (nothing taken) for anything else.
    private mutating func literal() -> String? {
        for word in ["true", "false", "null"] {
            let utf8 = word.utf8
            guard i + utf8.count <= bytes.count, bytes[i..<(i + utf8.count)].elementsEqual(utf8) else { continue }
            let end = i + utf8.count
            if end < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[end]) {
                return nil
            }
            i = end
            return word
        }
        return nil
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
