import Foundation

/// What the engine knows of places: the gazetteer's cities (`cities.tsv`), the venues leaders meet at
/// (`venues.tsv`), the regions that are no town (`regions.tsv`) and the words the place rules read
/// (`lexicon/place_words.tsv`).
public struct PlaceReference: Sendable {
    public let cities: CityTable
    public let venues: [ReferenceVenue]
    /// Continents and world regions ("Asia", "Middle East"): never a meeting's place, even where a
    /// town of the gazetteer has the name.
    public let regions: [String]
    /// The words the place rules read, by what each says.
    public let words: [(word: String, kind: PlaceWordKind)]

    /// No places at all.
    init() {
        cities = CityTable()
        venues = []
        regions = []
        words = []
    }

    init(directory: URL) throws {
        cities = try CityTable(contentsOf: directory.appendingPathComponent("cities.tsv"))
        venues = try Self.table("venues.tsv", in: directory, columns: ["venue", "place", "kind"]).map { r in
            guard let kind = ReferenceVenue.Kind(rawValue: r["kind"]) else {
                throw CityTableError.badRow(file: "venues.tsv", line: r.line,
                                            "kind \"\(r["kind"])\" is none of \(ReferenceVenue.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !r["venue"].isEmpty, !r["place"].isEmpty else {
                throw CityTableError.badRow(file: "venues.tsv", line: r.line, "a venue and its place are both needed")
            }
            return ReferenceVenue(name: r["venue"], place: r["place"], kind: kind)
        }
        regions = try Self.table("regions.tsv", in: directory, columns: ["region"]).map { r in
            guard !r["region"].isEmpty else { throw CityTableError.badRow(file: "regions.tsv", line: r.line, "no region") }
            return r["region"]
        }
        words = try Self.table("place_words.tsv", in: directory.appendingPathComponent(Lexicon.folder), columns: ["word", "kind"]).map { r in
            guard let kind = PlaceWordKind(rawValue: r["kind"]) else {
                throw CityTableError.badRow(file: "place_words.tsv", line: r.line,
                                            "kind \"\(r["kind"])\" is none of \(PlaceWordKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !r["word"].isEmpty else { throw CityTableError.badRow(file: "place_words.tsv", line: r.line, "no word") }
            return (TextFolding.fold(r["word"]), kind)
        }
    }

    /// The records of a table that must exist and have these columns.
    private static func table(_ name: String, in directory: URL, columns: [String]) throws -> [TSVRecord] {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw CityTableError.missingFile(url.path) }
        let table = try TSVTable(contentsOf: url)
        guard table.header == columns else {
            throw CityTableError.badRow(file: name, line: 1, "the header must be \(columns.joined(separator: " "))")
        }
        for r in table.records where r.cells.count > columns.count {
            throw CityTableError.badRow(file: name, line: r.line, "\(r.cells.count) cells, expected \(columns.count)")
        }
        return table.records
    }
}

/// A building or estate leaders meet at, from `venues.tsv`.
public struct ReferenceVenue: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Inside a city, recorded as the city: the Kremlin → Moscow.
        case inside
        /// A place of its own, recorded as written: Camp David, Chequers, Davos.
        case own
    }

    /// As texts write it, matched without regard to case or diacritics.
    public let name: String
    /// The meeting's place when it is held there.
    public let place: String
    public let kind: Kind
}

/// What a word of `place_words.tsv` says to the place rules.
public enum PlaceWordKind: String, CaseIterable, Sendable {
    /// After it a sentence says where: "in X", "at X", "to X", "visit X".
    case locative
    /// Before "to", "to X" names no destination: "according to Xinhua", "spoke to Obama".
    case notDestination = "not_destination"
    /// After a name, the name is a region's: "Miyagi Prefecture", "Washington State".
    case region
    /// "the town of X": X is a town even where the gazetteer lacks it.
    case settlement
    /// A lower-case word a transcript's place line may hold: "Palacio Nacional de la Cultura".
    case headingWord = "heading_word"
    /// In a transcript's heading, the meeting was not in person: "Via Teleconference".
    case remote
}

/// The words of `place_words.tsv`, one set per kind.
struct PlaceWords: Sendable {
    var locative: WordSet = []
    var notDestination: WordSet = []
    var region: WordSet = []
    var settlement: WordSet = []
    var headingWord: WordSet = []
    var remote: WordSet = []

    init() {}

    init(_ words: [(word: String, kind: PlaceWordKind)]) {
        func of(_ kind: PlaceWordKind) -> WordSet { WordSet(words.filter { $0.kind == kind }.map(\.word)) }
        locative = of(.locative)
        notDestination = of(.notDestination)
        region = of(.region)
        settlement = of(.settlement)
        headingWord = of(.headingWord)
        remote = of(.remote)
    }
}
