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
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            // U+2028/2029 are valid JSON but end lines in JavaScript; escaped for JSONP-style consumers.
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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
