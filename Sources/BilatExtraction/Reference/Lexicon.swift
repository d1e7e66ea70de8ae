import BilatModel
import Foundation

/// The genre's English words from `seeds/reference/lexicon`: area triggers, meeting words, speech verbs,
/// roles, honorifics, abbreviations, months, weekdays, agreement kinds and name particles.
public struct Lexicon: Sendable {
    /// Area key → trigger terms (lowercase phrases; a final `*` matches any ending).
    public let areaTerms: [(key: String, terms: [String])]
    /// Meeting words (folded) with the mode they imply, what they need around them, and their rule.
    let meetingTerms: [(phrase: String, term: MeetingTerm)]
    public let speechVerbs: [String: StatementType]
    /// Role title (lowercase) → kind (leader, minister, official, head).
    public let roles: [String: String]
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

    /// The folder of a reference directory that holds the lexicon (see its README.md).
    static let folder = "lexicon"

    /// Reads the tables of `directory/lexicon`; a missing table is refused, not read as empty.
    init(directory: URL) throws {
        let folder = directory.appendingPathComponent(Self.folder)
        func records(_ name: String) throws -> [TSVRecord] {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ReferenceTableError(file: name, line: 0, message: "not found in \(folder.path)")
            }
            return try TSVTable(contentsOf: url).records
        }
        func fold(_ s: String) -> String { TextFolding.fold(s) }
        areaTerms = try records("areas.tsv").map { (key: $0["key"], terms: $0.list("terms").map(fold)) }
        meetingTerms = try MeetingWords.terms(try records("meeting_terms.tsv"))
        var verbs: [String: StatementType] = [:]
        for r in try records("speech_verbs.tsv") { verbs[fold(r["verb"])] = StatementType(rawValue: r["type"]) ?? .position }
        speechVerbs = verbs
        var roles: [String: String] = [:]
        for r in try records("roles.tsv") where roles[fold(r["title"])] == nil { roles[fold(r["title"])] = r["kind"] }
        self.roles = roles
        honorifics = Set(try records("honorifics.tsv").map { fold($0["honorific"]) })
        abbreviations = Set(try records("abbreviations.tsv").map { fold($0["abbreviation"]) })
        months = Dictionary(try records("months.tsv").compactMap { r in Int(r["number"]).map { (fold(r["name"]), $0) } },
                            uniquingKeysWith: { a, _ in a })
        weekdays = Dictionary(try records("weekdays.tsv").compactMap { r in Int(r["number"]).map { (fold(r["name"]), $0) } },
                              uniquingKeysWith: { a, _ in a })
        agreementKinds = Dictionary(try records("agreement_kinds.tsv").compactMap { r in
            AgreementKind(rawValue: r["kind"]).map { (fold(r["term"]), $0) }
        }, uniquingKeysWith: { a, _ in a })
        let particles = try records("name_particles.tsv")
        nameParticles = Set(particles.map { fold($0["particle"]) })
        patronymicParticles = Set(particles.filter { $0["kind"] == "patronymic" }.map { fold($0["particle"]) })
        retinueWords = Set(try records("retinue_words.tsv").map { fold($0["word"]) })
        institutionWords = WordSet(try records("institution_words.tsv").map { fold($0["word"]) })
        meetingCues = try MeetingWords.cues(try records("meeting_cues.tsv"))
        signingVerbs = WordSet(try records("signing_verbs.tsv").map { fold($0["verb"]) })
        witnessCues = Set(try records("witness_cues.tsv").map { fold($0["cue"]) })
        monthTable = WordTable(months.map { ($0.key, $0.value) })
        weekdayTable = WordTable(weekdays.map { ($0.key, $0.value) })
    }
}
