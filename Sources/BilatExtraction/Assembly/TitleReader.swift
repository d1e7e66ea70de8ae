import BilatModel

/// A headline shape of government readouts, transcripts and news: a named pattern over the title's
/// tokens whose match gives the sides' spans and the encounter's mode. Rules are values: each has
/// titles that must and must not match in `Tests/Fixtures/rules/title-titles.tsv`.
struct TitleRule: Sendable {
    enum Element: Sendable {
        /// One of these phrases (folded words), here.
        case words([[String]])
        /// One of these phrases, or nothing.
        case optional([[String]])
        /// The longest headline cue of the kind here; an encounter's or verb's gives the mode.
        case cue(TitleCueKind)
        /// A span naming one or more sides ("President Macron", "Prime Minister Meloni of Italy",
        /// "President Ruto and Foreign Minister Mudavadi of Kenya"): it ends where the next element matches.
        case party
        /// The rest of the headline: nothing, or a colon or a boundary word and what follows
        /// ("on Trade", "in Nairobi, Kenya", ": 4 June 2023").
        case tail
        /// Anything to the end of the headline.
        case rest
    }

    let name: String
    let pattern: [Element]
    /// A document's headline ("Joint Statement ...") names no encounter: its match ends the search.
    var reportsEncounter = true

    /// The rules in the order they are tried; the first that matches the whole headline wins.
    static let all: [TitleRule] = [
        TitleRule(name: "document", pattern: [.cue(.document), .rest], reportsEncounter: false),
        // "Readout of President Macron's Call with President William Ruto of Kenya", "Readout of Prime
        // Minister Carney's Telephone Call with ...", "Readout of the Vice President's Meeting with ...".
        TitleRule(name: "readout-of-encounter-with",
                  pattern: [.words(readoutLeads), .party, .cue(.encounter), .words([["with"]]), .party, .tail]),
        // "Readout of Call with ...", "Readout of the Virtual Meeting with ...".
        TitleRule(name: "readout-of-encounter-no-subject",
                  pattern: [.words(readoutLeads), .optional([["the"]]), .cue(.encounter), .words([["with"]]), .party, .tail]),
        // "Remarks by the President Before Meeting with Prime Minister Modi of the Republic of India".
        TitleRule(name: "remarks-before-encounter-with",
                  pattern: [.words(remarksLeads), .party, .cue(.timing), .optional(determiners), .cue(.encounter),
                            .words([["with"]]), .party, .tail]),
        // "Remarks by the President and Prime Minister Meloni of Italy Before Virtual Bilateral Meeting",
        // "... in Joint Press Conference".
        TitleRule(name: "remarks-by-pair-before-encounter",
                  pattern: [.words(remarksLeads), .party, .cue(.timing), .optional(determiners), .cue(.encounter), .tail]),
        // "Telephone conversation with Prime Minister of India Narendra Modi", "Talks with President of
        // Indonesia ...", "Meeting with ...": the headline names only the counterpart; the publisher is the home side.
        TitleRule(name: "encounter-with",
                  pattern: [.cue(.encounter), .words([["with"]]), .party, .tail]),
        // "PM meets President of Indonesia", "Prime Minister Modi holds talks with President X".
        TitleRule(name: "subject-verb-object",
                  pattern: [.party, .cue(.verb), .party, .tail]),
        // "PM call with President Ramaphosa: 4 June 2023", "Prime Minister's meeting with President X".
        TitleRule(name: "subject-encounter-with",
                  pattern: [.party, .cue(.encounter), .words([["with"]]), .party, .tail]),
        // "Kenya's Ruto and Nigeria's Tinubu hold talks".
        TitleRule(name: "pair-verb",
                  pattern: [.party, .cue(.pairVerb), .tail]),
        // "Russian-Chinese talks", "India-Japan Summit": the sides as countries before the encounter.
        TitleRule(name: "pair-encounter",
                  pattern: [.party, .cue(.encounter), .tail]),
    ]

    static let readoutLeads = [["readout", "of"], ["readout", "from"], ["readout", ":"]]
    static let remarksLeads = [["remarks", "by"], ["joint", "remarks", "by"], ["remarks", "of"]]
    static let determiners = [["the"], ["a"], ["their"]]
}

/// What a headline rule found: the sides' spans (indices into the title's tokens), the encounter's mode,
/// and the tokens after the rule's last side (a place, a date).
struct TitleMatch: Sendable {
    var rule: String
    var parties: [Range<Int>]
    var mode: TitleMode
    var tail: Range<Int>
}

/// Reads a headline by the first `TitleRule` that matches it whole.
struct TitleReader: Sendable {
    let cues: PhraseMatcher<TitleCue>
    /// Words that say an encounter was called off ("cancels", "postponed").
    let meetingCues: PhraseMatcher<MeetingCueEntry>
    /// Punctuation after which a headline's last side has ended: a colon, a bar, a spaced dash.
    static let separators: Set<String> = [":", "|", "\u{2013}", "\u{2014}", "-", ",", ";"]
    /// A separator that ends a side: a dash only with a space before it ("Ould-Ghazouani" is one name).
    static func separates(_ t: Token) -> Bool {
        separators.contains(t.text) && (t.spaceBefore || [":", ",", ";"].contains(t.text))
    }

    /// Sides longer than this are no name of a side: the rule does not fit.
    static let maxParty = 24

    init(gazetteer: Gazetteer) {
        cues = gazetteer.titleCues
        meetingCues = gazetteer.meetingCues
    }

    func read(_ tokens: [Token]) -> TitleMatch? {
        guard !tokens.isEmpty, tokens.count <= 80 else { return nil }
        let slice = tokens[...]
        // A headline that calls the encounter off reports none.
        if meetingCues.matches(in: slice).contains(where: { m in m.payloads.contains { $0.cue == .cancelled } }) { return nil }
        // Each position's longest headline cue, looked up once: the rules ask them again and again.
        let table = slice.indices.map { cues.longestMatch(in: slice, at: $0) }
        for rule in TitleRule.all {
            var state = State(table: table)
            if match(rule.pattern[...], at: 0, tokens: slice, state: &state) {
                guard rule.reportsEncounter else { return nil }
                return TitleMatch(rule: rule.name, parties: state.parties, mode: state.mode ?? .any, tail: state.tail)
            }
        }
        return nil
    }

    private struct State {
        let table: [PhraseMatcher<TitleCue>.Match?]
        var parties: [Range<Int>] = []
        var mode: TitleMode?
        var tail: Range<Int> = 0..<0
    }

    /// The longest cue at `i` when it is of the kind ("virtual bilateral meeting" before "meeting"; one
    /// phrase may be of several kinds: "in" is a timing and a boundary), with its end.
    private func cue(_ kind: TitleCueKind, at i: Int, in tokens: ArraySlice<Token>, table: [PhraseMatcher<TitleCue>.Match?]) -> (end: Int, cue: TitleCue)? {
        guard i < tokens.endIndex, let m = table[i - tokens.startIndex], let c = m.payloads.first(where: { $0.kind == kind }) else { return nil }
        return (m.range.upperBound, c)
    }

    private func words(_ phrases: [[String]], at i: Int, in tokens: ArraySlice<Token>) -> [Int] {
        phrases.compactMap { phrase in
            guard i + phrase.count <= tokens.endIndex else { return nil }
            for (k, w) in phrase.enumerated() where tokens[i + k].folded != w { return nil }
            return i + phrase.count
        }
    }

    /// True when the pattern matches the tokens from `i` to the end; `state` holds what it found.
    private func match(_ pattern: ArraySlice<TitleRule.Element>, at i: Int, tokens: ArraySlice<Token>, state: inout State) -> Bool {
        guard let element = pattern.first else { return i == tokens.endIndex }
        let rest = pattern.dropFirst()
        switch element {
        case .words(let phrases):
            return words(phrases, at: i, in: tokens).contains { match(rest, at: $0, tokens: tokens, state: &state) }
        case .rest:
            return true
        case .optional(let phrases):
            if words(phrases, at: i, in: tokens).contains(where: { match(rest, at: $0, tokens: tokens, state: &state) }) { return true }
            return match(rest, at: i, tokens: tokens, state: &state)
        case .cue(let kind):
            guard let (end, c) = cue(kind, at: i, in: tokens, table: state.table) else { return false }
            let saved = state
            if let mode = c.mode { state.mode = mode }
            if match(rest, at: end, tokens: tokens, state: &state) { return true }
            state = saved
            return false
        case .party:
            var end = i + 1
            while end <= tokens.endIndex, end - i <= Self.maxParty {
                // A colon ends every side ("PM call with Chancellor X: 12 March").
                if tokens[end - 1].text == ":" { return false }
                // is announced, not held.
                // "Prabowo to meet Kishida", "X and Y to hold talks": no side holds a future word; what follows it is
                // announced, not held.
                if cue(.future, at: end - 1, in: tokens, table: state.table) != nil { return false }
                // A side ends between words, never inside one ("Ould-Ghazouani", "Jean-Noël").
                if end < tokens.endIndex && !tokens[end].spaceBefore && tokens[end].kind == .word {
                    end += 1
                    continue
                }
                let saved = state
                state.parties.append(i..<end)
                if match(rest, at: end, tokens: tokens, state: &state) { return true }
                state = saved
                end += 1
            }
            return false
        case .tail:
            // "... Before Bilateral Meeting | Nairobi, Kenya": a separator also ends the last side.
            if i == tokens.endIndex || Self.separates(tokens[i]) || (tokens[i].spaceBefore && cue(.boundary, at: i, in: tokens, table: state.table) != nil) {
                state.tail = i..<tokens.endIndex
                return true
            }
            return false
        }
    }
}
