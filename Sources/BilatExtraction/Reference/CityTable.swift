import Foundation

/// The gazetteer's cities and towns (`cities.tsv`, made from GeoNames by `scripts/make-cities.py`):
/// about 33,000 rows of `name`, `country`, `population`, `aliases`.
///
/// Loading checks every row (one pass over the bytes, no strings made), so that a bad file is refused
/// at start with its line; the rows are decoded only when an extractor builds its gazetteer. Query
/// commands load the reference data for country names alone and pay for the check, not the decoding.
public struct CityTable: Sendable {
    /// One decoded row.
    public struct City: Sendable, Hashable {
        public var name: String
        /// ISO 3166-1 alpha-2.
        public var country: String
        public var population: Int
        /// Other names in the Latin alphabet (exonyms, former names), for large cities only.
        public var aliases: [String]
    }

    static let columns = ["name", "country", "population", "aliases"]

    private let bytes: [UInt8]
    /// Where the first row starts, after the comments and the header.
    private let firstRow: Int

    /// The number of rows.
    public let count: Int

    init() {
        bytes = []
        firstRow = 0
        count = 0
    }

    /// Reads and checks `cities.tsv`; `file` names it in errors.
    init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw CityTableError.missingFile(url.path) }
        try self.init(bytes: Array(try Data(contentsOf: url)), file: url.lastPathComponent)
    }

    /// Checks every row in one pass over the bytes, cell by cell, making no string unless a row is bad
    /// (a query command's start-up pays a few instructions a byte, not a parse).
    init(bytes: [UInt8], file: String) throws {
        let (firstRow, count) = try bytes.withUnsafeBufferPointer { try Self.check($0, file: file) }
        self.bytes = bytes
        self.firstRow = firstRow
        self.count = count
    }

    /// Where the rows start and how many there are, or the first bad line.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> (firstRow: Int, count: Int) {
        var line = 0
        var i = 0
        var firstRow: Int?
        var count = 0
        let n = bytes.count
        let width = columns.count
        while i < n {
            line += 1
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                i = nextLine(after: i, in: bytes)
                continue
            }
            if bytes[i] == UInt8(ascii: "#") || firstRow == nil {
                let start = i
                while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                if bytes[start] != UInt8(ascii: "#") {
                    let header = bytes[start..<i].split(separator: 0x09, omittingEmptySubsequences: false)
                        .map { String(decoding: $0, as: UTF8.self) }
                    guard header == columns else {
                        throw CityTableError.badRow(file: file, line: line, "the header must be \(columns.joined(separator: " "))")
                    }
                    firstRow = nextLine(after: i, in: bytes)
                }
                i = nextLine(after: i, in: bytes)
                continue
            }
            // name, country, population, aliases: the row ends at a line feed (found with memchr, as the
            // tabs are: most bytes are never looked at one by one), a carriage return before it dropped
            // (a carriage return alone runs two rows into one, and their tabs into too many cells).
            var rowEnd = find(0x0A, in: bytes, from: i, to: n)
            let next = rowEnd < n ? rowEnd + 1 : n
            if rowEnd > i, bytes[rowEnd - 1] == 0x0D { rowEnd -= 1 }
            // The tabs before the country, the population and the aliases; a fourth is one too many.
            let t1 = find(0x09, in: bytes, from: i, to: rowEnd)
            let t2 = find(0x09, in: bytes, from: min(t1 + 1, rowEnd), to: rowEnd)
            let t3 = find(0x09, in: bytes, from: min(t2 + 1, rowEnd), to: rowEnd)
            guard t3 < rowEnd, find(0x09, in: bytes, from: t3 + 1, to: rowEnd) == rowEnd else {
                let cells = t3 < rowEnd ? "more than \(width)" : "\([t1, t2, t3].filter { $0 < rowEnd }.count + 1)"
                throw CityTableError.badRow(file: file, line: line, "\(cells) cells, expected \(width)")
            }
            if t1 == i { throw CityTableError.badRow(file: file, line: line, "no name") }
            let code = (t1 + 1)..<t2, population = (t2 + 1)..<t3
            guard code.count == 2, bytes[code].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[code]), as: UTF8.self)
                throw CityTableError.badRow(file: file, line: line, "country \"\(value)\" is no ISO 3166-1 alpha-2 code")
            }
            guard !population.isEmpty, population.count <= 10, bytes[population].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[population]), as: UTF8.self)
                throw CityTableError.badRow(file: file, line: line, "population \"\(value)\" is not a whole number")
            }
            count += 1
            i = next
            continue
        }
        guard let firstRow else { throw CityTableError.badRow(file: file, line: max(line, 1), "no header line") }
        return (firstRow, count)
    }

    /// The index of the first `byte` in `from..<to`, or `to`.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the line after a line break at `i` starts (CRLF is one break).
    private static func nextLine(after i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard i < bytes.count else { return i }
        return i + (bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1)
    }

    /// Every row's cells as bytes, in file order, undecoded: the name and the aliases cell (UTF-8, the
    /// aliases separated by "|"), the country's two letters and the population. The gazetteer builds its
    /// index from these without making a string of what it does not keep.
    func forEachRow(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ country: UInt16, _ population: Int,
                             _ aliases: UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            var i = firstRow
            let n = bytes.count
            while i < n {
                var end = Self.find(0x0A, in: bytes, from: i, to: n)
                let next = end + 1
                if end > i, bytes[end - 1] == 0x0D { end -= 1 }
                defer { i = next }
                // Rows were checked at load: four cells; comments and blank lines skipped.
                guard end > i, bytes[i] != UInt8(ascii: "#") else { continue }
                let t1 = Self.find(0x09, in: bytes, from: i, to: end)
                let t2 = Self.find(0x09, in: bytes, from: t1 + 1, to: end)
                let t3 = Self.find(0x09, in: bytes, from: t2 + 1, to: end)
                guard t3 < end else { continue }
                var population = 0
                for k in (t2 + 1)..<t3 { population = population &* 10 &+ Int(bytes[k] &- 0x30) }
                body(UnsafeBufferPointer(rebasing: bytes[i..<t1]), UInt16(bytes[t1 + 1]) << 8 | UInt16(bytes[t1 + 2]), population,
                     UnsafeBufferPointer(rebasing: bytes[(t3 + 1)..<end]))
            }
        }
    }

    /// Every row, decoded.
    public var cities: [City] {
        var all: [City] = []
        all.reserveCapacity(count)
        forEachRow { name, country, population, aliases in
            let code = String(decoding: [UInt8(country >> 8), UInt8(country & 0xFF)], as: UTF8.self)
            all.append(City(name: String(decoding: name, as: UTF8.self), country: code, population: population,
                            aliases: aliases.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) }))
        }
        return all
    }
}

/// Why a place table could not be loaded; each names its file, and a bad row its line.
public enum CityTableError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case badRow(file: String, line: Int, String)

    public var description: String {
        switch self {
        case .missingFile(let path): "reference file not found: \(path) (make it with scripts/make-cities.py)"
        case .badRow(let file, let line, let problem): "\(file):\(line): \(problem)"
        }
    }
}
