import BilatModel

/// What a headline word is to `TitleReader` (`title_cues.tsv`'s `kind` column).
enum TitleCueKind: String, Sendable, CaseIterable {
    case encounter, verb, pairVerb = "pair_verb", timing, boundary, future, document, office
}

/// The mode a headline's encounter word implies; `any` leaves it to the body, else in person.
enum TitleMode: String, Sendable {
    case inPerson = "in_person", phone, video, any

    var meetingMode: MeetingMode? {
        switch self {
        case .inPerson: .inPerson
        case .phone: .phone
        case .video: .video
        case .any: nil
        }
    }
}

/// A headline word with what it says: an encounter's mode, or an office's title.
struct TitleCue: Sendable {
    var kind: TitleCueKind
    var mode: TitleMode?
    var office: String?
}

/// The headline words of `title_cues.tsv`, typed when loaded: an unknown kind or mode, or an office
/// without its title, is refused with the file and line.
struct TitleCueTable: Sendable {
    /// Folded phrase → its cues (one phrase may be of several kinds: "in" is a timing and a boundary).
    let cues: [(phrase: String, cue: TitleCue)]

    init(_ table: TSVTable, file: String) throws {
        for column in ["phrase", "kind", "value"] where !table.header.contains(column) {
            throw ReferenceError.invalidValue(file: file, line: 1, reason: "the header has no \"\(column)\" column")
        }
        var cues: [(String, TitleCue)] = []
        for r in table.records {
            let phrase = TextFolding.fold(r["phrase"]), value = r["value"]
            guard !phrase.isEmpty else { throw ReferenceError.invalidValue(file: file, line: r.line, reason: "the phrase is empty") }
            guard let kind = TitleCueKind(rawValue: r["kind"]) else {
                let kinds = TitleCueKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReferenceError.invalidValue(file: file, line: r.line, reason: "unknown kind '\(r["kind"])' (one of \(kinds))")
            }
            var cue = TitleCue(kind: kind)
            switch kind {
            case .encounter, .verb, .pairVerb:
                guard let mode = TitleMode(rawValue: value) else {
                    throw ReferenceError.invalidValue(file: file, line: r.line,
                                                      reason: "unknown mode '\(value)' (in_person, phone, video or any)")
                }
                cue.mode = mode
            case .office:
                guard !value.isEmpty else {
                    throw ReferenceError.invalidValue(file: file, line: r.line, reason: "an office needs its title in the value column")
                }
                cue.office = value
            case .timing, .boundary, .future, .document:
                guard value.isEmpty else {
                    throw ReferenceError.invalidValue(file: file, line: r.line, reason: "a \(kind.rawValue) word takes no value")
                }
            }
            cues.append((phrase, cue))
        }
        self.cues = cues
    }

    init() { cues = [] }
}
