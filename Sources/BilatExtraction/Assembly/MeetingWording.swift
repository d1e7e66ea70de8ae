import BilatModel

/// What a meeting word's wording class asks of its clause: whether a verb of speaking has an official
/// to speak with (`TermNeed.interlocutor`), and which mode a word of no fixed mode takes.
enum MeetingWording {
    /// Prepositions that introduce whom one speaks with: "spoke with", "talked to".
    static let interlocutorPrepositions = Lexicon.words(.interlocutorPrepositions)
    /// Words that end the adjuncts between a verb of speaking and its "with": what was spoken about, or
    /// another clause ("spoke about the war", "spoke today and agreed").
    static let adjunctEnds = Lexicon.words(.speechAdjunctEnds)

    /// What a meeting word of a sentence reports.
    enum Verdict {
        /// An encounter.
        case reports
        /// None: negated, taken away by a cue, or lacking what its class needs ("did not meet", "refused
        /// to meet", "welcomed the decision", "spoke with reporters").
        case denied
        /// None: a gathering of many, earlier encounters in general, or a phrase that is no meeting.
        case other
    }

    /// The meeting words of a sentence that report an encounter, each read by the rules of its class.
    /// `dated`: the sentence gives a date of its own.
    static func reportingTerms(_ tokens: ArraySlice<Token>, matches: [PhraseMatcher<MeetingTerm>.Match],
                               cues: [PhraseMatcher<MeetingCueEntry>.Match], persons: [PersonMention],
                               mentions sm: SentenceMentions, roles: PhraseMatcher<RoleKind>, lexicon: Lexicon,
                               dated: Bool) -> [PhraseMatcher<MeetingTerm>.Match] {
        guard !matches.isEmpty else { return [] }
        // What only some rules ask, found once when first asked: most sentences have neither a cue that
        // denies nor a verb of speaking.
        var namesFound: [Range<Int>]?
        func names() -> [Range<Int>] {
            if let namesFound { return namesFound }
            let found = persons.map(\.range) + sm.countries.map(\.range)
            namesFound = found
            return found
        }
        let denying = cues.contains { $0.payloads.contains { $0.cue.denies } }
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(matches.count)
        for m in matches {
            verdicts.append({
                guard let term = m.payloads.first, term.mode != .none else { return .other }
                // "the G20 summit", "the Summit of the Americas": a multilateral gathering, not a meeting of its own.
                if namesGathering(tokens, term: m.range, organizations: sm.organizations, countries: sm.countries,
                                  persons: persons) { return .other }
                // "as in previous discussions": earlier encounters in general.
                if !dated, speaksOfEarlierEncounters(tokens, term: m.range) { return .other }
                if MeetingScope.isNegated(tokens, term: m.range) { return .denied }
                // "refused to meet", "seeks a meeting", "the visit was postponed": no encounter.
                if denying, CueScope.isDenied(tokens, term: m.range, cues: cues, names: names()) { return .denied }
                switch term.need {
                case .personObject:
                    if MeetingClauses.lacksPersonObject(tokens, at: m.range.lowerBound, persons: persons, roles: roles,
                                                        countries: sm.countries) { return .denied }
                    if admits(tokens, term: m.range, organizations: sm.organizations) { return .denied }
                case .interlocutor:
                    let groups = cues.filter { $0.payloads.contains { $0.cue == .group } }.map(\.range)
                    let modeWords = matches.filter { $0.payloads.first?.mode.fixed != nil }.map(\.range)
                    if !hasInterlocutor(tokens, term: m.range, persons: persons, roles: roles, groups: groups,
                                        modeWords: modeWords, lexicon: lexicon) { return .denied }
                case .destination:
                    if !sm.countries.contains(where: { ($0.form == .name || $0.form == .capital) && $0.range.lowerBound >= m.range.upperBound
                        && $0.range.lowerBound - m.range.upperBound <= 3 }) { return .denied }
                    // Who goes is an official: "Migrants arriving in Italy" is no visit.
                    if !hasTraveller(tokens, term: m.range, persons: persons, names: names()) { return .denied }
                case .nothing, .head:
                    break
                }
                return .reports
            }())
        }
        var reporting: [PhraseMatcher<MeetingTerm>.Match] = []
        for (m, verdict) in zip(matches, verdicts) where verdict == .reports {
            if m.payloads.first?.need == .head, verdicts.contains(.denied),
               modifiesDenied(tokens, term: m.range, terms: matches, verdicts: verdicts, names: names()) { continue }
            reporting.append(m)
        }
        return reporting
    }

    /// True when a verb of speaking at `term` has an official to speak with: a person after its "with" or
    /// "to" ("spoke today by phone with Scholz", "spoke on the margins of the summit with Duda"); or, when
    /// a time, a mode or a purpose follows the verb ("spoke today", "spoke by phone", "spoke to
    /// reaffirm"), persons joined by "and" as its subject ("Macron and Scholz spoke today"); or, when a
    /// time or a mode follows, a group already named ("the two leaders spoke on Tuesday"). Not "spoke with reporters", "spoke to reaffirm", "spoke at the UN", "the two leaders
    /// spoke positively of the progress".
    static func hasInterlocutor(_ tokens: ArraySlice<Token>, term: Range<Int>, persons: [PersonMention],
                                roles: PhraseMatcher<RoleKind>, groups: [Range<Int>],
                                modeWords: [Range<Int>], lexicon: Lexicon) -> Bool {
        var j = term.upperBound
        var purpose = false
        while j < tokens.endIndex, j < term.upperBound + 12, !adjunctEnds.contains(tokens[j]) {
            if interlocutorPrepositions.contains(tokens[j]) {
                if personFollows(tokens, from: j + 1, persons: persons, roles: roles) { return true }
                // "spoke to reaffirm": the purpose of speaking, not whom.
                purpose = tokens[j].word == .to && j + 1 < tokens.endIndex && !tokens[j + 1].isCapitalized
                    && !objectModifiers.contains(tokens[j + 1]) && tokens[j + 1].kind == .word
                if !purpose { return false }
                break
            }
            j += 1
        }
        let timed = timeOrModeFollows(tokens, after: term.upperBound, modeWords: modeWords, lexicon: lexicon)
        // "the two leaders spoke today", "they spoke by phone": the group just before the verb.
        if timed, groups.contains(where: { $0.upperBound <= term.lowerBound && term.lowerBound - $0.upperBound <= 2 }) { return true }
        guard timed || purpose else { return false }
        // "X and Y spoke": two persons before the verb, in its clause, joined by "and".
        let before = persons.filter { $0.range.upperBound <= term.lowerBound
            && !tokens[$0.range.upperBound..<term.lowerBound].contains { MeetingScope.clauseOpeners.contains($0) || $0.word == .semicolon } }
        guard before.count >= 2 else { return false }
        let (a, b) = (before[before.count - 2], before[before.count - 1])
        return tokens[a.range.upperBound..<b.range.lowerBound].contains { $0.word == .and }
    }

    /// True when an official goes where a word of travel says: a person named before the word in its
    /// clause, at most ten words away, a name counting as one and an aside after it skipped ("German
    /// Chancellor Friedrich Merz travelled to Paris", "Scholz, who faces a vote, travels to Warsaw"), or
    /// after it past "by" ("a tour of Asia by Macron").
    static func hasTraveller(_ tokens: ArraySlice<Token>, term: Range<Int>, persons: [PersonMention], names: [Range<Int>]) -> Bool {
        // An aside between the official and the word is skipped: "Scholz, who faces a vote, travels to Warsaw".
        let asides = AsideFinder.asides(in: tokens)
        return persons.contains { p in
            if p.range.upperBound <= term.lowerBound {
                var from = p.range.upperBound
                while from < term.lowerBound, asides.contains(from) { from += 1 }
                return CueScope.distance(tokens, from: from, to: term.lowerBound, names: names).map { $0 <= 10 } ?? false
            }
            return p.range.lowerBound > term.upperBound && tokens[term.upperBound..<p.range.lowerBound].contains { $0.word == .by }
                && p.range.lowerBound - term.upperBound <= 8
        }
    }

    /// True when a verb of welcoming at `term` admits its object to a body rather than receiving a visitor:
    /// "into" follows the object ("to welcome them into the Alliance"), or "to" and an organization ("welcomed
    /// Finland to NATO"); "welcomed Modi to Beijing" receives him.
    static func admits(_ tokens: ArraySlice<Token>, term: Range<Int>, organizations: [(name: String, range: Range<Int>)]) -> Bool {
        var j = term.upperBound
        while j < tokens.endIndex, j < term.upperBound + 8, tokens[j].kind != .punctuation {
            if tokens[j].folded == "into" { return true }
            if tokens[j].word == .to {
                let next = j + 1 < tokens.endIndex && tokens[j + 1].word == .the ? j + 2 : j + 1
                return organizations.contains { $0.range.lowerBound == next }
            }
            j += 1
        }
        return false
    }

    /// Words of time that may follow a verb of speaking: "spoke today", "spoke yesterday evening".
    static let timeWords = Lexicon.words(.speechTimeWords)

    /// True when the words just after a verb of speaking say when or how ("spoke today", "spoke on
    /// Tuesday", "spoke by phone", "spoke on the margins of"), or the clause ends there ("spoke.").
    static func timeOrModeFollows(_ tokens: ArraySlice<Token>, after end: Int, modeWords: [Range<Int>], lexicon: Lexicon) -> Bool {
        guard end < tokens.endIndex else { return true }
        if [.period, .semicolon].contains(tokens[end].word) { return true }
        if modeWords.contains(where: { $0.lowerBound >= end && $0.lowerBound <= end + 1 }) { return true }
        let t = tokens[end]
        guard timeWords.contains(t) else { return false }
        // "on" dates the call only before a day or a month ("on Tuesday", "on 6 May"), not "on the need".
        guard t.word == .on else { return true }
        guard end + 1 < tokens.endIndex else { return false }
        let next = tokens[end + 1]
        return next.kind == .number || lexicon.weekdayTable[next] != nil || lexicon.monthTable[next] != nil
    }

    /// Words that may stand between a preposition and the person it introduces: determiners and the
    /// modifiers of a title ("with his Turkish counterpart", "with the visiting Prime Minister").
    static let objectModifiers = Lexicon.words(.objectModifiers)

    /// True when a person begins within a few words from `start`: a named person, a word that stands for
    /// one ("counterpart", "him") or a title. Before it may stand only determiners, modifiers of a title
    /// and capitalized words such as demonyms ("his Turkish counterpart"); the object ends at
    /// punctuation, except after a capitalized word ("His Highness, Crown Prince ...").
    static func personFollows(_ tokens: ArraySlice<Token>, from start: Int, persons: [PersonMention],
                              roles: PhraseMatcher<RoleKind>) -> Bool {
        var j = start
        while j < tokens.endIndex, j < start + 8 {
            let t = tokens[j]
            // A demonym only modifies the person that follows ("his Turkish counterpart"), not others
            // ("spoke to American troops").
            if persons.contains(where: { $0.range.contains(j) }) || MeetingClauses.personWords.contains(t)
                || roles.longestMatch(in: tokens, at: j) != nil { return true }
            if t.kind == .punctuation {
                guard t.word == .comma, j > start, tokens[j - 1].isCapitalized else { return false }
            } else if !t.isCapitalized, !objectModifiers.contains(t) {
                return false
            }
            j += 1
        }
        return false
    }

    /// Nouns that name a gathering: after an organization's name or inside an event's own name they name
    /// a multilateral gathering, not an encounter of two sides.
    static let gatheringNouns = Lexicon.words(.gatheringNouns)

    /// True when the meeting word at `term` names a gathering of many: it follows an organization's name
    /// ("the G20 summit", "the Quad meetings", "the NATO meeting"), or it is a capitalized word of an
    /// event's own name not made of the sides' names ("the Leaders Summit on Climate", "the Summit of the
    /// Americas", "the Asia-Europe Meeting"); "the U.S.-Russia Summit" names its sides and is an encounter.
    static func namesGathering(_ tokens: ArraySlice<Token>, term: Range<Int>, organizations: [(name: String, range: Range<Int>)],
                               countries: [CountryMention], persons: [PersonMention]) -> Bool {
        let at = term.lowerBound
        guard gatheringNouns.contains(tokens[at]) else { return false }
        if organizations.contains(where: { $0.range.upperBound <= at && at - $0.range.upperBound <= 2 }) { return true }
        guard at > tokens.startIndex, tokens[at].isCapitalized else { return false }
        let previous = at - 1
        if countries.contains(where: { $0.range.contains(previous) }) || persons.contains(where: { $0.range.contains(previous) }) {
            return false
        }
        // Capitalized after a capitalized word, or before "of"/"on"/"for" and a capitalized word.
        if tokens[previous].isCapitalized, tokens[previous].kind == .word { return true }
        guard term.upperBound + 1 < tokens.endIndex else { return false }
        let next = tokens[term.upperBound]
        return [.of, .on, .for].contains(next.word) && (tokens[term.upperBound + 1].isCapitalized
            || (tokens[term.upperBound + 1].word == .the && term.upperBound + 2 < tokens.endIndex && tokens[term.upperBound + 2].isCapitalized))
    }

    /// Words that make a meeting word speak of earlier encounters: "previous discussions", "past meetings".
    static let earlierWords = Lexicon.words(.earlierWords)

    /// True when the meeting word at `term` speaks of earlier encounters in general ("as in previous
    /// discussions"): with no date in its sentence, it reports no encounter of its own.
    static func speaksOfEarlierEncounters(_ tokens: ArraySlice<Token>, term: Range<Int>) -> Bool {
        tokens[max(tokens.startIndex, term.lowerBound - 2)..<term.lowerBound].contains { earlierWords.contains($0) }
    }

    /// True when the phrase at `term` (a `head` phrase: "by phone", "on the sidelines of") modifies a
    /// meeting word of its clause that is denied: the nearest word reporting or denied within eight
    /// words, a name counting as one.
    static func modifiesDenied(_ tokens: ArraySlice<Token>, term: Range<Int>, terms: [PhraseMatcher<MeetingTerm>.Match],
                               verdicts: [Verdict], names: [Range<Int>]) -> Bool {
        var best: (distance: Int, verdict: Verdict)?
        for (other, verdict) in zip(terms, verdicts) where other.range != term && other.payloads.first?.need != .head
            && verdict != .other {
            let (lo, hi) = other.range.lowerBound < term.lowerBound ? (other.range.upperBound, term.lowerBound)
                : (term.upperBound, other.range.lowerBound)
            guard let d = CueScope.distance(tokens, from: lo, to: hi, names: names), d <= 8 else { continue }
            if best.map({ d < $0.distance }) ?? true { best = (d, verdict) }
        }
        return best?.verdict == .denied
    }

    /// Words past which a mode word speaks of another encounter: a clause of its own or the time of
    /// another event ("met on Thursday, a week after their phone call").
    static let modeBarriers = Lexicon.words(.modeBarriers)

    /// The mode of each meeting word: its own when it fixes one; else that of the nearest word of fixed
    /// mode in its clause, within eight words, a named person or country counting as one ("met
    /// virtually", "held talks by telephone", "had a conversation with President ... Xi Jinping via
    /// videoconference", "spoke on the margins of the summit"); else in person for `any` ("met", "talks")
    /// and a call for `spoken`: a readout's "spoke today with" is the genre's wording of a phone call.
    static func modes(_ tokens: ArraySlice<Token>, terms: [PhraseMatcher<MeetingTerm>.Match], names: [Range<Int>],
                      venues: [Range<Int>]) -> [MeetingMode] {
        terms.enumerated().map { k, t in
            guard let term = t.payloads.first else { return .inPerson }
            if let fixed = term.mode.fixed { return fixed }
            var best: (distance: Int, mode: MeetingMode)?
            for (i, other) in terms.enumerated() where i != k {
                guard let fixed = other.payloads.first?.mode.fixed else { continue }
                let (lo, hi) = other.range.lowerBound < t.range.lowerBound
                    ? (other.range.upperBound, t.range.lowerBound) : (t.range.upperBound, other.range.lowerBound)
                guard lo <= hi, !tokens[lo..<hi].contains(where: { modeBarriers.contains($0) }) else { continue }
                // Words between, a name counting as one.
                let inside = names.reduce(0) { n, r in n + max(0, min(r.upperBound, hi) - max(r.lowerBound, lo) - 1) }
                let distance = hi - lo - inside
                guard distance <= 8 else { continue }
                if best.map({ distance < $0.distance }) ?? true { best = (distance, fixed) }
            }
            if let best { return best.mode }
            return term.mode == .spoken && !placed(tokens, after: t.range.upperBound, venues: venues) ? .phone : .inPerson
        }
    }

    /// True when the clause after a verb of speaking says where it was spoken: "at" or "in" before a
    /// gathering or a city within twelve words ("spoke today with Prime Minister Suga at the G7"): a
    /// call has no place.
    static func placed(_ tokens: ArraySlice<Token>, after end: Int, venues: [Range<Int>]) -> Bool {
        var j = end
        while j < tokens.endIndex, j < end + 12, !modeBarriers.contains(tokens[j]) {
            if [.at, .in].contains(tokens[j].word),
               venues.contains(where: { $0.lowerBound > j && $0.lowerBound <= j + 2 }) { return true }
            j += 1
        }
        return false
    }
}
