/// Which meeting word a cue of `meeting_cues.tsv` governs, for the cues that take away an encounter
/// (`cancelled`, `unrealized`) or its sides (`non_official`): each governs the meeting words of its own
/// clause near it, not the whole sentence ("Israeli diplomats called off a strike to allow the visit":
/// the visit stands).
enum CueScope {
    /// Words that end the clause a cue governs: "X met Y on Monday after a planned visit was postponed".
    static let barriers = Lexicon.words(.cueBarriers)

    /// Words between two tokens, a name (person or country) counting as one word; nil when a barrier
    /// stands between them.
    static func distance(_ tokens: ArraySlice<Token>, from lo: Int, to hi: Int, names: [Range<Int>]) -> Int? {
        guard lo <= hi else { return nil }
        // A period inside a sentence ends an abbreviation ("Mr."), not a clause.
        guard !tokens[lo..<hi].contains(where: { barriers.contains($0) && $0.word != .period }) else { return nil }
        let inside = names.reduce(0) { n, r in n + max(0, min(r.upperBound, hi) - max(r.lowerBound, lo) - 1) }
        return hi - lo - inside
    }

    /// True when a cue that denies the encounter governs the meeting word at `term`: it overlaps the word
    /// ("did not meet"), stands at most four words before it ("refused to meet", "seeks a bilateral
    /// meeting", "called off their planned visit"), or is its passive predicate at most fifteen words
    /// after it ("the meeting between X and Y was cancelled", "talks were postponed"), or follows it
    /// directly ("talks called off"), in the same clause and not inside an aside that leaves the word out.
    static func isDenied(_ tokens: ArraySlice<Token>, term: Range<Int>, cues: [PhraseMatcher<MeetingCueEntry>.Match],
                         names: [Range<Int>]) -> Bool {
        // A cue inside an aside governs only the words of its aside ("X, whose trip was postponed twice, meets Y").
        let asides = AsideFinder.ranges(in: tokens)
        return cues.contains { c in
            guard c.payloads.contains(where: { $0.cue.denies }) else { return false }
            if c.range.overlaps(term) { return true }
            if asides.contains(where: { $0.range.contains(c.range.lowerBound) && !$0.range.contains(term.lowerBound) }) { return false }
            if c.range.upperBound <= term.lowerBound {
                // "a proposed missile shield in talks with": the cue modifies another noun.
                guard !tokens[c.range.upperBound..<term.lowerBound].contains(where: { prepositions.contains($0) }) else { return false }
                return distance(tokens, from: c.range.upperBound, to: term.lowerBound, names: names).map { $0 <= 4 } ?? false
            }
            // After the word, the cue is its passive predicate ("was cancelled", "has been postponed") or
            // stands right after it ("talks called off"); not a coordinated verb ("and asked for support").
            guard let d = distance(tokens, from: term.upperBound, to: c.range.lowerBound, names: names) else { return false }
            return d == 0 || (d <= 15 && auxiliaries.contains(tokens[c.range.lowerBound - 1]))
        }
    }

    /// Prepositions that open a phrase of another noun between a cue and a meeting word.
    static let prepositions = Lexicon.words(.nounPhrasePrepositions)

    /// Auxiliaries of a passive or negated predicate: "was cancelled", "has been called off", "would not
    /// take place".
    static let auxiliaries = Lexicon.words(.predicateAuxiliaries)

    /// True when the people some meeting word takes are no officials of a side: a `non_official` cue at
    /// most six words after the word in its clause, with no person or country named between as the word's
    /// object ("met with refugees from Ukraine", "a visit to the troops in Iraq", "met with Japanese
    /// business executives"; not "visits Japan with 100 business leaders"). Then a country the sentence
    /// names is no side; only officials' countries are. `places`: persons and countries not named by a
    /// demonym.
    static func meetsNonOfficials(_ tokens: ArraySlice<Token>, terms: [Range<Int>], cues: [PhraseMatcher<MeetingCueEntry>.Match],
                                  names: [Range<Int>], places: [Range<Int>]) -> Bool {
        cues.contains { c in
            c.payloads.contains { $0.cue == .nonOfficial } && terms.contains { t in
                t.upperBound <= c.range.lowerBound
                    && (distance(tokens, from: t.upperBound, to: c.range.lowerBound, names: names).map { $0 <= 6 } ?? false)
                    // "visits Japan with business leaders": the word's object is named before them.
                    && !places.contains { $0.lowerBound >= t.upperBound && $0.upperBound <= c.range.lowerBound }
            }
        }
    }
}
