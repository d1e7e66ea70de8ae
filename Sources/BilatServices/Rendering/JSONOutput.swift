import BilatModel
import Foundation

/// JSON encoding shared by every renderer: sorted keys, snake_case, no escaped slashes.
enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    static func string<T: Encodable>(_ value: T, pretty: Bool) -> String {
        // Encoding plain value types of strings and numbers cannot fail.
        let data = (try? encoder(pretty: pretty).encode(value)) ?? Data("null".utf8)
        return escapingInvisibles(data)
    }

    /// JSONEncoder escapes C0 but leaves DEL, C1 (U+009B is a terminal's CSI) and the bidi controls raw:
    /// valid JSON, but acted on when printed. They become `\u` escapes, which any JSON reader reads back
    /// as the same text. Outside strings JSON is ASCII, so every such scalar is inside one.
    static func escapingInvisibles(_ data: Data) -> String {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.indices.contains(where: { invisible(bytes, at: $0) != nil }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            while i < bytes.count {
                if let (scalar, length) = invisible(bytes, at: i) {
                    appendEscape(scalar, to: &out)
                    i += length
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The scalar and its UTF-8 length when the bytes at `i` are DEL, a C1 control, U+2028/U+2029 (line
    /// ends in JavaScript) or a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    static func invisible(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        switch bytes[i] {
        case 0x7F: return (0x7F, 1)
        case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]): return (UInt32(bytes[i + 1]), 2)
        case 0xE2 where i + 2 < bytes.count:
            let third = UInt32(bytes[i + 2] & 0x3F)
            if bytes[i + 1] == 0x80, (0xA8...0xAE).contains(bytes[i + 2]) { return (0x2000 + third, 3) }
            if bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) { return (0x2040 + third, 3) }
            return nil
        default: return nil
        }
    }

    /// `\uXXXX`, lower-case hex.
    static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        out += [0x5C, 0x75]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }
}

extension JSONOutput {
    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped, the rest as is.
    static func literal(_ text: String) -> String {
        var out: [UInt8] = []
        append(literal: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a JSON string literal to UTF-8 bytes. Works on UTF-8 bytes: exports write millions of
    /// strings, most with nothing to escape, which are copied whole.
    static func append(literal text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // 0x7F, 0xC2 and 0xE2 start the scalars `invisible` escapes: DEL, C1, U+2028/U+2029 (line ends
            // in JavaScript) and the bidi controls.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
            else {
                out.append(contentsOf: bytes)
                return
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case ..<0x20: appendEscape(UInt32(byte), to: &out)
                default:
                    if let (scalar, length) = invisible(bytes, at: i) {
                        appendEscape(scalar, to: &out)
                        i += length
                        continue
                    }
                    out.append(byte)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    /// Appends a JSON string literal, or `null`.
    static func append(literal text: String?, to out: inout [UInt8]) {
        if let text { append(literal: text, to: &out) } else { out += nullBytes }
    }

    /// Appends a date as its ISO string literal, or `null`; digits written straight to the bytes (three
    /// dates an event and one a source: formatting them as strings was 8 % of an export).
    static func append(date: PartialDate?, to out: inout [UInt8]) {
        guard let date else { out += nullBytes; return }
        guard (0...9999).contains(date.year) else { append(literal: date.iso, to: &out); return }
        func digits(_ value: Int, _ count: Int) {
            var divisor = count == 4 ? 1000 : 10
            while divisor > 0 {
                out.append(0x30 + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        out.append(0x22)
        digits(date.year, 4)
        if let month = date.month { out.append(0x2D); digits(month, 2) }
        if let day = date.day { out.append(0x2D); digits(day, 2) }
        out.append(0x22)
    }

    /// Appends a JSON array of string literals.
    static func append(array items: [String], to out: inout [UInt8]) {
        out.append(0x5B)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(0x2C) }
            append(literal: item, to: &out)
        }
        out.append(0x5D)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let nullBytes = Array("null".utf8)
}
