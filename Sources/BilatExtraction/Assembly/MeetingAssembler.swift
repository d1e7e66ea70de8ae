import BilatModel

/// Meetings: a sentence with a meeting word, officials (or countries) of two or more sides, and a date,
/// place, mode and status read from the same sentence. Mentions of one encounter are merged.
///
/// Each sentence (`MeetingSentence`) passes through named stages, listed in `read`: each reads the
/// sentence and the article's discourse (`MeetingDiscourse`, an explicit state passed from sentence to
/// sentence) and fills what the sentence reports (`MeetingReport`, with one `MeetingCandidate` per
/// meeting word); the last (EncounterRecord.swift) records each encounter in the discourse, which merges
/// mentions of one encounter.
/// A class, as `PeopleResolver` is: a struct holding the gazetteer, the lexicon and the place reader was
/// copied, every reference retained, at each closure that captured it.
final class MeetingAssembler: Sendable {
    let gazetteer: Gazetteer
    let dates: DateResolver
    let article: Article
    let places: PlaceReader

    /// `names` is the extractor's reader, built once: building one compiles the lexicon's word lists.
    init(gazetteer: Gazetteer, dates: DateResolver, article: Article, names: NameReader) {
        self.gazetteer = gazetteer
        self.dates = dates
        self.article = article
        places = PlaceReader(gazetteer: gazetteer, names: names, article: article)
    }

    func meetings(sentences: [TokenSentence], mentions: [SentenceMentions], people: People) -> [Meeting] {
        var discourse = MeetingDiscourse()
        // By index, the sentences read in place: `enumerated()` copied each sentence out of the array.
        for n in sentences.indices {
            discourse.open(sentences[n].tokens)
            var sentence = MeetingSentence(sentences[n], mentions: mentions[n], persons: people.mentions[n],
                                           reference: discourse.referenceDate(published: dates.published),
                                           cues: gazetteer.meetingCues, dates: dates)
            read(&sentence, &discourse, people: people)
            discourse.close(sentence, people: people)
        }
        return discourse.meetings
    }

    /// The stages, in order. A stage that finds the sentence reports no new encounter ends its reading.
    private func read(_ sentence: inout MeetingSentence, _ discourse: inout MeetingDiscourse, people: People) {
        var report = triggers(sentence)
        if attendance(report, sentence, &discourse, people: people) { return }
        guard !report.terms.isEmpty else { return }
        if placeOfLast(report, sentence, &discourse) { return }
        modesAndStatus(&report, sentence)
        clauseOfficials(&report, sentence)
        groupWords(&report, sentence, discourse, people: people)
        pronouns(&report, sentence, discourse)
        sides(&report, sentence, people: people)
        guard report.sides.count >= 2 else { return }
        encounters(&report, sentence, discourse, people: people)
        if joinsReported(report, &sentence, &discourse, people: people) { return }
        wordDates(&report, &sentence)
        tour(&report, sentence, people: people)
        record(report, sentence, &discourse, people: people)
    }

    // MARK: Stages

    /// The meeting words that report an encounter (`MeetingWording`); "the visit", "Starmer's visit", "the
    /// Hanoi summit" refer to the encounter already reported, not a new one, and are kept only when no
    /// other word reports one.
    private func triggers(_ sentence: MeetingSentence) -> MeetingReport {
        let tokens = sentence.tokens
        let terms = MeetingWording.reportingTerms(tokens, matches: gazetteer.meetingTerms.matches(in: tokens), cues: sentence.cueMatches,
                                                  persons: sentence.persons, mentions: sentence.mentions, roles: gazetteer.roles,
                                                  lexicon: dates.lexicon, dated: sentence.givenDate != nil)
        let fresh = terms.filter { !MeetingScope.refersBack(tokens, term: $0.range) }
        return MeetingReport(terms: fresh.isEmpty ? terms : fresh, refersBack: fresh.isEmpty)
    }

    /// "Vance sat in on the meeting", "his delegation included ...": officials present at the encounter
    /// last reported join it.
    private func attendance(_ report: MeetingReport, _ sentence: MeetingSentence, _ discourse: inout MeetingDiscourse,
                            people: People) -> Bool {
        guard sentence.cues.contains(.attendance), let target = discourse.lastMeeting, report.refersBack else { return false }
        let countries = discourse.meetings[target].countries
        let present = sentence.persons.map { people.persons[$0.person] }
            .filter { p in p.country.map(countries.contains) ?? false }.map(\.name)
        discourse.join(target, names: present, span: sentence.span)
        return true
    }

    /// "the guarantors of the talks, along with Cuba and Norway": a meeting word that refers back, in a
    /// sentence that names no official, reports no new encounter; "The talks took place at the Kremlin"
    /// gives the encounter just reported its place.
    private func placeOfLast(_ report: MeetingReport, _ sentence: MeetingSentence, _ discourse: inout MeetingDiscourse) -> Bool {
        guard report.refersBack, sentence.persons.isEmpty else { return false }
        discourse.placeLast {
            places.place(in: sentence.tokens, mentions: sentence.mentions, people: sentence.persons, near: report.trigger.range.lowerBound)
        }
        return true
    }

    /// Whether a cue announces the encounters (they are planned), and each meeting word's mode
    /// (`MeetingWording.modes`); a verb of speaking placed at a gathering or in a capital is no call.
    private func modesAndStatus(_ report: inout MeetingReport, _ sentence: MeetingSentence) {
        let (tokens, terms, mentions) = (sentence.tokens, report.terms, sentence.mentions)
        // The meeting words a cue announces; the others of the sentence are held ("meets X, and he will visit Y").
        let announced = MeetingScope.announcedTerms(tokens, cues: sentence.cueMatches, terms: terms.map(\.range),
                                                    asides: sentence.asides, speechVerbs: gazetteer.speechVerbs)
        report.future = !announced.isEmpty
        report.names = sentence.persons.map(\.range) + mentions.countries.map(\.range)
        let venues: [Range<Int>] = !terms.contains { $0.payloads.first?.mode == .spoken } ? []
            : mentions.organizations.map(\.range) + mentions.countries.filter { $0.form == .capital }.map(\.range)
        let modes = MeetingWording.modes(tokens, terms: terms, names: report.names, venues: venues)
        report.candidates = zip(terms, modes).map { MeetingCandidate(trigger: $0, mode: $1, announced: announced.contains($0.range.lowerBound)) }
    }

    /// The officials of the meeting words' clauses; "told reporters after the meeting": a meeting word in
    /// a time adjunct names only those after it.
    private func clauseOfficials(_ report: inout MeetingReport, _ sentence: MeetingSentence) {
        let tokens = sentence.tokens
        var taking = MeetingClauses.participantMentions(tokens, persons: sentence.persons,
                                                        termStarts: Set(report.terms.map(\.range.lowerBound)))
        if let adjunct = MeetingClauses.timeAdjunct(tokens, terms: report.terms.map(\.range)) {
            taking = taking.filter { adjunct.contains($0.range.lowerBound) }
        }
        report.taking = taking
        report.participants = taking.map(\.person)
    }

    /// "The two leaders", "their": the officials already met, when the sentence names no pair itself, and
    /// the group is not the subject of a clause that announces the meeting ("the two leaders agreed that
    /// the envoys would meet"). The group stands for the main encounter's sides and the officials its first
    /// report named; with no encounter reported yet ("Bush praised Sharon's initiative. The two leaders met
    /// in Texas."), for the last two officials of different sides named before.
    private func groupWords(_ report: inout MeetingReport, _ sentence: MeetingSentence, _ discourse: MeetingDiscourse,
                            people: People) {
        let (tokens, term) = (sentence.tokens, report.trigger.range)
        let namedSides = Set(sentence.persons.compactMap { people.persons[$0.person].country })
        guard namedSides.count < 2 else { return }
        // A group word past the object of "with" belongs to whom the encounter was with ("speaking with
        // leaders in three capitals to offer advice on their circumstances"), not to the article's pair.
        let group = sentence.cueMatches.contains { c in
            c.payloads.contains { $0.cue == .group } && !MeetingClauses.clauseBoundary(tokens, between: c.range.lowerBound, and: term.lowerBound)
                && !(c.range.lowerBound > term.upperBound + 2 && term.upperBound < tokens.endIndex
                     && tokens[term.upperBound].word == .with)
        }
        guard group else { return }
        report.main = discourse.meetings.first
        if report.main != nil { report.participants += discourse.mainParticipants }
        if discourse.meetings.isEmpty { report.participants += discourse.named.pair }
    }

    /// "he met": a subject pronoun before the meeting word stands for the last subject. "host him", "to
    /// meet him": an object pronoun of a meeting verb stands for a person the sentence named before its
    /// verb's subject, else for the last subject.
    private func pronouns(_ report: inout MeetingReport, _ sentence: MeetingSentence, _ discourse: MeetingDiscourse) {
        let tokens = sentence.tokens
        let pronoun = MeetingScope.subjectPronoun(tokens, persons: sentence.persons, before: report.trigger.range.lowerBound)
        if pronoun != nil, let subject = discourse.lastSubject { report.participants.insert(subject, at: 0) }
        let objectPronoun = MeetingScope.objectPronoun(tokens, terms: report.terms.map(\.range))
        let taking = report.taking
        let objectReferent = objectPronoun.flatMap { at in
            MeetingScope.antecedent(tokens, persons: taking, before: at - 1, subjectPronoun: pronoun).map { taking[$0].person }
                ?? discourse.lastSubject
        }
        if let objectReferent { report.participants.append(objectReferent) }
        (report.subjectPronoun, report.objectPronoun, report.objectReferent) = (pronoun, objectPronoun, objectReferent)
    }

    /// The participants' countries, with the main encounter's for a group word; when the officials name
    /// fewer than two, the countries the sentence names as sides ("the foreign ministers of Saudi Arabia
    /// and Iran met", `NamedSides`). An official of an international body serves no side, and then the
    /// countries the sentence names with them are what they met about ("met the NATO Secretary General to
    /// discuss Ukraine"), and the article's countries fill no side ("we have spoken to the NATO Secretary
    /// General" in a report of two leaders' talks is no call between them).
    private func sides(_ report: inout MeetingReport, _ sentence: MeetingSentence, people: People) {
        report.meetsInternational = report.participants.contains { people.persons[$0].international }
        report.participants = unique(report.participants).filter { people.persons[$0].country != nil }
        var countries = unique(report.participants.compactMap { people.persons[$0].country }
                               + (report.meetsInternational ? [] : report.main?.countries ?? []))
        if countries.count < 2, !report.meetsInternational {
            countries = NamedSides.countries(sentence.tokens, officialSides: countries, term: report.trigger.range, terms: report.terms,
                                             cues: sentence.cueMatches, mentions: sentence.mentions, persons: sentence.persons,
                                             asides: sentence.insideAsides, roles: gazetteer.roles, names: report.names)
        }
        report.sides = countries
    }

    /// How the officials group into encounters (`EncounterSplit`); a sentence of more than two sides that
    /// reports one encounter of two keeps the two named closest to the meeting word.
    private func encounters(_ report: inout MeetingReport, _ sentence: MeetingSentence, _ discourse: MeetingDiscourse,
                            people: People) {
        let tokens = sentence.tokens
        report.reading = EncounterSplit.read(tokens, terms: report.terms, persons: report.taking, people: people,
                                             countries: sentence.mentions.countries, roles: gazetteer.roles,
                                             gathering: !sentence.mentions.organizations.isEmpty || tokens.contains { $0.word == .summit },
                                             together: sentence.cues.contains(.multilateral))
        guard report.sides.count > 2, !sentence.cues.contains(.multilateral), report.reading != .single(joint: true) else { return }
        let anchor = report.trigger.range.lowerBound
        var distance: [String: Int] = [:]
        // A pronoun stands for the last subject where the pronoun stands; coordinated officials ("X and Y
        // would travel to meet him") are one argument, as near as the nearer of them.
        for (at, person) in [(report.subjectPronoun, discourse.lastSubject), (report.objectPronoun, report.objectReferent)] {
            if let at, let person, let c = people.persons[person].country {
                distance[c] = min(distance[c] ?? .max, abs(at - anchor))
            }
        }
        let nearness = MeetingScope.coordinatedDistances(tokens, persons: report.taking, anchor: anchor)
        for (pm, d) in zip(report.taking, nearness) {
            guard let c = people.persons[pm.person].country else { continue }
            distance[c] = min(distance[c] ?? .max, d)
        }
        // Keep the sides of the two arguments nearest the meeting word.
        let countries = report.sides
        let sorted = countries.sorted { (distance[$0] ?? .max) < (distance[$1] ?? .max) }
        let nearest = Set(Set(countries.compactMap { distance[$0] }).sorted().prefix(2))
        let kept = sorted.filter { distance[$0].map(nearest.contains) ?? false }
        let sides = kept.count >= 2 ? kept : Array(sorted.prefix(2))
        report.sides = sides
        report.participants = report.participants.filter { people.persons[$0].country.map(sides.contains) ?? false }
    }

    /// A sentence that only refers back to a reported encounter, with no date of its own, adds its
    /// officials to it: the last encounter of them all, else of its sides. Dates of a relative clause
    /// describe a person or thing, not the encounter.
    private func joinsReported(_ report: MeetingReport, _ sentence: inout MeetingSentence, _ discourse: inout MeetingDiscourse,
                               people: People) -> Bool {
        guard report.refersBack, !discourse.meetings.isEmpty else { return false }
        let tokens = sentence.tokens
        let insideRelative = AsideFinder.inside(sentence.asides.filter { !$0.ownEvent })
        let past = sentence.expressions(future: false, dates: dates)
        guard !past.contains(where: { e in
            MeetingSentence.datesEncounter(e, in: tokens) && !insideRelative.contains(e.range.lowerBound)
        }) else { return false }
        let meetings = discourse.meetings
        let names = Set(report.participants.map { people.persons[$0].name })
        let target = names.isEmpty ? nil : meetings.lastIndex { names.isSubset(of: $0.participants) }
        if let target = target ?? meetings.lastIndex(where: { Set(report.sides).isSubset(of: $0.countries) }) {
            let countries = meetings[target].countries
            let joining = report.participants.map { people.persons[$0] }
                .filter { p in p.country.map(countries.contains) ?? false }.map(\.name)
            discourse.join(target, names: joining, span: sentence.span)
            discourse.lastMeeting = target
        }
        return true
    }

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        // A sentence names a few: compared in a list, without hashing into a set made for each.
        if items.count <= 16 {
            var kept: [T] = []
            kept.reserveCapacity(items.count)
            for item in items where !kept.contains(item) { kept.append(item) }
            return kept
        }
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
