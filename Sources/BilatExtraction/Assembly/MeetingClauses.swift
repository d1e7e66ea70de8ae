/// Clause-level readings of a meeting sentence: whether a meeting verb has a person for its object,
/// which named persons take part, and which dates a meeting word may take.
enum MeetingClauses {
    /// Words that stand for a person as an object ("received him", "welcomed his counterpart").
    static let personWords = Lexicon.words(.personObjectWords)
    /// Forms of "be" that make the next verb passive ("was received by").
    static let passiveAuxiliaries = Lexicon.words(.passiveAuxiliaries)
    /// Words that end the object of a verb: punctuation, clause words, and the prepositions that open
    /// its modifiers ("welcomed closer cooperation between the police forces").
    static let objectEnds = Lexicon.words(.objectEnds)

    /// True when a meeting verb that needs a person for its object (`TermNeed.personObject`) at `at` is
    /// active with an object that is no person ("welcomed the conclusion of the talks", "welcomed plans
    /// by universities", "received a letter"): the verb reports no encounter.
    static func lacksPersonObject(_ tokens: ArraySlice<Token>, at: Int, persons: [PersonMention], roles: PhraseMatcher<RoleKind>,
                                  countries: [CountryMention]) -> Bool {
        // "Putin, the host, ...", "the host country": the noun names a role in a gathering, not an encounter.
        if [.host, .hosts].contains(tokens[at].word), at > tokens.startIndex,
           [.the, .a, .as, .co].contains(tokens[at - 1].word) { return true }
        if at > tokens.startIndex, passiveAuxiliaries.contains(tokens[at - 1]) { return false }
        // "a welcome ceremony", "the host country": a noun or modifier, not the verb.
        if at > tokens.startIndex, [.a, .the, .warm, .to].contains(tokens[at - 1].word) { return false }
        var j = at + 1
        while j < tokens.endIndex, j <= at + 6, !objectEnds.contains(tokens[j]) || j == at + 1 {
            if personWords.contains(tokens[j]) { return false }
            if persons.contains(where: { $0.range.contains(j) }) { return false }
            if countries.contains(where: { $0.range.lowerBound == j && $0.form == .demonym }) { return false }
            if roles.longestMatch(in: tokens, at: j) != nil { return false }
            j += 1
        }
        return j > at + 1
    }

    /// Persons of the sentence that may take part: a possessive name ("Trong's death") takes part only
    /// when the possessed noun is the meeting word itself ("Biden's visit", "Scholz's trip").
    static func participantMentions(_ tokens: ArraySlice<Token>, persons: [PersonMention], termStarts: Set<Int>) -> [PersonMention] {
        persons.filter { p in
            let end = p.range.upperBound
            guard end < tokens.endIndex, tokens[end].word == .possessive else { return true }
            return termStarts.contains(end + 1) || termStarts.contains(end + 2)
        }
    }

    /// Words that open a time adjunct around a meeting word ("after the talks", "ahead of the visit").
    static let timePrepositions = Lexicon.words(.timeAdjunctOpeners)

    /// Determiners that make a meeting word refer to an encounter already known ("after the talks").
    static let definiteWords = Lexicon.words(.adjunctDeterminers)

    /// When every meeting word sits in a time adjunct and refers back ("after the talks", "after
    /// Wednesday's meeting"), the adjunct's tokens from its preposition to the next comma; the rest of
    /// the sentence says what happened around it. "After talks with X" introduces its encounter: nil.
    static func timeAdjunct(_ tokens: ArraySlice<Token>, terms: [Range<Int>]) -> Range<Int>? {
        var spans: [Range<Int>] = []
        for t in terms {
            var j = t.lowerBound - 1
            var opener: Int?
            while j >= tokens.startIndex, j >= t.lowerBound - 4, tokens[j].kind != .punctuation || tokens[j].word == .possessive {
                if timePrepositions.contains(tokens[j]) { opener = j; break }
                j -= 1
            }
            guard let start = opener, tokens[start..<t.lowerBound].contains(where: { definiteWords.contains($0) }) else {
                return nil
            }
            var end = t.upperBound
            while end < tokens.endIndex, ![.comma, .semicolon, .period].contains(tokens[end].word), !clauseWords.contains(tokens[end]) {
                end += 1
            }
            spans.append(start..<end)
        }
        guard let first = spans.first else { return nil }
        return spans.dropFirst().reduce(first) { min($0.lowerBound, $1.lowerBound)..<max($0.upperBound, $1.upperBound) }
    }

    /// Words that open a new clause.
    static let clauseWords = Lexicon.words(.newClauseWords)

    /// True when a complement or adverbial clause starts between two tokens of a sentence.
    static func clauseBoundary(_ tokens: ArraySlice<Token>, between a: Int, and b: Int) -> Bool {
        let (lo, hi) = (min(a, b), max(a, b))
        return tokens[lo..<hi].contains { $0.word == .that }
    }

    /// True when the meeting word at `term` is marked as an encounter apart from the one already told:
    /// "also" just before it ("X also met Y") or "separate(ly)" in its clause ("held separate talks").
    static func marksSeparate(_ tokens: ArraySlice<Token>, term: Int) -> Bool {
        let before = tokens[max(tokens.startIndex, term - 3)..<term]
        if before.contains(where: { $0.word == .also }) { return true }
        let window = tokens[max(tokens.startIndex, term - 3)..<min(tokens.endIndex, term + 3)]
        return window.contains { [.separate, .separately].contains($0.word) }
    }

    /// True when the name at `at` is the object of "in", alone or as a later conjunct ("in Gaza and
    /// Lebanon", "in Mali, Niger and Chad"): a location, not a side; not after a word of arriving, where
    /// it names the host of a visit ("arrives in Qatar for talks").
    static func isLocative(_ tokens: ArraySlice<Token>, at: Int) -> Bool {
        var j = at - 1
        while j >= tokens.startIndex, j >= at - 8 {
            let w = tokens[j].word
            // "arrives in Qatar", "a state visit in Norway": where a visit goes, not where something happens.
            if w == .in { return !(j > tokens.startIndex && arrivalWords.contains(tokens[j - 1])) }
            guard w == .and || w == .comma || tokens[j].isCapitalized else { return false }
            j -= 1
        }
        return false
    }

    /// Verbs of going whose object or "to"-phrase is a destination.
    static let goingWords = Lexicon.words(.goingVerbs)

    /// Words that may stand between "to" and a capital it names: "to the Libyan capital Tripoli".
    static let capitalTitles = Lexicon.words(.capitalTitles)

    /// Words after which "in" names where a visitor arrives: "arrives in Qatar", "a state visit in Norway".
    static let arrivalWords = Lexicon.words(.arrivalWords)

    /// True when the name at `at` is where a visit goes: the object of "visit", of "in" after a word of
    /// arriving ("arrives in Islamabad"), or of "to" after a verb of going within three words ("will
    /// travel to Oslo", "a return visit to Dakar", "goes to Islamabad").
    static func isDestination(_ tokens: ArraySlice<Token>, at name: Int) -> Bool {
        // "a visit to the Libyan capital Tripoli": the capital's title stands between.
        var at = name
        while at - 1 > tokens.startIndex, name - at < 4, capitalTitles.contains(tokens[at - 1])
            || (tokens[at - 1].isCapitalized && at - 1 > tokens.startIndex && tokens[at - 2].word == .the) {
            at -= 1
        }
        guard at > tokens.startIndex else { return false }
        let previous = tokens[at - 1]
        if goingWords.contains(previous), previous.folded.hasPrefix("visit") { return true }
        if previous.word == .in, at - 2 >= tokens.startIndex, arrivalWords.contains(tokens[at - 2]) { return true }
        guard previous.word == .to else { return false }
        return tokens[max(tokens.startIndex, at - 4)..<(at - 1)].contains { goingWords.contains($0) }
    }
}
