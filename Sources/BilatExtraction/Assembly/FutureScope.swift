/// Which meeting words an announcement cue (`future` in meeting_cues.tsv: "will", "is to", "expected
/// to") governs: those of its own clause. A news summary in the present tense reports the encounter of
/// the day and often something to come in another clause; that clause's cue leaves the encounter held.
/// Each exception is a named rule with examples in Tests/Fixtures/rules/wcep-examples.tsv:
/// - `future-aside`: a cue inside an aside that does not hold the meeting word ("X, who will step down
///   in May, meets Y");
/// - `future-coordinated-clause`: a cue after the word, past ", and" and a subject of its own ("meets Y
///   in Ankara, and he will also address parliament", "..., and the two sides will sign a deal");
/// - `future-absolute-clause`: a cue after the word, inside "with" and a subject and a participle
///   ("meets Y, with X accepting an invitation to the Games");
/// - `future-attributive`: a cue that modifies a noun ("the upcoming summit", "next week's scheduled
///   vote") announces only the meeting word it modifies, at most three words after it; not "is
///   scheduled to meet", which is verbal;
/// - `future-statement-occasion`: a cue inside what a speech verb reports, the meeting word in a phrase
///   set off by a comma that gives the occasion of speaking ("X says the border will reopen, in a
///   telephone conversation with Y").
enum FutureScope {
    /// Subjects that open a clause of their own after ", and" / ", but".
    static let clauseSubjects = Lexicon.words(.clauseSubjects)
    /// Conjunctions that coordinate clauses.
    static let coordinators = Lexicon.words(.clauseCoordinators)
    /// Participles that are prepositions and open no clause: "talks with X regarding the summit".
    static let prepositionalParticiples = Lexicon.words(.prepositionalParticiples)
    /// Cues that modify a noun: "the upcoming summit", "the scheduled talks".
    static let attributiveCues = Lexicon.words(.attributiveCues)
    /// Prepositions of the phrase that gives a statement's occasion: "in a phone call", "during talks".
    static let occasionPrepositions = Lexicon.words(.occasionPrepositions)

    /// True when the future cue at `cue` governs the meeting word at `term`. `groupAt`: whether a group
    /// cue ("the two sides") starts at an index; `speechBefore`: whether a speech verb ("says") ends at
    /// or before an index.
    static func governs(_ tokens: ArraySlice<Token>, cue: Range<Int>, term: Range<Int>, asides: [AsideFinder.Aside],
                        groupAt: (Int) -> Bool, speechBefore: (Int) -> Bool) -> Bool {
        // future-aside
        if asides.contains(where: { $0.range.contains(cue.lowerBound) && !$0.range.contains(term.lowerBound) }) { return false }
        // future-attributive
        if cue.count == 1, attributiveCues.contains(tokens[cue.lowerBound]),
           !(cue.upperBound < tokens.endIndex && tokens[cue.upperBound].word == .to) {
            return term.lowerBound >= cue.upperBound && term.lowerBound - cue.upperBound <= 3
                && !tokens[cue.upperBound..<term.lowerBound].contains { $0.kind == .punctuation }
        }
        if cue.lowerBound < term.lowerBound {
            if tokens[cue.upperBound..<max(cue.upperBound, term.lowerBound)].contains(where: { $0.word == .semicolon }) { return false }
            return !statementOccasion(tokens, cue: cue, term: term, speechBefore: speechBefore)
        }
        let between = term.upperBound..<max(term.upperBound, cue.lowerBound)
        return !(tokens[between].contains { MeetingScope.clauseOpeners.contains($0) || $0.word == .semicolon }
            || MeetingScope.endsClause(tokens, from: term.upperBound, to: cue.lowerBound)
            || coordinatedClause(tokens, in: between, groupAt: groupAt)
            || absoluteClause(tokens, in: between, after: term))
    }

    /// future-coordinated-clause: ", and he", ", but they", ", and the two sides" inside `range`; not a
    /// possessive ("..., and their ministers, will meet").
    static func coordinatedClause(_ tokens: ArraySlice<Token>, in range: Range<Int>, groupAt: (Int) -> Bool) -> Bool {
        range.contains { i in
            tokens[i].word == .comma && i + 2 < range.upperBound && coordinators.contains(tokens[i + 1])
                && (clauseSubjects.contains(tokens[i + 2]) || (tokens[i + 2].word == .the && groupAt(i + 2)))
        }
    }

    /// The same, with the group cues of the sentence's cue matches.
    static func coordinatedClause(_ tokens: ArraySlice<Token>, in range: Range<Int>,
                                  cues: [PhraseMatcher<MeetingCueEntry>.Match]) -> Bool {
        coordinatedClause(tokens, in: range) { at in cues.contains { c in c.range.lowerBound == at && c.payloads.contains { $0.cue == .group } } }
    }

    /// future-absolute-clause: "with", one to five capitalized words, and a participle that is no
    /// preposition ("with Bush accepting"), inside `range` and not the object of the meeting word itself.
    static func absoluteClause(_ tokens: ArraySlice<Token>, in range: Range<Int>, after term: Range<Int>) -> Bool {
        for i in range where i > term.upperBound && tokens[i].word == .with {
            var j = i + 1
            while j < range.upperBound, j - i <= 5, tokens[j].isCapitalized, tokens[j].kind == .word { j += 1 }
            guard j > i + 1, j < range.upperBound else { continue }
            let t = tokens[j]
            if t.kind == .word, !t.isCapitalized, t.folded.count > 4, t.folded.hasSuffix("ing"),
               !prepositionalParticiples.contains(t) { return true }
        }
        return false
    }

    /// future-statement-occasion: a speech verb before the cue, and after the cue a comma, a preposition
    /// of occasion and at most eight words of no punctuation before the meeting word.
    static func statementOccasion(_ tokens: ArraySlice<Token>, cue: Range<Int>, term: Range<Int>,
                                  speechBefore: (Int) -> Bool) -> Bool {
        guard cue.upperBound < term.lowerBound, let comma = tokens[cue.upperBound..<term.lowerBound].lastIndex(where: { $0.word == .comma }),
              comma + 1 < term.lowerBound, occasionPrepositions.contains(tokens[comma + 1]),
              term.lowerBound - comma <= 10,
              !tokens[(comma + 1)..<term.lowerBound].contains(where: { $0.kind == .punctuation }) else { return false }
        return speechBefore(cue.lowerBound)
    }
}
