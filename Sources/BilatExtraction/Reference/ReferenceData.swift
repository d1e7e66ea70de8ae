import BilatModel
import Foundation

/// The world knowledge the engine reads from `seeds/reference`: countries, organizations, officials
/// and the lexicons of the genre.
public struct ReferenceData: Sendable {
    public let countries: [Country]
    /// Combining forms of country names ("Sino" → CN, "Franco" → FR), by alpha-2.
    public let combiningForms: [String: [String]]
    public let organizations: [ReferenceOrganization]
    public let officials: [ReferenceOfficial]
    /// Folded title → the office it names, where several titles name one office ("amir" → "emir").
    let offices: [String: String]
    public let lexicon: Lexicon
    /// Publishers that speak for a government, and the country each speaks for.
    public let publishers: PublisherTable
    /// Headline words of government readouts and transcripts: encounter cues, offices.
    let titleCues: TitleCueTable
    /// Cities, venues and regions: the places meetings are held at.
    public let places: PlaceReference
    private let countryIndex: [String: Int]

    /// Reads every table of a reference directory and of its `lexicon` folder; `countries.tsv`, the
    /// lexicon's tables and the place tables (`cities.tsv`, `venues.tsv`, `regions.tsv`,
    /// `lexicon/place_words.tsv`) are required, the others optional. `places: false`
    /// leaves the place tables out: an extractor needs them, a command that only looks countries up does
    /// not, and starts faster without them.
    public init(directory: URL, places: Bool = true) throws {
        func table(_ name: String) throws -> TSVTable? {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try TSVTable(contentsOf: url)
        }
        guard let countryTable = try table("countries.tsv") else {
            throw ReferenceError.missingFile(directory.appendingPathComponent("countries.tsv").path)
        }
        var countries: [Country] = []
        var forms: [String: [String]] = [:]
        for r in countryTable.records where !r["code"].isEmpty {
            let code = r["code"].uppercased()
            countries.append(Country(code: code, alpha3: r["alpha3"].uppercased(), name: r["name"],
                                     officialName: r.optional("official_name"), aliases: r.list("aliases"),
                                     demonyms: r.list("demonyms"), capitals: r.list("capitals")))
            forms[code] = r.list("combining_forms")
        }
        self.countries = countries
        combiningForms = forms
        organizations = try table("organizations.tsv")?.records.compactMap { try ReferenceOrganization($0) } ?? []
        officials = try OfficialTables.officials(in: directory, countries: Set(countries.map(\.code)),
                                                 organizations: Set(organizations.map(\.name)))
        // The bundled lexicon is the rules' (`Lexicon.english`): loaded, and refused if bad, first.
        let bundledLexicon = try Lexicon.bundled.get()
        let bundle = try? Self.bundleDirectory()
        lexicon = directory.standardizedFileURL == bundle?.standardizedFileURL ? bundledLexicon : try Lexicon(directory: directory)
        func required(_ name: String) throws -> (table: TSVTable, path: String) {
            let url = directory.appendingPathComponent(name)
            guard let t = try table(name) else { throw ReferenceError.missingFile(url.path) }
            return (t, url.path)
        }
        let publisherFile = try required("publishers.tsv")
        publishers = try PublisherTable(publisherFile.table, file: publisherFile.path, countries: Set(countries.map(\.code)))
        let cueFile = try required("\(Lexicon.folder)/title_cues.tsv")
        titleCues = try TitleCueTable(cueFile.table, file: cueFile.path)
        offices = try OfficialTables.offices(in: directory.appendingPathComponent(Lexicon.folder),
                                             knownTitles: Set(lexicon.roles.keys).union(officials.map { TextFolding.fold($0.role) }))
        self.places = places ? try PlaceReference(directory: directory) : PlaceReference()
        var index: [String: Int] = [:]
        // Codes first, then names, then aliases and demonyms: an earlier key is never overwritten.
        for (i, c) in countries.enumerated() {
            for key in [c.code, c.alpha3] where !key.isEmpty { index[TextFolding.fold(key)] = index[TextFolding.fold(key)] ?? i }
        }
        for (i, c) in countries.enumerated() {
            for key in [c.name] + [c.officialName].compactMap({ $0 }) { index[TextFolding.fold(key)] = index[TextFolding.fold(key)] ?? i }
        }
        for (i, c) in countries.enumerated() {
            for key in c.aliases + c.demonyms { index[TextFolding.fold(key)] = index[TextFolding.fold(key)] ?? i }
        }
        countryIndex = index
    }

    static func bundleDirectory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: nil) else {
            throw ReferenceError.missingFile("reference (bundle resource)")
        }
        return url
    }

    private static let shared: Result<ReferenceData, any Error> = Result { try ReferenceData(directory: bundleDirectory()) }
    private static let sharedForLookup: Result<ReferenceData, any Error> = Result {
        try ReferenceData(directory: bundleDirectory(), places: false)
    }

    /// The reference data bundled with the engine, loaded once.
    public static func bundled() throws -> ReferenceData { try shared.get() }

    /// The bundled reference data without the place tables, loaded once: for commands that only look
    /// names up (an extractor made from it would know no town).
    public static func bundledForLookup() throws -> ReferenceData { try sharedForLookup.get() }

    /// The country a code, name, official name, alias or demonym names ("CN", "CHN", "PRC", "Chinese").
    public func country(named name: String) -> Country? {
        let key = TextFolding.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let i = countryIndex[key] else { return nil }
        return countries[i]
    }

    /// The countries whose names come closest to a misspelt one, closest first.
    public func countrySuggestions(for name: String, limit: Int) -> [Country] {
        let key = TextFolding.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !key.isEmpty, limit > 0 else { return [] }
        var best: [Int: Int] = [:]
        for (folded, i) in countryIndex where folded.count > 3 {
            var d = TextFolding.editDistance(key, folded)
            if folded.hasPrefix(key) { d = min(d, 1) }
            if d < (best[i] ?? .max) { best[i] = d }
        }
        let threshold = max(2, key.count / 3)
        return best.filter { $0.value <= threshold }
            .sorted { ($0.value, countries[$0.key].name) < ($1.value, countries[$1.key].name) }
            .prefix(limit).map { countries[$0.key] }
    }
}

/// Why reference data could not be loaded.
public enum ReferenceError: Error, CustomStringConvertible {
    case missingFile(String)
    /// A value a table may not hold, with the file and the 1-based line.
    case invalidValue(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "reference file not found: \(path) (seeds/reference must hold it)"
        case .invalidValue(let file, let line, let reason): "\(file):\(line): \(reason)"
        }
    }
}

/// An international organization or forum of `organizations.tsv`.
public struct ReferenceOrganization: Sendable, Hashable {
    /// What `organizations.tsv` says a body is.
    public enum Kind: String, CaseIterable, Sendable {
        /// A body with members and a secretariat: "NATO", "the African Union".
        case organization
        /// A gathering of leaders: "G20", "BRICS".
        case forum
    }

    public let name: String
    public let aliases: [String]
    public let kind: Kind

    /// nil for a row with no name; a kind that is none of `Kind` is refused with its line.
    init?(_ r: TSVRecord) throws {
        guard !r["name"].isEmpty else { return nil }
        name = r["name"]
        aliases = r.list("aliases")
        kind = try r.typed("kind", file: "organizations.tsv")
    }
}
