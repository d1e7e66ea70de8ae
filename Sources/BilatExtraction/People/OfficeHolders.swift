import BilatModel

/// Who held an office on a date: resolves a title and a name part ("President Biden", "Chancellor
/// Scholz", "Amir Tamim", "PRESIDENT LÓPEZ OBRADOR") to the reference official who held that office, or
/// an office with that title, on the article's date, with that name.
///
/// A name part picks out a reference official when it is the first or the last part of one of their
/// names ("Biden", "Xi", "Tamim", "Lula"), or when the text writes several parts that all belong to
/// one name. Two holders who fit (two presidents named Lee in office) are no answer; nor is a holder out
/// of office on the date, unless the title says "former".
struct OfficeHolders: Sendable {
    private let officials: [ReferenceOfficial]
    /// Folded first or last name part → the reference officials (indices) with a name that begins or ends so.
    private let byNamePart: [String: [Int]]
    /// Each official's name parts over their name and aliases.
    private let parts: [Set<String>]
    /// Folded title → office, where several titles name one office.
    private let offices: [String: String]

    init(reference: ReferenceData, names: NameReader) {
        officials = reference.officials
        offices = reference.offices
        var byPart: [String: [Int]] = [:]
        var parts: [Set<String>] = []
        for (i, o) in reference.officials.enumerated() {
            var all = Set<String>()
            var edges = Set<String>()
            for name in [o.name] + o.aliases {
                let keys = names.keys(of: name)
                all.formUnion(keys)
                if let first = keys.first { edges.insert(first) }
                if let last = keys.last { edges.insert(last) }
            }
            parts.append(all)
            // Sorted: the index lists are built in one order whatever the set's.
            for key in edges.sorted() { byPart[key, default: []].append(i) }
        }
        byNamePart = byPart
        self.parts = parts
    }

    /// The office a title names: folded, a hyphen read as a space ("Vice-President"), then mapped
    /// through `offices.tsv` ("Amir" → "emir").
    func office(_ title: String) -> String {
        var folded = TextFolding.fold(title)
        if folded.utf8.contains(UInt8(ascii: "-")) { folded = folded.split(separator: "-").joined(separator: " ") }
        return offices[folded] ?? folded
    }

    /// The reference officials (an index for each person) who hold the office `title` names on `date`,
    /// whose name has the name parts `keys`, serving `country` when the text says which: one is the
    /// answer, several are none. With `former`, officials whose term ended before the date.
    /// With no title, any office will do: "Mr. Albanese" is the one official of that name in office. A
    /// title that is the head word of offices alone (`headOnly`: "Secretary Blinken", "Minister Wang")
    /// names any office with that word ("Secretary of State", "Foreign Minister").
    func holders(keys: [String], title: String?, headOnly: Bool = false, country: String?, former: Bool,
                 on date: PartialDate?) -> [Int] {
        guard let probe = keys.last, title?.isEmpty != true else { return [] }
        let wanted = title.map(office)
        func fits(_ role: String) -> Bool {
            guard let wanted else { return true }
            let held = office(role)
            return held == wanted || (headOnly && held.split(separator: " ").contains { $0 == wanted })
        }
        let lookup = byNamePart[probe] ?? keys.first.flatMap { byNamePart[$0] } ?? []
        var found: [Int] = []
        for i in lookup {
            let o = officials[i]
            guard keys.allSatisfy(parts[i].contains), fits(o.role) else { continue }
            if let country, o.country != country { continue }
            guard former ? o.ended(before: date) : o.serves(on: date) else { continue }
            // The same person in two terms of the office is one holder.
            if !found.contains(where: { officials[$0].name == o.name }) { found.append(i) }
        }
        return found
    }
}
