import BilatModel

/// Meetings: a sentence with a meeting word, officials (or countries) of two or more sides, and a date,
/// place, mode and status read from the same sentence. Mentions of one encounter are merged.
/// A class, as `PeopleResolver` is: the closures of `meetings` capture it, and a struct holding the
/// gazetteer, the lexicon and the place reader was copied, every reference retained, at each capture.
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
        var meetings: [Meeting] = []
        var mergeIndex = MergeIndex()
        var lastSubject: Int?
        // The officials of the main encounter as its first mention that names any gives them.
        var mainParticipants: [Int] = []
        var lastMeeting: Int?
        // The last date the previous sentence of the paragraph gave, outside its asides.
        var previousDate: PartialDate?
        var previousAnnounces = false
        // The last official named, and the last one named before of another side.
        var named = MeetingScope.LastPair()
        for (n, s) in sentences.enumerated() {
            let tokens = s.tokens
            let sm = mentions[n]
            let personMentions = people.mentions[n]
            defer {
                if let first = personMentions.first { lastSubject = first.person }
                for m in personMentions { named.add(m.person, people: people) }
            }
            // The narrative's reference time: the date the paragraph just gave, else the encounter last reported.
            if tokens.first?.newlineBefore == true { previousDate = nil }
            let reference = previousDate ?? lastMeeting.flatMap { meetings[$0].date } ?? dates.published
            // The sentence's date expressions, read as announced or as past: each reading once a sentence.
            // Two slots, not a dictionary keyed by the flag: one was made and hashed into every sentence.
            var readings: (past: [DateExpression]?, future: [DateExpression]?)
            func readDates(future: Bool) -> [DateExpression] {
                if let found = future ? readings.future : readings.past { return found }
                let found = dates.expressions(in: tokens, future: future, reference: reference)
                if future { readings.future = found } else { readings.past = found }
                return found
            }
            let cueMatches = gazetteer.meetingCues.matches(in: tokens)
            let announcing = cueMatches.contains { $0.payloads.contains { $0.cue == .future } }
            // The sentence's asides (parentheses, relative clauses), found once.
            // Found when first asked: a sentence with no date and no meeting word never asks.
            lazy var asides = AsideFinder.ranges(in: tokens)
            lazy var sentenceAsides = AsideFinder.inside(asides)
            let givenDate = readDates(future: announcing)
                .last { !sentenceAsides.contains($0.range.lowerBound) }?.date
            let (paragraphDate, paragraphAnnounces) = (previousDate, previousAnnounces)
            defer {
                if givenDate != nil { previousAnnounces = announcing }
                previousDate = givenDate ?? previousDate
            }
            var terms = MeetingWording.reportingTerms(tokens, matches: gazetteer.meetingTerms.matches(in: tokens), cues: cueMatches,
                                                      persons: personMentions, mentions: sm, roles: gazetteer.roles,
                                                      lexicon: dates.lexicon, dated: givenDate != nil)
            // "the visit", "Starmer's visit", "the Hanoi summit": the encounter already reported, not a new one.
            let anaphoric = terms.filter { MeetingScope.refersBack(tokens, term: $0.range) }.map(\.range.lowerBound)
            let fresh = terms.filter { !anaphoric.contains($0.range.lowerBound) }
            if !fresh.isEmpty { terms = fresh }
            let cues = Set(cueMatches.flatMap { $0.payloads.map(\.cue) })
            // "Vance sat in on the meeting", "his delegation included ...": officials present at the encounter
            // last reported join it.
            if cues.contains(.attendance), let target = lastMeeting, fresh.isEmpty {
                let present = personMentions.map { people.persons[$0.person] }
                    .filter { p in p.country.map(meetings[target].countries.contains) ?? false }.map(\.name)
                meetings[target].participants = Array(Set(meetings[target].participants).union(present)).sorted()
                if !meetings[target].spans.contains(s.span) { meetings[target].spans.append(s.span) }
                continue
            }
            guard let term = terms.first else { continue }
            // Persons and countries, each counting as one word in the distances of the clause rules.
            let names = personMentions.map(\.range) + sm.countries.map(\.range)
            // "the guarantors of the talks, along with Cuba and Norway": a meeting word that refers back, in a
            // sentence that names no official, reports no new encounter.
            if fresh.isEmpty, personMentions.isEmpty {
                // "The talks took place at the Kremlin": the encounter just reported is given its place.
                if let target = lastMeeting, meetings[target].place == nil, meetings[target].mode == .inPerson,
                   let place = places.place(in: tokens, mentions: sm, people: personMentions, near: term.range.lowerBound) {
                    meetings[target].place = place
                }
                continue
            }
            let future = MeetingScope.announces(tokens, cues: cueMatches, terms: terms.map(\.range))
            let termModes = MeetingWording.modes(tokens, terms: terms, names: names,
                                                 venues: !terms.contains { $0.payloads.first?.mode == .spoken } ? []
                                                    : sm.organizations.map(\.range) + sm.countries.filter { $0.form == .capital }.map(\.range))

            var taking = MeetingClauses.participantMentions(tokens, persons: personMentions, termStarts: Set(terms.map(\.range.lowerBound)))
            // "told reporters after the meeting": a meeting word in a time adjunct names only those after it.
            if let adjunct = MeetingClauses.timeAdjunct(tokens, terms: terms.map(\.range)) {
                taking = taking.filter { adjunct.contains($0.range.lowerBound) }
            }
            var participants: [Int] = taking.map(\.person)
            // "The two leaders", "their": the officials already met, when the sentence names no pair itself,
            // and the group is not the subject of a clause that announces the meeting ("the two leaders
            // agreed that the envoys would meet").
            let namedSides = Set(personMentions.compactMap { people.persons[$0.person].country })
            // A group word past the object of "with" belongs to whom the encounter was with ("speaking
            // with leaders in three capitals to offer advice on their circumstances"), not to the article's pair.
            let group = cueMatches.contains { c in
                c.payloads.contains { $0.cue == .group } && !MeetingClauses.clauseBoundary(tokens, between: c.range.lowerBound, and: term.range.lowerBound)
                    && !(c.range.lowerBound > term.range.upperBound + 2 && term.range.upperBound < tokens.endIndex
                         && tokens[term.range.upperBound].word == .with)
            }
            // The group stands for the main encounter's sides and the officials its first report named.
            let main = group && namedSides.count < 2 ? meetings.first : nil
            if main != nil { participants += mainParticipants }
            // "Bush praised Sharon's initiative. The two leaders met in Texas.": with no encounter reported
            // yet, the group is the last two officials of different sides named before.
            if group, namedSides.count < 2, meetings.isEmpty { participants += named.pair }
            let pronoun = MeetingScope.subjectPronoun(tokens, persons: personMentions, before: term.range.lowerBound)
            if pronoun != nil, let subject = lastSubject { participants.insert(subject, at: 0) }
            // "host him", "to meet him": an object pronoun of a meeting verb stands for a person the
            // sentence named before its verb's subject, else for the last subject.
            let objectPronoun = MeetingScope.objectPronoun(tokens, terms: terms.map(\.range))
            let objectReferent = objectPronoun.flatMap { at in
                MeetingScope.antecedent(tokens, persons: taking, before: at - 1, subjectPronoun: pronoun).map { taking[$0].person } ?? lastSubject
            }
            if let objectReferent { participants.append(objectReferent) }
            // An official of an international body serves no side; the countries the sentence names with them
            // are what they met about ("met the NATO Secretary General to discuss Ukraine"), not sides.
            let meetsInternational = participants.contains { people.persons[$0].international }
            participants = unique(participants).filter { people.persons[$0].country != nil }
            // With an international official, the article's countries fill no side: "we have spoken to the
            // NATO Secretary General" in a report of two leaders' talks is no call between them.
            var countries = unique(participants.compactMap { people.persons[$0].country }
                                   + (meetsInternational ? [] : main?.countries ?? []))
            // Sides named as countries ("the foreign ministers of Saudi Arabia and Iran met"), when the
            // officials name fewer than two.
            if countries.count < 2, !meetsInternational {
                countries = NamedSides.countries(tokens, officialSides: countries, term: term.range, terms: terms, cues: cueMatches,
                                                 mentions: sm, persons: personMentions, asides: sentenceAsides,
                                                 roles: gazetteer.roles, names: names)
            }
            var reading = EncounterSplit.read(tokens, terms: terms, persons: taking, people: people, countries: sm.countries,
                                              roles: gazetteer.roles,
                                              gathering: !sm.organizations.isEmpty || tokens.contains { $0.word == .summit },
                                              together: cues.contains(.multilateral))
            if countries.count > 2, !cues.contains(.multilateral), reading != .single(joint: true) {
                // Keep the two sides named closest to the meeting word.
                let anchor = term.range.lowerBound
                var distance: [String: Int] = [:]
                // A pronoun stands for the last subject where the pronoun stands; coordinated officials
                // ("X and Y would travel to meet him") are one argument, as near as the nearer of them.
                for (at, person) in [(pronoun, lastSubject), (objectPronoun, objectReferent)] {
                    if let at, let person, let c = people.persons[person].country {
                        distance[c] = min(distance[c] ?? .max, abs(at - anchor))
                    }
                }
                let nearness = MeetingScope.coordinatedDistances(tokens, persons: taking, anchor: anchor)
                for (pm, d) in zip(taking, nearness) {
                    guard let c = people.persons[pm.person].country else { continue }
                    distance[c] = min(distance[c] ?? .max, d)
                }
                // Keep the sides of the two arguments nearest the meeting word.
                let sorted = countries.sorted { (distance[$0] ?? .max) < (distance[$1] ?? .max) }
                let nearest = Set(Set(countries.compactMap { distance[$0] }).sorted().prefix(2))
                let kept = sorted.filter { distance[$0].map(nearest.contains) ?? false }
                countries = kept.count >= 2 ? kept : Array(sorted.prefix(2))
                participants = participants.filter { people.persons[$0].country.map(countries.contains) ?? false }
            }
            guard countries.count >= 2 else { continue }

            // A bare year dates an encounter after "in" or "of", or heading a clause ("2017, when ...").
            let isDate = { (e: DateExpression) in
                e.date.precision != .year || e.relative || (e.range.lowerBound > tokens.startIndex
                    && [.in, .of].contains(tokens[e.range.lowerBound - 1].word))
                    || (e.range.upperBound + 1 < tokens.endIndex && tokens[e.range.upperBound].word == .comma
                        && tokens[e.range.upperBound + 1].word == .when)
            }
            let insideAside = sentenceAsides
            let insideRelative = AsideFinder.inside(asides.filter { !$0.ownEvent })
            let expressions = readDates(future: future).filter { e in
                isDate(e) && !insideAside.contains(e.range.lowerBound)
            }
            // A sentence that only refers back to a reported encounter, with no date of its own, adds to it.
            // Dates of a relative clause describe a person or thing, not the encounter.
            let ownDates = readDates(future: false).filter { e in
                isDate(e) && !insideRelative.contains(e.range.lowerBound)
            }
            if fresh.isEmpty, !meetings.isEmpty, ownDates.isEmpty {
                let names = Set(participants.map { people.persons[$0].name })
                let target = names.isEmpty ? nil : meetings.lastIndex { names.isSubset(of: $0.participants) }
                if let target = target ?? meetings.lastIndex(where: { Set(countries).isSubset(of: $0.countries) }) {
                    let joining = participants.map { people.persons[$0] }
                        .filter { p in p.country.map(meetings[target].countries.contains) ?? false }.map(\.name)
                    meetings[target].participants = Array(Set(meetings[target].participants).union(joining)).sorted()
                    if !meetings[target].spans.contains(s.span) { meetings[target].spans.append(s.span) }
                    lastMeeting = target
                }
                continue
            }
            // Asides that report an event of their own look back: their dates are read as past.
            let pastExpressions = future ? readDates(future: false).filter(isDate) : []
            // Each meeting word takes the date just after it, else the nearest before; words without a
            // date of their own join the nearest dated word, so one sentence may report several encounters.
            // A meeting word inside an aside ("since Scholz's visit to Nairobi in May last year") takes the
            // dates of its own aside.
            var dated: [(term: Int, date: PartialDate?, mode: MeetingMode)] = zip(terms, termModes).map { t, mode in
                let at = t.range.lowerBound
                let own = asides.last { $0.ownEvent && $0.range.contains(at) }
                let expressions = own.map { a in
                    (future ? pastExpressions : readDates(future: false).filter(isDate))
                        .filter { a.range.contains($0.range.lowerBound) }
                } ?? expressions
                let after = expressions.filter { $0.range.lowerBound >= t.range.upperBound && $0.range.lowerBound - at <= 14 }.first
                let before = expressions.filter { $0.range.upperBound <= at }.last
                // Else the nearest of its clause: "visits Cambodia after the border clashes earlier this year" dates the clashes.
                let any = expressions.filter { e in
                    e.range.lowerBound < at ? CueScope.distance(tokens, from: e.range.upperBound, to: at, names: []) != nil
                        : CueScope.distance(tokens, from: t.range.upperBound, to: e.range.lowerBound, names: []) != nil
                }.min { abs($0.range.lowerBound - at) < abs($1.range.lowerBound - at) }
                let date = (after ?? before ?? any)?.date
                return (at, date, mode)
            }
            if dated.contains(where: { $0.date != nil }) {
                dated = dated.map { d in
                    guard d.date == nil else { return d }
                    let nearest = dated.filter { $0.date != nil }.min { abs($0.term - d.term) < abs($1.term - d.term) }!
                    return (d.term, nearest.date, d.mode)
                }
            }
            // "visited Hanoi on Monday, Jakarta on Wednesday and Manila on Friday": a tour, one encounter a host.
            if reading == .single(joint: false), let tour = EncounterSplit.tour(tokens, terms: terms, persons: taking, participants: participants, people: people,
                                                                           countries: sm.countries, dates: expressions) {
                reading = tour
            }
            // Who meets at each meeting word: the sentence's officials, or, when the sentence reports several
            // encounters, those of the word's own; a word with no object of its own joins the word before it.
            let encounters: (Int) -> [EncounterSplit.Encounter] = { term in
                guard case .several(let groups) = reading else { return [.init(sides: countries, members: participants, date: nil)] }
                let key = groups[term] != nil ? term : (groups.keys.filter { $0 < term }.max() ?? groups.keys.min()!)
                return groups[key]!
            }
            var seen: [(date: PartialDate?, mode: MeetingMode, sides: [String])] = []
            for d in dated {
                for encounter in encounters(d.term) where encounter.sides.count >= 2 {
                    let (sides, members) = (encounter.sides, encounter.members)
                    var date = encounter.date ?? d.date
                    if encounter.laterStop, let day = date, day.precision == .day { date = PartialDate(year: day.year, month: day.month) }
                    let key = (date: date, mode: d.mode, sides: sides.sorted())
                    if seen.contains(where: { $0.date == key.date && $0.mode == key.mode && $0.sides == key.sides }) { continue }
                    seen.append(key)
                    // An announced encounter takes the time an announcement just gave ("On Thursday, X will
                    // address Congress. Y will then host him"); a held one in an undated narrative, the time
                    // the paragraph just gave; else the article's main encounter, the first held one.
                    if date == nil, future, paragraphAnnounces { date = paragraphDate }
                    if date == nil, !future {
                        date = (dates.published == nil ? paragraphDate : nil) ?? meetings.first { $0.status == .held }?.date ?? dates.published
                    }
                    // An article that gives no date at all reports its first encounter undated.
                    let undatable = date == nil && !future && dates.published == nil && meetings.isEmpty && paragraphDate == nil
                    guard date != nil || undatable else { continue }
                    let status: MeetingStatus = future || (date.flatMap { d in dates.published.map { d > $0 && !d.isCompatible(with: $0) } } ?? false)
                        ? .planned : .held
                    var place = encounter.place ?? (d.mode == .inPerson ? places.place(in: tokens, mentions: sm, people: personMentions, near: d.term) : nil)
                    // The day's encounter in a datelined story happened in the dateline city unless told otherwise.
                    if place == nil, d.mode == .inPerson, status == .held, date == dates.published { place = places.articlePlace()?.name }
                    let meeting = Meeting(date: date, countries: sides, participants: members.map { people.persons[$0].name },
                                          place: place, mode: d.mode, status: status, spans: [s.span])
                    lastMeeting = merge(meeting, into: &meetings, index: &mergeIndex, separate: MeetingClauses.marksSeparate(tokens, term: d.term),
                                        group: cues.contains(.group))
                    if lastMeeting == 0, mainParticipants.isEmpty { mainParticipants = members }
                }
            }
        }
        return meetings
    }

    /// Merges a mention into the meeting it reports again, or appends it; returns its index. Two pairs
    /// of officials with no one in common ("the foreign ministers met the same day"), or a new official
    /// in talks marked as separate ("also met", "held separate talks"), are another encounter; not when
    /// the sentence speaks of the group already met ("the two presidents ... with their delegations").
    /// The first meeting that takes it is found through `index`, so that merging stays linear in the
    /// article when it reports thousands of meetings.
    @discardableResult
    private func merge(_ m: Meeting, into meetings: inout [Meeting], index: inout MergeIndex,
                       separate: Bool = false, group: Bool = false) -> Int {
        func other(_ e: Meeting) -> Bool {
            let (a, b) = (Set(e.participants), Set(m.participants))
            if !group, a.count >= 2, b.count >= 2, a.isDisjoint(with: b) { return true }
            return separate && !a.isEmpty && !b.isSubset(of: a)
        }
        func takes(_ e: Meeting) -> Bool {
            (e.date == nil || m.date == nil || e.date == m.date || (m.status == .held && e.date!.isCompatible(with: m.date!)))
                && !other(e)
        }
        if let i = index.candidates(for: m).first(where: { takes(meetings[$0]) }) {
            var e = meetings[i]
            let undated = e.date == nil
            if let d = m.date, e.date.map({ d.precision > $0.precision }) ?? true { e.date = d }
            e.participants = Array(Set(e.participants).union(m.participants)).sorted()
            e.place = e.place ?? m.place
            e.spans += m.spans
            meetings[i] = e
            if undated, e.date != nil { index.dated(i, e) }
            return i
        }
        meetings.append(m)
        index.add(meetings.count - 1, m)
        return meetings.count - 1
    }

    /// The meetings a mention may merge into, by what must be equal (sides, mode, status) and the year
    /// (a compatible date has the same one), in the order they were reported.
    struct MergeIndex {
        struct Kind: Hashable {
            var countries: [String]
            var mode: MeetingMode
            var status: MeetingStatus
        }
        struct Year: Hashable {
            var kind: Kind
            var year: Int
        }
        private var all: [Kind: [Int]] = [:]
        private var undated: [Kind: [Int]] = [:]
        private var byYear: [Year: [Int]] = [:]

        private static func kind(_ m: Meeting) -> Kind { Kind(countries: m.countries, mode: m.mode, status: m.status) }

        mutating func add(_ i: Int, _ m: Meeting) {
            let k = Self.kind(m)
            all[k, default: []].append(i)
            if let d = m.date { byYear[Year(kind: k, year: d.year), default: []].append(i) } else { undated[k, default: []].append(i) }
        }

        /// Meeting `i`, undated until now, gained a date.
        mutating func dated(_ i: Int, _ m: Meeting) {
            let k = Self.kind(m)
            undated[k]?.removeAll { $0 == i }
            let y = Year(kind: k, year: m.date!.year)
            var list = byYear[y, default: []]
            list.insert(i, at: list.firstIndex { $0 > i } ?? list.count)
            byYear[y] = list
        }

        /// Indices in ascending order: every meeting of the kind for an undated mention, else the undated
        /// ones and those of the same year.
        func candidates(for m: Meeting) -> [Int] {
            let k = Self.kind(m)
            guard let d = m.date else { return all[k] ?? [] }
            let a = undated[k] ?? [], b = byYear[Year(kind: k, year: d.year)] ?? []
            if a.isEmpty { return b }
            if b.isEmpty { return a }
            var merged: [Int] = []
            merged.reserveCapacity(a.count + b.count)
            var (x, y) = (0, 0)
            while x < a.count || y < b.count {
                if y == b.count || (x < a.count && a[x] < b[y]) { merged.append(a[x]); x += 1 } else { merged.append(b[y]); y += 1 }
            }
            return merged
        }
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
