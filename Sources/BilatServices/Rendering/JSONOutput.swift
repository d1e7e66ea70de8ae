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
        return String(decoding: data, as: UTF8.self)
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
            // 0xE2 starts U+2028/U+2029, valid JSON but line ends in JavaScript, so escaped too.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
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
                case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out += Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                    i += 3
                    continue
                default: out.append(byte)
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
