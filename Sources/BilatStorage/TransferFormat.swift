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

    public static func rowLine(table: String, values: some Sequence<(String, TransferValue)>) throws -> String {
        var row: [String: Any] = [:]
        for (column, value) in values { row[column] = jsonValue(value) }
        return try json(["table": table, "row": row])
    }

    /// Reads line `number`; the first line that is not blank must be the header (`expectingHeader`).
    public static func parse(_ line: String, number: Int, expectingHeader: Bool) throws -> Line {
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
