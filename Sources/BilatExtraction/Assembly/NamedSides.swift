/// The countries a sentence names that are sides of its encounter, when its officials name fewer than
/// two: "the foreign ministers of Saudi Arabia and Iran met", "arrives in Qatar for talks", "will visit
/// London". Not a country named inside an aside ("X, whose push for a deal with China, ..."), where
/// something happens ("a ceasefire in Gaza and Lebanon"), as what was spoken about ("to coordinate
/// responses to the challenges posed by China") unless a hyphen pairs it ("the U.S.-Ecuador
/// partnership"), by a demonym alone ("Israeli officials": unnamed people, too vague) unless before an
/// office ("the Israeli Prime Minister") or the people a state sends ("North Korean envoys"), nor any when the people met are no officials ("met with
/// refugees from Ukraine").
enum NamedSides {
    static func countries(_ tokens: ArraySlice<Token>, officialSides: [String], term: Range<Int>,
                          terms: [PhraseMatcher<MeetingTerm>.Match], cues: [PhraseMatcher<MeetingCueEntry>.Match],
                          mentions sm: SentenceMentions, persons: [PersonMention], asides: TokenSpans,
                          roles: PhraseMatcher<RoleKind>, names: [Range<Int>]) -> [String] {
        var countries = officialSides
        guard !CueScope.meetsNonOfficials(tokens, terms: terms.map(\.range), cues: cues, names: names,
                                          places: persons.map(\.range) + sm.countries.filter { $0.form != .demonym }.map(\.range))
        else { return countries }
        let topic = topicStart(tokens, after: term.upperBound, termStarts: Set(terms.map(\.range.lowerBound)))
        let pairs = pairedCountries(tokens, countries: sm.countries)
        // With no official named, countries that are all the object of "talks with" are one side only:
        // "rebels ready to enter talks with the governments of France and Spain".
        let counterpart = countries.isEmpty ? withObjectStart(tokens, after: term.upperBound) : nil
        for c in sm.countries where !asides.contains(c.range.lowerBound)
            && !MeetingClauses.isLocative(tokens, at: c.range.lowerBound) && ((c.form == .name && !c.possessive)
            || c.form == .combining) && (topic.map({ c.range.lowerBound < $0 }) ?? true || pairs.contains(c.range.lowerBound)) {
            countries.append(c.code)
        }
        for c in sm.countries where c.form == .demonym && !asides.contains(c.range.lowerBound)
            && namesOfficeHolder(tokens, after: c.range.upperBound, roles: roles) {
            countries.append(c.code)
        }
        // "North Korean envoys", "a Chinese delegation", "Chinese and Japanese negotiators": the people a state
        // sends to speak for it.
        let demonyms = sm.countries.filter { $0.form == .demonym && !asides.contains($0.range.lowerBound) }
        for (k, c) in demonyms.enumerated() {
            // The demonyms joined by "and" with this one, then the word of the representatives.
            var end = c.range.upperBound, next = k + 1
            while next < demonyms.count, end < tokens.endIndex, tokens[end].word == .and || tokens[end].word == .comma,
                  demonyms[next].range.lowerBound == end + 1 {
                end = demonyms[next].range.upperBound
                next += 1
            }
            if cues.contains(where: { cue in cue.range.lowerBound == end && cue.payloads.contains { $0.cue == .representatives } }) {
                countries.append(c.code)
            }
        }
        if let counterpart, !countries.isEmpty, sm.countries.allSatisfy({ $0.range.lowerBound > counterpart || !countries.contains($0.code) }) {
            countries = []
        }
        // The capital a visit goes to names its host ("will visit London", "travel to Oslo").
        countries = unique(countries)
        for c in sm.countries where c.form == .capital && !c.possessive && countries.count == 1
            && MeetingClauses.isDestination(tokens, at: c.range.lowerBound) { countries.append(c.code) }
        return unique(countries)
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }

    /// Words that open what an encounter was about or amid what it took place: "talks about Iran", "to
    /// discuss", "including", "amid rising tensions with Iran".
    static let topicWords = Lexicon.words(.topicWords)

    /// The first token, after a meeting word ending at `end`, of what the encounter was about: a word of
    /// `topicWords`, or a purpose ("to coordinate", "to discuss"): "to" before a lowercase word that is no
    /// determiner, a meeting word or a verb of going. Countries named from there on are topics, not sides.
    static func topicStart(_ tokens: ArraySlice<Token>, after end: Int, termStarts: Set<Int>) -> Int? {
        var j = end
        while j < tokens.endIndex {
            if topicWords.contains(tokens[j]) { return j }
            // Not a visit or a meeting to come: "invited him to visit Denmark", "agreed to meet in Oslo".
            if tokens[j].word == .to, j + 1 < tokens.endIndex, tokens[j + 1].kind == .word, !tokens[j + 1].isCapitalized,
               !MeetingWording.objectModifiers.contains(tokens[j + 1]), !termStarts.contains(j + 1),
               !MeetingClauses.goingWords.contains(tokens[j + 1]) { return j }
            j += 1
        }
        return nil
    }

    /// The starts of the countries named as a pair joined by a hyphen ("U.S.-Ecuador", "Sino-US"): they
    /// name the two sides of a relation.
    static func pairedCountries(_ tokens: ArraySlice<Token>, countries: [CountryMention]) -> Set<Int> {
        var paired = Set<Int>()
        for (a, b) in zip(countries, countries.dropFirst()) where b.range.lowerBound == a.range.upperBound + 1
            && tokens[a.range.upperBound].word == .hyphen && !tokens[a.range.upperBound].spaceBefore {
            paired.insert(a.range.lowerBound)
            paired.insert(b.range.lowerBound)
        }
        return paired
    }

    /// True when a head of state or government or a minister's office begins at `start` ("Prime
    /// Minister", "President", "Foreign Minister"): after "the" and a demonym it names its holder.
    static func namesOfficeHolder(_ tokens: ArraySlice<Token>, after start: Int, roles: PhraseMatcher<RoleKind>) -> Bool {
        guard start < tokens.endIndex, start - 2 >= tokens.startIndex, tokens[start - 2].word == .the,
              let role = roles.longestMatch(in: tokens, at: start) else { return false }
        return role.payloads.contains { $0 == .leader || $0 == .minister }
    }

    /// The "with" that opens the object of a meeting word ending at `end` ("talks with", "a meeting
    /// with"), at most two words after it; nil when there is none.
    static func withObjectStart(_ tokens: ArraySlice<Token>, after end: Int) -> Int? {
        (end..<min(tokens.endIndex, end + 3)).first { tokens[$0].word == .with }
    }
}
