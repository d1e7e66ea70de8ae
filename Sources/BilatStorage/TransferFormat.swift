import Foundation

/// A value of an exported row: the types bilat's schema stores.
public enum TransferValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// The NDJSON of `bilat db export` and `bilat db import`, the same for every backend: a header line
/// `{"bilat_export": 1, "migrations": [...]}` naming the schema's migrations, then one line per row,
/// `{"table": T, "row": {column: value}}`, keys sorted; reals as `{"$real": "..."}` (exact), blobs as
/// `{"$blob": BASE64}`; an article's text as plain text in `text`.
public enum TransferFormat {
    /// One line of an export, read.
    public enum Line: Equatable, Sendable {
        case blank
        case header(migrations: [String])
        case row(table: String, values: [String: TransferValue])
    }

    /// `names` (sorted) in ranks, each table after its parents, names in their given order within a
    /// rank (a cycle is broken by placing what is left): the order of an export's tables.
    public static func dependencyOrder(_ names: [String], parents: [String: Set<String>]) -> [String] {
        var ordered: [String] = []
        var placed = Set<String>()
        while ordered.count < names.count {
            let ready = names.filter { !placed.contains($0) && parents[$0, default: []].isSubset(of: placed) }
            let next = ready.isEmpty ? names.filter { !placed.contains($0) } : ready
            ordered += next
            placed.formUnion(next)
        }
        return ordered
    }

    public static func headerLine(migrations: [String]) throws -> String {
        try json(["bilat_export": 1, "migrations": migrations])
    }

    /// One row's line, written directly: JSONSerialization (a dictionary of `Any` a row, its keys sorted
    /// by ICU collation) took 46 µs a row, most of `db export` (7 min 48 s for 100,000 articles). The
    /// bytes are JSONSerialization's (`sortedKeys`, `withoutEscapingSlashes`): for names of lower-case
    /// letters, digits and `_`, as the schema's are, its order is the bytes' order; any other name
    /// goes through JSONSerialization.
    public static func rowLine(table: String, values: some Sequence<(String, TransferValue)>) throws -> String {
        let columns = values.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        guard ([table] + columns.map(\.0)).allSatisfy(isPlainName) else {
            return try serializedRowLine(table: table, values: columns)
        }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"row":{"#.utf8)
        for (index, (column, value)) in columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendString(column, to: &out)
            out.append(0x3A)
            switch value {
            case .null: out.append(contentsOf: "null".utf8)
            case .integer(let v): out.append(contentsOf: String(v).utf8)
            case .text(let v): appendString(v, to: &out)
            case .real(let v):
                out.append(contentsOf: #"{"$real":"#.utf8)
                appendString(String(v), to: &out)
                out.append(0x7D)
            case .blob(let v):
                out.append(contentsOf: #"{"$blob":"#.utf8)
                appendString(v.base64EncodedString(), to: &out)
                out.append(0x7D)
            }
        }
        out.append(contentsOf: #"},"table":"#.utf8)
        appendString(table, to: &out)
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    /// A JSON string as JSONSerialization writes it: `"` and `\` escaped, the control characters as
    /// `\b \t \n \f \r` or `\u00xx`, everything else (slashes, DEL, non-ASCII) as it is.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// The line JSONSerialization writes for a row: what `rowLine` writes, the slow way (the tests
    /// compare the two).
    static func serializedRowLine(table: String, values: some Sequence<(String, TransferValue)>) throws -> String {
        var row: [String: Any] = [:]
        for (column, value) in values { row[column] = jsonValue(value) }
        return try json(["table": table, "row": row])
    }

    /// Reads line `number`; the first line that is not blank must be the header (`expectingHeader`).
    public static func parse(_ line: String, number: Int, expectingHeader: Bool) throws -> Line {
        if !expectingHeader, let row = RowLineReader.read(line) { return row }
        if line.allSatisfy(\.isWhitespace) { return .blank }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TransferError.malformed(line: number, reason: "not a JSON object")
        }
        if expectingHeader {
            guard let exported = object["migrations"] as? [String] else {
                throw TransferError.malformed(line: number, reason: "not a bilat export: the first line names "
                                              + "the schema's migrations, {\"bilat_export\": 1, \"migrations\": [...]}")
            }
            return .header(migrations: exported)
        }
        guard let table = object["table"] as? String, let row = object["row"] as? [String: Any] else {
            throw TransferError.malformed(line: number, reason: "expected {\"table\", \"row\"}")
        }
        var values: [String: TransferValue] = [:]
        for (column, value) in row { values[column] = try transferValue(value, line: number) }
        return .row(table: table, values: values)
    }

    private static func jsonValue(_ value: TransferValue) -> Any {
        switch value {
        case .null: NSNull()
        case .integer(let v): v
        case .real(let v): ["$real": String(v)]
        case .text(let v): v
        case .blob(let v): ["$blob": v.base64EncodedString()]
        }
    }

    private static func transferValue(_ value: Any?, line: Int) throws -> TransferValue {
        switch value {
        case nil, is NSNull: return .null
        case let v as String: return .text(v)
        case let v as [String: String]:
            if let real = v["$real"], let d = Double(real) { return .real(d) }
            if let blob = v["$blob"], let data = Data(base64Encoded: blob) { return .blob(data) }
        case let v as NSNumber where Double(v.int64Value) == v.doubleValue:
            // Integers only: the export writes reals as {"$real": "..."} to keep them exact.
            return .integer(v.int64Value)
        default: break
        }
        throw TransferError.malformed(line: line, reason: "a value bilat did not export: \(String(describing: value))")
    }

    private static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
               as: UTF8.self)
    }
}

/// Reads a row line in the exact shape `rowLine` writes (`{"row":{…},"table":"…"}`, no spaces, values
/// null, integers, strings, `{"$real":…}` or `{"$blob":…}`) straight from its bytes: JSONSerialization
/// and the casts of its `Any` values were a third of an import. Anything else (spaces, another key,
/// a float, a repeated column, a bad escape) returns nil, and `parse` reads the line the slow way,
/// which accepts any JSON and words its errors.
struct RowLineReader {
    private var bytes: [UInt8]
    private var at = 0

    static func read(_ line: String) -> TransferFormat.Line? {
        var reader = RowLineReader(bytes: Array(line.utf8))
        return reader.line()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func expect(_ text: StaticString) -> Bool {
        let start = at
        let matches = text.withUTF8Buffer { expected in
            start + expected.count <= bytes.count && expected.indices.allSatisfy { bytes[start + $0] == expected[$0] }
        }
        if matches { at += text.utf8CodeUnitCount }
        return matches
    }

    private mutating func line() -> TransferFormat.Line? {
        guard expect(#"{"row":{"#) else { return nil }
        var values: [String: TransferValue] = [:]
        if !expect("}") {
            repeat {
                guard let column = string(), expect(":"), let value = value(), values[column] == nil else { return nil }
                values[column] = value
            } while expect(",")
            guard expect("}") else { return nil }
        }
        guard expect(#","table":"#), let table = string(), expect("}"), at == bytes.count else { return nil }
        return .row(table: table, values: values)
    }

    private mutating func value() -> TransferValue? {
        if expect("null") { return .null }
        if at < bytes.count, bytes[at] == 0x22 { return string().map { .text($0) } }
        if expect(#"{"$real":"#) {
            guard let text = string(), let real = Double(text), expect("}") else { return nil }
            return .real(real)
        }
        if expect(#"{"$blob":"#) {
            guard let text = string(), let data = Data(base64Encoded: text), expect("}") else { return nil }
            return .blob(data)
        }
        return integer()
    }

    /// `-?(0|[1-9][0-9]*)` within Int64; no fraction, no exponent.
    private mutating func integer() -> TransferValue? {
        let start = at
        if at < bytes.count, bytes[at] == 0x2D { at += 1 }
        let digits = at
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
        guard at > digits, at - digits == 1 || bytes[digits] != 0x30 else { return nil }
        if at < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[at]) { return nil }
        return Int64(String(decoding: bytes[start..<at], as: UTF8.self)).map { .integer($0) }
    }

    /// A JSON string: the escapes of RFC 8259 (surrogate pairs joined); raw control characters refused.
    private mutating func string() -> String? {
        guard at < bytes.count, bytes[at] == 0x22 else { return nil }
        at += 1
        var out: [UInt8] = []
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case 0x22: return String(validating: out, as: UTF8.self)
            case 0x5C:
                guard at < bytes.count else { return nil }
                let escape = bytes[at]
                at += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard expect("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let character = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(character)).utf8))
                default: return nil
                }
            case 0..<0x20: return nil
            default: out.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[at..<at + 4] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        at += 4
        return value
    }
}
