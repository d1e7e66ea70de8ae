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
    /// Works on UTF-8 bytes: exports write millions of strings, most with nothing to escape.
    static func literal(_ text: String) -> String {
        // 0xE2 starts U+2028/U+2029, valid JSON but line ends in JavaScript, so escaped too.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
            return "\"" + text + "\""
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(bytes.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                i += 3
                continue
            default: out.append(byte)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal, or `null`.
    static func literal(_ text: String?) -> String {
        text.map { literal($0) } ?? "null"
    }

    /// A JSON array of string literals.
    static func array(_ items: [String]) -> String {
        "[" + items.map { literal($0) }.joined(separator: ",") + "]"
    }
}
