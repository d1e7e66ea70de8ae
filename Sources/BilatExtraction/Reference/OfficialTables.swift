import BilatModel
import Foundation

/// A head of state or government or foreign minister of `officials.tsv`, or an official of an
/// international organization of `international_officials.tsv`, with the dated term.
public struct ReferenceOfficial: Sendable, Hashable {
    public let name: String
    /// The country served; nil for an official of an international organization, who serves none.
    public let country: String?
    /// The international organization served (its name in `organizations.tsv`); nil for a country's official.
    public let organization: String?
    public let role: String
    public let start: PartialDate?
    public let end: PartialDate?
    public let aliases: [String]

    init(name: String, country: String?, organization: String? = nil, role: String, start: PartialDate?, end: PartialDate?,
         aliases: [String]) {
        self.name = name
        self.country = country
        self.organization = organization
        self.role = role
        self.start = start
        self.end = end
        self.aliases = aliases
    }

    /// True when the term covers the date (an unknown date counts as covered).
    public func serves(on date: PartialDate?) -> Bool {
        guard let date else { return true }
        if let start, date < start, !date.isCompatible(with: start) { return false }
        if let end, end < date, !date.isCompatible(with: end) { return false }
        return true
    }

    /// True when the term ended before the date.
    func ended(before date: PartialDate?) -> Bool {
        guard let date, let end else { return false }
        return end < date && !date.isCompatible(with: end)
    }
}

/// Reads the tables of officials and offices, each value checked as it is read: a row that names an
/// unknown country or organization, or a date that is no date, is refused with its file and line.
enum OfficialTables {
    /// `officials.tsv` then `international_officials.tsv`, in file order.
    static func officials(in directory: URL, countries: Set<String>, organizations: Set<String>) throws -> [ReferenceOfficial] {
        var found: [ReferenceOfficial] = []
        if let table = try table("officials.tsv", in: directory) {
            for r in table.records {
                let file = "officials.tsv"
                let code = r["country"].uppercased()
                guard countries.contains(code) else {
                    throw ReferenceError.invalidValue(file: file, line: r.line, reason: "unknown country code \"\(r["country"])\"")
                }
                let (start, end) = try term(r, file: file)
                found.append(ReferenceOfficial(name: try required(r, "name", file: file), country: code,
                                               role: try required(r, "role", file: file), start: start, end: end,
                                               aliases: r.list("aliases")))
            }
        }
        if let table = try table("international_officials.tsv", in: directory) {
            for r in table.records {
                let file = "international_officials.tsv"
                guard organizations.contains(r["organization"]) else {
                    throw ReferenceError.invalidValue(file: file, line: r.line,
                                                      reason: "unknown organization \"\(r["organization"])\" (not a name in organizations.tsv)")
                }
                let (start, end) = try term(r, file: file)
                found.append(ReferenceOfficial(name: try required(r, "name", file: file), country: nil,
                                               organization: r["organization"], role: try required(r, "role", file: file),
                                               start: start, end: end, aliases: r.list("aliases")))
            }
        }
        return found
    }

    /// `offices.tsv`: folded title → the office it names, for titles that name one office in several
    /// words ("Amir" and "Emir", "Premier" and "Prime Minister"). Each title must be an office of
    /// `roles.tsv` or of the officials tables.
    static func offices(in directory: URL, knownTitles: Set<String>) throws -> [String: String] {
        guard let table = try table("offices.tsv", in: directory) else {
            throw ReferenceError.missingFile(directory.appendingPathComponent("offices.tsv").path)
        }
        var offices: [String: String] = [:]
        for r in table.records {
            let title = TextFolding.fold(try required(r, "title", file: "offices.tsv"))
            let office = TextFolding.fold(try required(r, "office", file: "offices.tsv"))
            guard knownTitles.contains(title) else {
                throw ReferenceError.invalidValue(file: "offices.tsv", line: r.line,
                                                  reason: "\"\(r["title"])\" is no title of roles.tsv or the officials tables")
            }
            offices[title] = office
        }
        return offices
    }

    private static func table(_ name: String, in directory: URL) throws -> TSVTable? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try TSVTable(contentsOf: url)
    }

    private static func required(_ r: TSVRecord, _ column: String, file: String) throws -> String {
        guard !r[column].isEmpty else {
            throw ReferenceError.invalidValue(file: file, line: r.line, reason: "empty \(column)")
        }
        return r[column]
    }

    private static func term(_ r: TSVRecord, file: String) throws -> (PartialDate?, PartialDate?) {
        func date(_ column: String) throws -> PartialDate? {
            guard !r[column].isEmpty else { return nil }
            guard let d = PartialDate(iso: r[column]) else {
                throw ReferenceError.invalidValue(file: file, line: r.line, reason: "\(column) \"\(r[column])\" is no date (YYYY-MM-DD or YYYY-MM)")
            }
            return d
        }
        let start = try date("start"), end = try date("end")
        if let start, let end, end < start {
            throw ReferenceError.invalidValue(file: file, line: r.line, reason: "the term ends before it starts")
        }
        return (start, end)
    }
}
