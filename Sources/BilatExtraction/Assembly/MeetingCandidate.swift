import BilatModel

/// One sentence as meeting assembly reads it: its words, mentions and officials, the cues around its
/// meeting words, its asides and the date expressions it writes.
struct MeetingSentence {
    let span: SourceSpan
    let tokens: ArraySlice<Token>
    let mentions: SentenceMentions
    /// The officials the sentence names, in order.
    let persons: [PersonMention]
    let cueMatches: [PhraseMatcher<MeetingCueEntry>.Match]
    let cues: MeetingCues
    /// A cue of the sentence announces something ("will", "is expected to").
    let announcing: Bool
    /// The sentence's asides (parentheses, relative clauses) and the token indices inside any.
    let asides: [AsideFinder.Aside]
    let insideAsides: TokenSpans
    /// The time the sentence's relative dates are read against (`MeetingDiscourse.referenceDate`).
    let reference: PartialDate?
    /// The last date the sentence gives outside its asides, read as announced when it announces.
    private(set) var givenDate: PartialDate?
    /// The sentence's date expressions, read as announced or as past: each reading once.
    private var announced: [DateExpression]?
    private var past: [DateExpression]?

    init(_ sentence: TokenSentence, mentions: SentenceMentions, persons: [PersonMention], reference: PartialDate?,
         cues matcher: PhraseMatcher<MeetingCueEntry>, dates: DateResolver) {
        span = sentence.span
        tokens = sentence.tokens
        self.mentions = mentions
        self.persons = persons
        self.reference = reference
        cueMatches = matcher.matches(in: tokens)
        var cues = MeetingCues()
        for m in cueMatches { for entry in m.payloads { cues.insert(entry.cue) } }
        self.cues = cues
        announcing = cues.contains(.future)
        asides = AsideFinder.ranges(in: tokens)
        insideAsides = AsideFinder.inside(asides)
        let insideAsides = insideAsides
        givenDate = expressions(future: announcing, dates: dates).last { !insideAsides.contains($0.range.lowerBound) }?.date
    }

    /// The sentence's date expressions, read as announced or as past. `dates` is the assembler's: a
    /// sentence holding the resolver would retain it at each copy.
    mutating func expressions(future: Bool, dates: DateResolver) -> [DateExpression] {
        if let found = future ? announced : past { return found }
        let found = dates.expressions(in: tokens, future: future, reference: reference)
        if future { announced = found } else { past = found }
        return found
    }

    /// A bare year dates an encounter after "in" or "of", or heading a clause ("2017, when ..."); other
    /// expressions always do.
    static func datesEncounter(_ e: DateExpression, in tokens: ArraySlice<Token>) -> Bool {
        e.date.precision != .year || e.relative || (e.range.lowerBound > tokens.startIndex
            && [.in, .of].contains(tokens[e.range.lowerBound - 1].word))
            || (e.range.upperBound + 1 < tokens.endIndex && tokens[e.range.upperBound].word == .comma
                && tokens[e.range.upperBound + 1].word == .when)
    }
}

/// What one sentence reports of encounters, filled stage by stage (`MeetingAssembler`): its meeting
/// words, whether it announces them, who takes part, the sides, and how the officials group into
/// encounters.
struct MeetingReport {
    /// The meeting words that report a new encounter, else all of them when every one refers back.
    let terms: [PhraseMatcher<MeetingTerm>.Match]
    /// Every meeting word refers to an encounter already reported ("the visit", "the Hanoi summit").
    let refersBack: Bool
    /// One candidate per meeting word.
    var candidates: [MeetingCandidate] = []
    /// A cue of the sentence announces its encounters: their dates are read as announced.
    var future = false
    /// Persons and countries, each counting as one word in the distances of the clause rules.
    var names: [Range<Int>] = []
    /// The mentions of the officials the meeting words' clauses take part.
    var taking: [PersonMention] = []
    /// The participants, as indices into `People.persons`; officials of a side only.
    var participants: [Int] = []
    /// "the two leaders": the main encounter the group stands for.
    var main: Meeting?
    /// A subject pronoun before the first meeting word ("he met") and an object pronoun after one
    /// ("host him"), with the person it stands for.
    var subjectPronoun: Int?
    var objectPronoun: Int?
    var objectReferent: Int?
    /// An official of an international body takes part: the countries named with them are no sides.
    var meetsInternational = false
    /// The sides, as alpha-2 codes.
    var sides: [String] = []
    /// How the officials group into encounters.
    var reading: EncounterSplit.Reading = .single(joint: false)
    /// The date expressions that may date the encounters, outside the sentence's asides.
    var expressions: [DateExpression] = []

    init(terms: [PhraseMatcher<MeetingTerm>.Match], refersBack: Bool) {
        self.terms = terms
        self.refersBack = refersBack
    }

    /// The first meeting word: the one that the clause rules read the sentence around.
    var trigger: PhraseMatcher<MeetingTerm>.Match { terms[0] }

    /// Who meets at the meeting word starting at `term`: the sentence's officials, or, when the sentence
    /// reports several encounters, those of the word's own; a word with no object of its own joins the
    /// word before it.
    func encounters(at term: Int) -> [EncounterSplit.Encounter] {
        guard case .several(let groups) = reading else { return [.init(sides: sides, members: participants, date: nil)] }
        let key = groups[term] != nil ? term : (groups.keys.filter { $0 < term }.max() ?? groups.keys.min()!)
        return groups[key]!
    }
}

/// One meeting word of a sentence: the word, the mode it reports, whether it is announced, and its date.
struct MeetingCandidate {
    /// The meeting word.
    let trigger: PhraseMatcher<MeetingTerm>.Match
    var mode: MeetingMode
    /// A cue announces the encounter the word reports: it is planned.
    var announced: Bool
    /// Its date: the one written next to it, else that of the nearest dated word of the sentence.
    var date: PartialDate?

    /// The index of the meeting word's first token.
    var at: Int { trigger.range.lowerBound }
}

/// The cues a sentence writes, a bit per cue: asked a few times per sentence, made for every sentence,
/// where a set was allocated and hashed.
struct MeetingCues: Sendable {
    private var bits: UInt64 = 0

    mutating func insert(_ cue: MeetingCue) { bits |= Self.bit(cue) }

    func contains(_ cue: MeetingCue) -> Bool { bits & Self.bit(cue) != 0 }

    /// A bit of its own for each cue (the switch is exhaustive: a new cue must be given one).
    private static func bit(_ cue: MeetingCue) -> UInt64 {
        switch cue {
        case .future: 1 << 0
        case .cancelled: 1 << 1
        case .unrealized: 1 << 2
        case .group: 1 << 3
        case .multilateral: 1 << 4
        case .attendance: 1 << 5
        case .nonOfficial: 1 << 6
        case .representatives: 1 << 7
        case .none: 1 << 8
        }
    }
}
