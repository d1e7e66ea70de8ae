import BilatModel

/// Which words of a sentence govern a meeting word: whether an announcement cue is about the
/// encounter, whether the word is negated, and which pronoun is the subject of the clause.
enum MeetingScope {
    /// Words that open a relative or complement clause; a cue after the meeting word and past one of
    /// them belongs to that clause ("held talks that will bring jobs", "talks that ran past their
    /// scheduled hour").
    static let clauseOpeners = Lexicon.words(.clauseOpeners)

    /// Modal that announces what follows it in reported speech ("said Sisi would pay a return visit").
    static let announcingModals = Lexicon.words(.announcingModals)

    /// Words that deny the encounter they precede ("never made an official visit", "did not meet").
    static let negations = Lexicon.words(.negations)

    /// Subject pronouns that stand for a person of an earlier sentence.
    static let subjectPronouns = Lexicon.words(.subjectPronouns)

    /// The starts of the meeting words a future cue governs, by the rules of `FutureScope` (its own
    /// clause, not an aside or a coordinated clause), or that "would" precedes by at most four words
    /// within their clause; the others of the sentence are held.
    static func announcedTerms(_ tokens: ArraySlice<Token>, cues: [PhraseMatcher<MeetingCueEntry>.Match], terms: [Range<Int>],
                               asides: [AsideFinder.Aside], speechVerbs: PhraseMatcher<StatementType>) -> Set<Int> {
        let future = cues.filter { $0.payloads.contains { $0.cue == .future } }
        // Found only when a rule asks: most sentences with a cue have no statement around it.
        var speechEnds: [Int]?
        func speechBefore(_ at: Int) -> Bool {
            if speechEnds == nil { speechEnds = speechVerbs.matches(in: tokens).map { $0.range.upperBound } }
            return speechEnds!.contains { $0 <= at }
        }
        func groupAt(_ at: Int) -> Bool { cues.contains { c in c.range.lowerBound == at && c.payloads.contains { $0.cue == .group } } }
        var announced = Set<Int>()
        for t in terms {
            if future.contains(where: { c in
                FutureScope.governs(tokens, cue: c.range, term: t, asides: asides, groupAt: groupAt, speechBefore: speechBefore)
            }) {
                announced.insert(t.lowerBound)
                continue
            }
            var j = t.lowerBound - 1
            while j >= tokens.startIndex, j >= t.lowerBound - 4, tokens[j].kind != .punctuation {
                if announcingModals.contains(tokens[j]) {
                    announced.insert(t.lowerBound)
                    break
                }
                j -= 1
            }
        }
        return announced
    }

    /// True when a coordinated past predicate ("met in Cairo and signed a declaration backing plans to
    /// ...", "and agreed") starts between two tokens: a cue after it belongs to that predicate.
    static func endsClause(_ tokens: ArraySlice<Token>, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        return (from..<to).contains { i in
            tokens[i].word == .and && i + 1 < tokens.endIndex && !tokens[i + 1].isCapitalized
                && tokens[i + 1].folded.count > 4 && tokens[i + 1].folded.hasSuffix("ed")
        }
    }

    /// True when a negation stands at most three words before the meeting word, within its clause.
    static func isNegated(_ tokens: ArraySlice<Token>, term: Range<Int>) -> Bool {
        var j = term.lowerBound - 1
        while j >= tokens.startIndex, j >= term.lowerBound - 3, tokens[j].kind != .punctuation || tokens[j].word == .negation {
            if negations.contains(tokens[j]) { return true }
            j -= 1
        }
        return false
    }

    /// The index of a subject pronoun ("he", "she") before the first meeting word when no person is
    /// named before it: "On Wednesday evening he held talks with ..." speaks of the last subject.
    static func subjectPronoun(_ tokens: ArraySlice<Token>, persons: [PersonMention], before term: Int) -> Int? {
        guard let i = tokens[tokens.startIndex..<term].firstIndex(where: { subjectPronouns.contains($0) }) else { return nil }
        return persons.contains { $0.range.lowerBound < i } ? nil : i
    }

    /// Determiners that make a meeting word refer to an encounter already reported.
    static let definiteDeterminers = Lexicon.words(.referBackDeterminers)

    /// True when a determiner or possessive heads the meeting word ("the visit", "Starmer's visit"),
    /// possibly across capitalized modifiers ("the Hanoi summit").
    static func refersBack(_ tokens: ArraySlice<Token>, term: Range<Int>) -> Bool {
        var j = term.lowerBound - 1
        while j >= tokens.startIndex, j >= term.lowerBound - 3 {
            if definiteDeterminers.contains(tokens[j]) { return true }
            guard tokens[j].kind == .word, tokens[j].isCapitalized else { return false }
            j -= 1
        }
        return false
    }

    /// The last two officials of different sides an article has named, kept as it is read.
    struct LastPair {
        private var last: Int?
        private var other: Int?

        /// Reads a mention of a person; persons of no side are skipped.
        mutating func add(_ person: Int, people: People) {
            guard let side = people.persons[person].country else { return }
            if let last, people.persons[last].country != side { other = last }
            last = person
        }

        /// The earlier of the two, then the last; empty when fewer than two sides were named.
        var pair: [Int] {
            guard let last, let other else { return [] }
            return [other, last]
        }
    }

    /// Object pronouns that stand for a person of an earlier sentence.
    static let objectPronouns = Lexicon.words(.objectPronouns)

    /// The index of an object pronoun right after a meeting verb ("will then host him").
    static func objectPronoun(_ tokens: ArraySlice<Token>, terms: [Range<Int>]) -> Int? {
        terms.first { $0.upperBound < tokens.endIndex && objectPronouns.contains(tokens[$0.upperBound]) }?.upperBound
    }

    /// Each person's distance to the meeting word, where persons joined by "and" with at most three
    /// words of title between them ("X and Rwandan President Y") take the distance of the nearer.
    static func coordinatedDistances(_ tokens: ArraySlice<Token>, persons: [PersonMention], anchor: Int) -> [Int] {
        var distances = persons.map { abs($0.range.lowerBound - anchor) }
        for k in persons.indices.dropFirst() {
            let gap = tokens[persons[k - 1].range.upperBound..<max(persons[k - 1].range.upperBound, persons[k].range.lowerBound)]
            guard gap.first?.word == .and, gap.count <= 4, !gap.contains(where: { $0.kind == .punctuation }) else { continue }
            let d = min(distances[k - 1], distances[k])
            distances[k - 1] = d
            distances[k] = d
        }
        return distances
    }

    /// The index (in `persons`) of the person an object pronoun of the verb ending before `verb` stands
    /// for: the first person named before the verb other than its subject (the last person before it,
    /// with those joined to it by "and"); nil when a subject pronoun comes first or none is left.
    static func antecedent(_ tokens: ArraySlice<Token>, persons: [PersonMention], before verb: Int, subjectPronoun: Int?) -> Int? {
        var candidates = persons.indices.filter { persons[$0].range.upperBound <= verb }
        guard !candidates.isEmpty else { return nil }
        candidates.removeLast()
        while let k = candidates.last, tokens[persons[k].range.upperBound..<persons[k + 1].range.lowerBound]
            .first?.word == .and {
            candidates.removeLast()
        }
        guard let first = candidates.first else { return nil }
        if let subjectPronoun, subjectPronoun < persons[first].range.lowerBound { return nil }
        return first
    }
}
