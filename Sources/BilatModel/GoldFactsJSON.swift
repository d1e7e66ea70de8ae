/// The line `bilat extract --json` prints for an article, written straight into bytes: the same bytes
/// as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes for `encode(to:)`, without
/// its boxing of every value (an encoder per article cost a fifth of `bilat extract`'s instructions).
/// Keys are written in sorted order; a nil `id` is left out, every other nil is `null`.
extension GoldFacts {
    public var jsonLine: String {
        var out = JSONBytes()
        out.append("{")
        out.key("agreements", first: true)
        out.array(agreements) { out, a in
            out.key("countries", first: true, open: true)
            out.strings(a.countries)
            out.key("date")
            out.string(a.date)
            out.key("kind")
            out.string(a.kind)
            out.append("}")
        }
        out.key("areas")
        out.strings(areas)
        if let id {
            out.key("id")
            out.string(id)
        }
        out.key("meetings")
        out.array(meetings) { out, m in
            out.key("countries", first: true, open: true)
            out.strings(m.countries)
            out.key("date")
            out.string(m.date)
            out.key("mode")
            out.string(m.mode)
            out.key("participants")
            out.strings(m.participants)
            out.key("place")
            out.string(m.place)
            out.key("status")
            out.string(m.status)
            out.append("}")
        }
        out.key("officials")
        out.array(officials) { out, o in
            out.key("country", first: true, open: true)
            out.string(o.country)
            out.key("name")
            out.string(o.name)
            out.key("role")
            out.string(o.role)
            out.append("}")
        }
        out.key("organizations")
        out.strings(organizations)
        out.key("published")
        out.string(published)
        out.append("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// Compact JSON written into a byte array, with JSONEncoder's escapes: `"` and `\` escaped, `\b`, `\f`,
/// `\n`, `\r`, `\t` for those controls, `\u00xx` (lowercase hex) for the other C0 controls, everything
/// else (slashes, all of Unicode) as it is.
struct JSONBytes {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"key":`, after a comma unless it is the object's first key, and after the object's `{` when `open`.
    mutating func key(_ key: StaticString, first: Bool = false, open: Bool = false) {
        if open { append("{") }
        if !first { append(",") }
        append("\"")
        append(key)
        append("\":")
    }

    mutating func array<T>(_ items: [T], _ element: (inout JSONBytes, T) -> Void) {
        append("[")
        for (k, item) in items.enumerated() {
            if k > 0 { append(",") }
            element(&self, item)
        }
        append("]")
    }

    mutating func strings(_ items: [String]) {
        array(items) { out, s in out.string(s) }
    }

    mutating func string(_ s: String?) {
        guard let s else { return append("null") }
        append("\"")
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00...0x1F:
                append("\\u00")
                bytes.append(Self.hex(b >> 4))
                bytes.append(Self.hex(b & 0x0F))
            default:
                bytes.append(b)
            }
        }
        append("\"")
    }

    private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10 }
}
