import BilatModel

/// How a meeting word says the encounter was held: the `mode` column of `meeting_terms.tsv`.
enum TermMode: String, Sendable, CaseIterable {
    /// Face to face: "visited", "hosted", "shook hands", "on the sidelines of".
    case inPerson = "in_person"
    /// A telephone call: "phone call", "by telephone", "called".
    case phone
    /// A video call: "videoconference", "virtual meeting", "via video link".
    case video
    /// The sentence's other words decide; in person when none does: "met", "talks", "meeting".
    case any
    /// Speaking with someone: the sentence's other words decide; a call when none does. A readout's
    /// "spoke today with" is the genre's wording of a phone call; "spoke on the margins of the summit
    /// with" is not.
    case spoken
    /// A phrase that holds a meeting word and reports no meeting: "port call", "call for".
    case none

    /// The mode the word fixes by itself; nil when the sentence decides or there is no meeting.
    var fixed: MeetingMode? {
        switch self {
        case .inPerson: .inPerson
        case .phone: .phone
        case .video: .video
        case .any, .spoken, .none: nil
        }
    }
}

/// What a meeting word needs around it to report an encounter: the `needs` column of `meeting_terms.tsv`.
enum TermNeed: String, Sendable, CaseIterable {
    /// Nothing more than officials of two sides in its sentence.
    case nothing = ""
    /// A person for its object: "welcomed Modi", not "welcomed the decision"; "called Scholz", not
    /// "called it a success".
    case personObject = "person_object"
    /// Someone spoken with: an official after "with" or "to" ("spoke today by phone with Scholz"), or
    /// officials joined as its subject ("Macron and Scholz spoke today"); not "spoke with reporters".
    case interlocutor
    /// A country or a capital it goes to, within three words: "a tour of Vietnam, Indonesia and the
    /// Philippines", not "a tour of the Gulf" or "toured the factory".
    case destination
    /// Nothing when alone; with another meeting word in its clause it says how that word's encounter was
    /// held, and reports none when that word is denied: "by phone", "virtually", "on the sidelines of"
    /// ("seeks a meeting with North Korea on the sidelines of the forum": no meeting).
    case head
}

/// A phrase of `meeting_terms.tsv`: a word that reports an encounter between officials.
struct MeetingTerm: Sendable, Equatable {
    var mode: TermMode
    var need: TermNeed
    /// The wording class the phrase belongs to; each class has examples that must and must not
    /// fire in `Tests/Fixtures/rules/wording-examples.tsv`.
    var rule: String
}

/// What a word around a meeting word changes: the `cue` column of `meeting_cues.tsv`.
enum MeetingCue: String, Sendable, CaseIterable {
    /// The encounter is announced or agreed, not held: "will", "scheduled", "looked forward".
    case future
    /// The encounter it governs did not take place: "cancelled", "called off", "did not meet".
    case cancelled
    /// The encounter it governs is only wanted, offered or refused: "sought", "proposed", "refused to meet".
    case unrealized
    /// The sentence speaks of the participants already named: "the two leaders", "their".
    case group
    /// More than two sides may meet as one: "trilateral", "together".
    case multilateral
    /// Officials present at the encounter last reported: "sat in on", "accompanied by".
    case attendance
    /// The people met are no officials of a side, so a country the sentence names is no side either:
    /// "met with refugees from Ukraine", "a visit to the troops in Iraq".
    case nonOfficial = "non_official"
    /// After a demonym, the people a state sends to speak for it, so the demonym names a side: "North
    /// Korean envoys", "a Chinese delegation", "Sudanese negotiators".
    case representatives
    /// A phrase that holds a cue and is none: "at the invitation".
    case none

    /// True for the cues that say the encounter they govern did not or will not take place.
    var denies: Bool { self == .cancelled || self == .unrealized }
}

/// A phrase of `meeting_cues.tsv`.
struct MeetingCueEntry: Sendable, Equatable {
    var cue: MeetingCue
    /// The wording class, as for `MeetingTerm.rule`.
    var rule: String
}

/// A reference table whose cell holds a value the engine does not know, or lacks a column it needs.
struct ReferenceTableError: Error, CustomStringConvertible, Equatable {
    var file: String
    var line: Int
    var message: String

    var description: String { line > 0 ? "\(file) line \(line): \(message)" : "\(file): \(message)" }
}

extension TSVRecord {
    /// The cell of `column` read as one of `T`'s raw values; anything else is refused with the file,
    /// the line and the values allowed.
    func typed<T: RawRepresentable & CaseIterable>(_ column: String, file: String) throws -> T where T.RawValue == String {
        let value = self[column]
        if let typed = T(rawValue: value) { return typed }
        let allowed = T.allCases.map(\.rawValue).map { $0.isEmpty ? "(empty)" : $0 }.joined(separator: ", ")
        throw ReferenceTableError(file: file, line: line, message: "unknown \(column) '\(value)' (one of: \(allowed))")
    }

    /// The cell of `column`, refused when empty.
    func required(_ column: String, file: String) throws -> String {
        let value = self[column]
        guard !value.isEmpty else { throw ReferenceTableError(file: file, line: line, message: "empty \(column)") }
        return value
    }
}

/// The phrases of `meeting_terms.tsv` and `meeting_cues.tsv`, typed and checked when loaded.
enum MeetingWords {
    /// Folded phrase → term, in file order; the first row of a phrase wins.
    static func terms(_ records: [TSVRecord], file: String = "meeting_terms.tsv") throws -> [(phrase: String, term: MeetingTerm)] {
        try unique(records.map { r in
            (try r.required("term", file: file), MeetingTerm(mode: try r.typed("mode", file: file), need: try r.typed("needs", file: file),
                                                          rule: try r.required("rule", file: file)))
        })
    }

    /// Folded phrase → cue, in file order; the first row of a phrase wins.
    static func cues(_ records: [TSVRecord], file: String = "meeting_cues.tsv") throws -> [(phrase: String, cue: MeetingCueEntry)] {
        try unique(records.map { r in
            (try r.required("term", file: file), MeetingCueEntry(cue: try r.typed("cue", file: file), rule: try r.required("rule", file: file)))
        }).map { (phrase: $0.phrase, cue: $0.term) }
    }

    private static func unique<T>(_ rows: [(String, T)]) -> [(phrase: String, term: T)] {
        var seen = Set<String>()
        return rows.compactMap { phrase, value in
            let folded = TextFolding.fold(phrase)
            return seen.insert(folded).inserted ? (folded, value) : nil
        }
    }
}
