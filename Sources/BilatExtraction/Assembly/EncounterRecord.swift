import BilatModel

/// The last stages of `MeetingAssembler.read`: the dates of a sentence's meeting words, a tour's stops,
/// and each encounter's date, status and place, recorded in the discourse.
extension MeetingAssembler {
    /// Each meeting word takes the date just after it, else the nearest before, else the nearest of its
    /// clause ("visits Cambodia after the border clashes earlier this year" dates the clashes, not the
    /// visit); words without a date of their own join the nearest dated word, so one sentence may report
    /// several encounters. A meeting word inside an aside that reports an event of its own ("since
    /// Scholz's visit to Nairobi in May last year") takes the dates of its aside, read as past.
    func wordDates(_ report: inout MeetingReport, _ sentence: inout MeetingSentence) {
        let (tokens, insideAsides) = (sentence.tokens, sentence.insideAsides)
        let read = sentence.expressions(future: report.future, dates: dates)
        let expressions = read.filter { e in
            MeetingSentence.datesEncounter(e, in: tokens) && !insideAsides.contains(e.range.lowerBound)
        }
        report.expressions = expressions
        let ownEvents = sentence.asides.filter { $0.ownEvent }
        let past = ownEvents.isEmpty ? [] : sentence.expressions(future: false, dates: dates).filter { MeetingSentence.datesEncounter($0, in: tokens) }
        let cues = sentence.cueMatches
        for k in report.candidates.indices {
            let (t, at) = (report.candidates[k].trigger, report.candidates[k].at)
            // A held word of a sentence that also announces reads its dates as past ("meets X on Monday,
            // and he will visit Y").
            let heldAmongAnnounced = report.future && !report.candidates[k].announced
            let expressions = ownEvents.last { $0.range.contains(at) }.map { a in
                past.filter { a.range.contains($0.range.lowerBound) }
            } ?? (heldAmongAnnounced ? sentence.expressions(future: false, dates: dates).filter { e in
                MeetingSentence.datesEncounter(e, in: tokens) && !insideAsides.contains(e.range.lowerBound)
            } : expressions)
            // A date past ", and they" belongs to the clause it is in ("meets X, and the two will meet again next month").
            let ownClause = { (e: DateExpression) in e.range.lowerBound < at
                || !FutureScope.coordinatedClause(tokens, in: t.range.upperBound..<e.range.lowerBound, cues: cues) }
            let after = expressions.filter { $0.range.lowerBound >= t.range.upperBound && $0.range.lowerBound - at <= 14 && ownClause($0) }.first
            let before = expressions.filter { $0.range.upperBound <= at }.last
            let any = expressions.filter { e in
                e.range.lowerBound < at ? CueScope.distance(tokens, from: e.range.upperBound, to: at, names: []) != nil
                    : CueScope.distance(tokens, from: t.range.upperBound, to: e.range.lowerBound, names: []) != nil && ownClause(e)
            }.min { abs($0.range.lowerBound - at) < abs($1.range.lowerBound - at) }
            report.candidates[k].date = (after ?? before ?? any)?.date
        }
        let own = report.candidates.filter { $0.date != nil }
        guard !own.isEmpty else { return }
        for k in report.candidates.indices where report.candidates[k].date == nil {
            let at = report.candidates[k].at
            // Not across ", and they": another clause's encounter ("meets X, and the two will meet again in May").
            report.candidates[k].date = own.filter { o in
                !FutureScope.coordinatedClause(tokens, in: min(o.at, at)..<max(o.at, at), cues: cues)
            }.min { abs($0.at - at) < abs($1.at - at) }?.date
        }
    }

    /// "visited Hanoi on Monday, Jakarta on Wednesday and Manila on Friday": a tour, one encounter a host.
    func tour(_ report: inout MeetingReport, _ sentence: MeetingSentence, people: People) {
        guard report.reading == .single(joint: false),
              let tour = EncounterSplit.tour(sentence.tokens, terms: report.terms, persons: report.taking,
                                             participants: report.participants, people: people,
                                             countries: sentence.mentions.countries, dates: report.expressions) else { return }
        report.reading = tour
    }

    /// Each meeting word's encounters, each once (date, mode, sides), with their date, status and place,
    /// recorded in the discourse, which merges mentions of one encounter.
    func record(_ report: MeetingReport, _ sentence: MeetingSentence, _ discourse: inout MeetingDiscourse,
                        people: People) {
        var seen: [(date: PartialDate?, mode: MeetingMode, sides: [String])] = []
        for candidate in report.candidates {
            for encounter in report.encounters(at: candidate.at) where encounter.sides.count >= 2 {
                var date = encounter.date ?? candidate.date
                if encounter.laterStop, let day = date, day.precision == .day { date = PartialDate(year: day.year, month: day.month) }
                let key = (date: date, mode: candidate.mode, sides: encounter.sides.sorted())
                if seen.contains(where: { $0.date == key.date && $0.mode == key.mode && $0.sides == key.sides }) { continue }
                seen.append(key)
                guard let (date, status, byPublication) = dateAndStatus(date, announced: candidate.announced, discourse)
                else { continue }
                let place = place(of: encounter, candidate, date: date, status: status, sentence)
                let meeting = Meeting(date: date, countries: encounter.sides, participants: encounter.members.map { people.persons[$0].name },
                                      place: place, mode: candidate.mode, status: status, spans: [sentence.span])
                discourse.record(meeting, members: encounter.members,
                                 separate: MeetingClauses.marksSeparate(sentence.tokens, term: candidate.at),
                                 group: sentence.cues.contains(.group), byPublication: byPublication)
            }
        }
    }

    // MARK: An encounter's date, status and place

    /// An announced encounter takes the time an announcement just gave ("On Thursday, X will address
    /// Congress. Y will then host him"); a held one in an undated narrative, the time the paragraph just
    /// gave; else the article's main encounter's, the first held one; else the article's date. An article
    /// that gives no date at all reports its first encounter undated; nil: an encounter left undated is
    /// none. An encounter announced or dated after publication is planned. `byPublication`: the date is
    /// the article's alone.
    private func dateAndStatus(_ own: PartialDate?, announced future: Bool, _ discourse: MeetingDiscourse)
        -> (date: PartialDate?, status: MeetingStatus, byPublication: Bool)? {
        var date = own
        var byPublication = false
        if date == nil, future, discourse.paragraphAnnounces { date = discourse.paragraphDate }
        if date == nil, !future {
            date = (dates.published == nil ? discourse.paragraphDate : nil)
                ?? discourse.meetings.first { $0.status == .held }?.date
            if date == nil, let published = dates.published {
                date = published
                byPublication = true
            }
        }
        let undatable = date == nil && !future && dates.published == nil && discourse.meetings.isEmpty && discourse.paragraphDate == nil
        guard date != nil || undatable else { return nil }
        let late = date.flatMap { d in dates.published.map { d > $0 && !d.isCompatible(with: $0) } } ?? false
        return (date, future || late ? .planned : .held, byPublication)
    }

    /// A tour's stop is at its own place; an encounter in person, where its sentence says near its meeting
    /// word; a held one of the article's day in a datelined story, in the dateline city unless told otherwise.
    private func place(of encounter: EncounterSplit.Encounter, _ candidate: MeetingCandidate, date: PartialDate?,
                       status: MeetingStatus, _ sentence: MeetingSentence) -> String? {
        let inPerson = candidate.mode == .inPerson
        var place = encounter.place
            ?? (inPerson ? places.place(in: sentence.tokens, mentions: sentence.mentions, people: sentence.persons, near: candidate.at) : nil)
        if place == nil, inPerson, status == .held, date == dates.published { place = places.articlePlace()?.name }
        return place
    }
}
