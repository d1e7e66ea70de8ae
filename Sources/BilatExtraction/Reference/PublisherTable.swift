import Foundation

/// Publishers that speak for a government (`publishers.tsv`): the `source` a feed or front matter
/// gives ("The White House", "President of Russia") → the country whose readouts they publish.
public struct PublisherTable: Sendable {
    private let countryBySource: [String: String]

    /// Reads the table; a row whose country is no code of `countries.tsv`, or that names a publisher
    /// twice with two countries, is refused with its file and line.
    init(_ table: TSVTable, file: String, countries: Set<String>) throws {
        for column in ["publisher", "country"] where !table.header.contains(column) {
            throw ReferenceError.invalidValue(file: file, line: 1, reason: "the header has no \"\(column)\" column")
        }
        var map: [String: String] = [:]
        for r in table.records {
            let name = r["publisher"], code = r["country"].uppercased()
            guard !name.isEmpty else {
                throw ReferenceError.invalidValue(file: file, line: r.line, reason: "a publisher's name is empty")
            }
            guard countries.contains(code) else {
                throw ReferenceError.invalidValue(file: file, line: r.line,
                                                  reason: "'\(r["country"])' is no country code of countries.tsv")
            }
            let key = Self.key(name)
            if let known = map[key], known != code {
                throw ReferenceError.invalidValue(file: file, line: r.line, reason: "'\(name)' is listed already for \(known)")
            }
            map[key] = code
        }
        countryBySource = map
    }

    init() { countryBySource = [:] }

    /// The country a publisher speaks for, or nil for any other source (a news agency, a newspaper).
    public func country(ofSource source: String?) -> String? {
        guard let source else { return nil }
        return countryBySource[Self.key(source)]
    }

    /// Folded, trimmed, without a leading "the ": "The White House" and "white house" are one key.
    static func key(_ name: String) -> String {
        // Folded first, then trimmed of ASCII spaces: Foundation's trimming is slow on Linux, and this runs
        // for every article.
        let folded = TextFolding.fold(name).utf8
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var k = String(decoding: folded.drop(while: isSpace).reversed().drop(while: isSpace).reversed(), as: UTF8.self)
        if k.hasPrefix("the ") { k.removeFirst(4) }
        return k
    }

    var isEmpty: Bool { countryBySource.isEmpty }
}
