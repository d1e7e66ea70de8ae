import BilatModel

/// How the officials of a sentence with several sides group into encounters. One meeting word whose
/// objects are officials of several countries joined by "and" reports one encounter of them all ("met
/// today with Prime Minister A of Sweden and President B of Finland": a trilateral), unless the sentence
/// says the talks were apart ("held separate talks with A, B and C") or were held at a gathering with
/// three or more ("on the first day of the G20 summit, met A, B and C"), and no cue says they met
/// together ("trilateral"): then one encounter each. Several
/// meeting verbs, each with its own object ("met A in the morning, then drove across the city to meet
/// B"), report one encounter each.
enum EncounterSplit {
    /// One of several encounters a sentence reports.
    struct Encounter: Equatable {
        /// Its sides: alpha-2 codes.
        var sides: [String]
        /// Its participants: indices into `People.persons`.
        var members: [Int]
        /// Its own date, when the sentence gives each encounter one ("Hanoi on Monday, Jakarta on Wednesday").
        var date: PartialDate?
        /// Its own place, when it is one stop of a tour: the capital visited, or none for a country.
        var place: String?? = .none
        /// A stop of a tour after the first, with no date of its own: it falls after the tour's day, within
        /// its month as far as the text tells.
        var laterStop = false
    }

    /// Who meets at each encounter of a sentence.
    enum Reading: Equatable {
        /// The sentence reports one encounter, of two sides or of the coordinated objects of its word.
        case single(joint: Bool)
        /// The encounters, by the start of the meeting word that reports them.
        case several([Int: [Encounter]])
    }

    /// Words that say a tour begins: its date is its first stop's.
    static let beginningWords = Lexicon.words(.tourBeginnings)

    /// Words that say coordinated officials were met one by one.
    static let apartWords = Lexicon.words(.apartWords)

    /// Words that may stand between coordinated officials: "A of Sweden and President B", "A, B and C".
    static let coordinationWords = Lexicon.words(.coordinationWords)

    /// `gathering`: the sentence names a summit or an organization's meeting; `together`: a cue says the
    /// sides met as one ("trilateral", "together").
    static func read(_ tokens: ArraySlice<Token>, terms: [PhraseMatcher<MeetingTerm>.Match], persons: [PersonMention],
                     people: People, countries: [CountryMention], roles: PhraseMatcher<RoleKind>,
                     gathering: Bool, together: Bool) -> Reading {
        guard persons.count >= 3 else { return .single(joint: false) }
        let officials = persons.filter { people.persons[$0.person].country != nil }
        guard let first = terms.first, officials.count >= 3 else { return .single(joint: false) }
        func side(_ p: PersonMention) -> String { people.persons[p.person].country! }
        func barrier(_ i: Int) -> Bool { CueScope.barriers.contains(tokens[i]) && tokens[i].word != .period }
        // The sentence's subject: the officials before its first meeting word, of one side.
        let subject = officials.filter { $0.range.upperBound <= first.range.lowerBound }
        guard Set(subject.map(side)).count == 1 else { return .single(joint: false) }
        // Each word's own clause: its subject, the officials after the last clause word before it that
        // no earlier word took as object, else the sentence's; its objects, the officials after it up to
        // the next clause word or meeting word, of another side than its subject.
        var taken = Set<Int>()
        var clauses: [(subject: [PersonMention], objects: [PersonMention])] = []
        for (i, t) in terms.enumerated() {
            let opening = (tokens.startIndex..<t.range.lowerBound).last(where: barrier).map { $0 + 1 } ?? tokens.startIndex
            var own = officials.filter { $0.range.lowerBound >= opening && $0.range.upperBound <= t.range.lowerBound
                && !taken.contains($0.range.lowerBound) }
            if own.isEmpty || i == 0 { own = subject }
            let next = i + 1 < terms.count ? terms[i + 1].range.lowerBound : tokens.endIndex
            let closing = (t.range.upperBound..<next).first(where: barrier) ?? next
            let sides = Set(own.map(side))
            let objects = officials.filter { $0.range.lowerBound >= t.range.upperBound && $0.range.lowerBound < closing
                && !sides.contains(side($0)) }
            taken.formUnion(objects.map(\.range.lowerBound))
            clauses.append((own, objects))
        }
        let verbs = terms.indices.filter { !clauses[$0].objects.isEmpty }
        if verbs.count >= 2, Set(verbs.map { Set((clauses[$0].subject + clauses[$0].objects).map(side)) }).count >= 2 {
            var groups: [Int: [Encounter]] = [:]
            for i in verbs { groups[terms[i].range.lowerBound] = [encounter(clauses[i].subject + clauses[i].objects, people: people)] }
            return .several(groups)
        }
        // One word with coordinated objects of several countries.
        guard let i = verbs.first, verbs.count == 1 else { return .single(joint: false) }
        let coordinated = coordination(tokens, clauses[i].objects, countries: countries, roles: roles)
        guard Set(coordinated.map(side)).count >= 2 else { return .single(joint: false) }
        let apart = tokens.contains { apartWords.contains($0) } || (coordinated.count >= 3 && gathering)
        guard apart, !together else { return .single(joint: true) }
        return .several([terms[i].range.lowerBound: coordinated.map { encounter(clauses[i].subject + [$0], people: people) }])
    }

    static func encounter(_ persons: [PersonMention], people: People) -> Encounter {
        var sides: [String] = []
        for p in persons { if let c = people.persons[p.person].country, !sides.contains(c) { sides.append(c) } }
        return Encounter(sides: sides, members: persons.map(\.person), date: nil)
    }

    /// A tour: a word of visiting whose destinations are several countries or capitals joined by "and" or
    /// commas, or a word of travel and its destinations, each with the date that follows it ("visited Hanoi
    /// on Monday, Jakarta on Wednesday and Manila on Friday", "a tour of Vietnam, Indonesia and the
    /// Philippines", "travelled to Paris and Warsaw on Wednesday"): one encounter each, of the visitors'
    /// side (the officials before the word, else the sentence's) and the host's, in the capital visited.
    /// A later stop with no date of its own falls after the day a tour begins: "began a tour of Vietnam,
    /// Indonesia and the Philippines on Monday" dates Vietnam Monday and the others that month;
    /// "travelled to Paris and Warsaw on Wednesday" dates both Wednesday. Nil when no such word names
    /// two hosts, or one for a word of travel.
    /// `participants`: the officials the sentence speaks of, named or not ("the two leaders").
    static func tour(_ tokens: ArraySlice<Token>, terms: [PhraseMatcher<MeetingTerm>.Match], persons: [PersonMention],
                     participants: [Int], people: People, countries: [CountryMention], dates: [DateExpression]) -> Reading? {
        for t in terms where MeetingClauses.goingWords.contains(tokens[t.range.lowerBound]) || t.payloads.first?.need == .destination {
            // The visitors: the officials before the word, else all the sentence's.
            let officials = persons.filter { people.persons[$0.person].country != nil }
            let subject = officials.filter { $0.range.upperBound <= t.range.lowerBound }
            let visitors = (subject.isEmpty ? officials : subject).map(\.person)
            let sides = Set(visitors.compactMap { people.persons[$0].country })
            guard sides.count == 1 else { continue }
            // The destinations: the first within three words after the word, then those joined to it.
            let hosts = countries.filter { $0.range.lowerBound >= t.range.upperBound && ($0.form == .name || $0.form == .capital)
                && !$0.possessive && !sides.contains($0.code) }
            guard let first = hosts.first, first.range.lowerBound - t.range.upperBound <= 3 else { continue }
            var list = [first]
            for next in hosts.dropFirst() {
                let gap = tokens[list.last!.range.upperBound..<next.range.lowerBound]
                let dated = dates.filter { $0.range.lowerBound >= list.last!.range.upperBound && $0.range.upperBound <= next.range.lowerBound }
                let rest = gap.count - dated.reduce(0) { $0 + $1.range.count }
                guard gap.contains(where: { [.and, .comma].contains($0.word) }), rest <= 3 else { break }
                list.append(next)
            }
            // A word of travel reads its one destination so too ("travelled to Paris", not to a clause's others).
            guard Set(list.map(\.code)).count >= 2 || t.payloads.first?.need == .destination else { continue }
            let owns = list.enumerated().map { k, host in
                let end = k + 1 < list.count ? list[k + 1].range.lowerBound : tokens.endIndex
                return dates.first { $0.range.lowerBound >= host.range.upperBound && $0.range.lowerBound <= host.range.upperBound + 1
                    && $0.range.upperBound <= end }
            }
            // A date after the last stop alone dates the whole list ("Vietnam, Indonesia and the Philippines on Monday").
            let ownDates = owns.compactMap { $0 }.count >= 2 ? owns : owns.map { _ in nil }
            // "began a tour of ... on Monday": the day dates the first stop only.
            let begins = tokens[max(tokens.startIndex, t.range.lowerBound - 3)..<t.range.lowerBound].contains { beginningWords.contains($0) }
            let encounters = list.enumerated().map { k, host in
                let own = ownDates[k]
                let city = host.form == .capital ? tokens[host.range].enumerated()
                    .map { i, t in (i > 0 && t.spaceBefore ? " " : "") + t.text }.joined() : nil
                // The hosts' officials the sentence names meet the visitors there.
                let hosts = participants.filter { people.persons[$0].country == host.code && !visitors.contains($0) }
                // One destination that is a country leaves the place to the sentence ("travelled to India
                // ... in New Delhi").
                let place: String?? = city != nil || list.count > 1 ? .some(city) : .none
                return Encounter(sides: [sides.first!, host.code], members: visitors + hosts, date: own?.date, place: place,
                                 laterStop: k > 0 && own == nil && begins)
            }
            return .several([t.range.lowerBound: encounters])
        }
        return nil
    }

    /// The first officials of `objects` joined by "and" or commas, with only titles, countries and
    /// determiners between them.
    static func coordination(_ tokens: ArraySlice<Token>, _ objects: [PersonMention], countries: [CountryMention],
                             roles: PhraseMatcher<RoleKind>) -> [PersonMention] {
        guard var last = objects.first else { return [] }
        var joined = [last]
        for next in objects.dropFirst() {
            var j = last.range.upperBound
            var linked = false
            while j < next.range.lowerBound {
                if let c = countries.first(where: { $0.range.lowerBound == j }) { j = c.range.upperBound; continue }
                if let r = roles.longestMatch(in: tokens, at: j) { j = r.range.upperBound; continue }
                guard coordinationWords.contains(tokens[j]) || tokens[j].isCapitalized else { return joined }
                if [.and, .comma].contains(tokens[j].word) { linked = true }
                j += 1
            }
            guard linked else { return joined }
            joined.append(next)
            last = next
        }
        return joined
    }
}
