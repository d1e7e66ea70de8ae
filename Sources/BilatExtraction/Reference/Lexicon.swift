import BilatModel
import Foundation

/// The genre's English words from `seeds/reference/lexicon`: area triggers, meeting words, speech verbs,
/// roles, honorifics, abbreviations, months, weekdays, agreement kinds and name particles.
///
/// A class: every date read per sentence holds the lexicon (`DateResolver`), and a struct of twenty
/// tables was copied, each table retained and released, wherever a resolver was passed on.
public final class Lexicon: Sendable {
    /// Area key → trigger terms (lowercase phrases; a final `*` matches any ending).
    public let areaTerms: [(key: String, terms: [String])]
    /// Meeting words (folded) with the mode they imply, what they need around them, and their rule.
    let meetingTerms: [(phrase: String, term: MeetingTerm)]
    public let speechVerbs: [String: StatementType]
    /// Role title (folded) → kind.
    public let roles: [String: RoleKind]
    public let honorifics: Set<String>
    public let abbreviations: Set<String>
    public let months: [String: Int]
    public let weekdays: [String: Int]
    public let agreementKinds: [String: AgreementKind]
    public let nameParticles: Set<String>
    /// Particles after which a name part names the father ("bin", "ibn"): not the person alone.
    public let patronymicParticles: Set<String>
    /// Words after which the officials a sentence names belong to one side ("delegation", "accompanied").
    public let retinueWords: Set<String>
    /// Last words of names of places, buildings and bodies ("Airport", "Foundation"): never a person's.
    let institutionWords: WordSet
    /// Words around a meeting word that change what it reports (folded), with their cue and rule.
    let meetingCues: [(phrase: String, cue: MeetingCueEntry)]
    /// Words that say a document was signed, issued or adopted.
    let signingVerbs: WordSet
    /// Words after which a signing sentence's officials witnessed or hosted rather than signed.
    public let witnessCues: Set<String>
    /// `months` and `weekdays` as tables a token is looked up in without hashing its word again.
    let monthTable: WordTable<Int>
    let weekdayTable: WordTable<Int>
    /// The small words the rules read by name (`word_lists.tsv`).
    let wordLists: WordLists
    /// Words that count, and the number each says, by what they count (`number_words.tsv`).
    let numberWords: [NumberList: [(word: String, number: Int)]]

    /// The folder of a reference directory that holds the lexicon (see its README.md).
    static let folder = "lexicon"

    /// The lexicon's tables that other loaders read: `ReferenceData` (title cues, offices) and
    /// `PlaceReference` (place words).
    static let readElsewhere: Set<String> = ["title_cues.tsv", "offices.tsv", "place_words.tsv"]

    /// Reads the tables of `directory/lexicon`; a missing table is refused, not read as empty, and so is a
    /// table no loader reads (a new list must be given to a rule, not left unread).
    init(directory: URL) throws {
        let folder = directory.appendingPathComponent(Self.folder)
        var read = Self.readElsewhere
        func table(_ name: String) throws -> TSVTable {
            read.insert(name)
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ReferenceTableError(file: name, line: 0, message: "not found in \(folder.path)")
            }
            return try TSVTable(contentsOf: url)
        }
        func records(_ name: String) throws -> [TSVRecord] { try table(name).records }
        func fold(_ s: String) -> String { TextFolding.fold(s) }
        func number(_ r: TSVRecord, _ file: String) throws -> Int {
            guard let n = Int(r["number"]) else {
                throw ReferenceTableError(file: file, line: r.line, message: "'\(r["number"])' is no number")
            }
            return n
        }
        areaTerms = try records("areas.tsv").map { (key: $0["key"], terms: $0.list("terms").map(fold)) }
        meetingTerms = try MeetingWords.terms(try records("meeting_terms.tsv"))
        var verbs: [String: StatementType] = [:]
        for r in try records("speech_verbs.tsv") { verbs[fold(r["verb"])] = try r.typed("type", file: "speech_verbs.tsv") as StatementType }
        speechVerbs = verbs
        var roles: [String: RoleKind] = [:]
        for r in try records("roles.tsv") {
            let kind: RoleKind = try r.typed("kind", file: "roles.tsv")
            let title = fold(try r.required("title", file: "roles.tsv"))
            if roles[title] == nil { roles[title] = kind }
        }
        self.roles = roles
        honorifics = Set(try records("honorifics.tsv").map { fold($0["honorific"]) })
        abbreviations = Set(try records("abbreviations.tsv").map { fold($0["abbreviation"]) })
        months = Dictionary(try records("months.tsv").map { r in (fold(r["name"]), try number(r, "months.tsv")) },
                            uniquingKeysWith: { a, _ in a })
        weekdays = Dictionary(try records("weekdays.tsv").map { r in (fold(r["name"]), try number(r, "weekdays.tsv")) },
                              uniquingKeysWith: { a, _ in a })
        agreementKinds = Dictionary(try records("agreement_kinds.tsv").map { r in
            (fold(r["term"]), try r.typed("kind", file: "agreement_kinds.tsv") as AgreementKind)
        }, uniquingKeysWith: { a, _ in a })
        let particles = try records("name_particles.tsv").map { r in
            (particle: fold(r["particle"]), kind: try r.typed("kind", file: "name_particles.tsv") as NameParticleKind)
        }
        nameParticles = Set(particles.map(\.particle))
        patronymicParticles = Set(particles.filter { $0.kind == .patronymic }.map(\.particle))
        retinueWords = Set(try records("retinue_words.tsv").map { fold($0["word"]) })
        institutionWords = WordSet(try records("institution_words.tsv").map { fold($0["word"]) })
        meetingCues = try MeetingWords.cues(try records("meeting_cues.tsv"))
        signingVerbs = WordSet(try records("signing_verbs.tsv").map { fold($0["verb"]) })
        witnessCues = Set(try records("witness_cues.tsv").map { fold($0["cue"]) })
        monthTable = WordTable(months.map { ($0.key, $0.value) })
        weekdayTable = WordTable(weekdays.map { ($0.key, $0.value) })
        wordLists = try WordLists(try table(WordLists.file))
        var numberWords: [NumberList: [(word: String, number: Int)]] = [:]
        for r in try records("number_words.tsv") {
            let list: NumberList = try r.typed("list", file: "number_words.tsv")
            guard let n = Int(r["number"]) else {
                throw ReferenceTableError(file: "number_words.tsv", line: r.line, message: "'\(r["number"])' is no number")
            }
            numberWords[list, default: []].append((fold(try r.required("word", file: "number_words.tsv")), n))
        }
        if let missing = NumberList.allCases.first(where: { numberWords[$0] == nil }) {
            throw ReferenceTableError(file: "number_words.tsv", line: 0, message: "no list '\(missing.rawValue)'")
        }
        self.numberWords = numberWords
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }
        if let unread = tables.filter({ !read.contains($0) }).sorted().first {
            throw ReferenceTableError(file: unread, line: 0, message: "no loader reads this table (see lexicon/README.md)")
        }
    }
}

extension Lexicon {
    /// The lexicon bundled with the engine, loaded once. `ReferenceData` loads it before anything else
    /// reads it, so that a bad table stops loading with its file and line.
    static let bundled: Result<Lexicon, any Error> = Result { try Lexicon(directory: ReferenceData.bundleDirectory()) }

    /// The bundled lexicon: the English of the rules that name a word list in a static property, and of
    /// the reader of datelines, which come before any reference data.
    static var english: Lexicon {
        switch bundled {
        case .success(let lexicon): lexicon
        case .failure(let error): fatalError("the bundled lexicon could not be loaded: \(error)")
        }
    }

    /// A list of the bundled lexicon, as a set (`WordLists.set`): for a rule's static property.
    static func words(_ list: WordList) -> WordSet { english.wordLists.set(list) }

    /// A list of number words of the bundled lexicon, as a table: for a rule's static property.
    static func numbers(_ list: NumberList) -> WordTable<Int> {
        WordTable((english.numberWords[list] ?? []).map { ($0.word, $0.number) })
    }
}

/// What a particle of `name_particles.tsv` says of the name part after it.
enum NameParticleKind: String, CaseIterable, Sendable {
    /// Nothing more: "da", "von der".
    case plain = ""
    /// The part after it names the father ("bin Salman"): it never refers to the person alone.
    case patronymic
}

/// What an office of `roles.tsv` is.
public enum RoleKind: String, CaseIterable, Sendable {
    /// A head of state or government: "president", "prime minister", "king".
    case leader
    /// A minister: "foreign minister", "secretary of state".
    case minister
    /// Another official of a government: "ambassador", "national security adviser".
    case official
    /// A word that ends a composed title: "Economy Minister", "Minister for Trade".
    case head
}

/// A list of `number_words.tsv`: what its words count.
enum NumberList: String, CaseIterable, Sendable {
    /// Days and weeks in a narrative's time: "two days earlier", "a week later".
    case timeCounts = "time_counts"
    /// The sides of a document: "the two governments", "both countries".
    case sideCounts = "side_counts"
}
