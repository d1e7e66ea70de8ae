import BilatModel

/// What meeting assembly has learned of an article so far, passed from sentence to sentence: the
/// encounters reported, the last one, who "he" and "the two leaders" are, the paragraph's time.
struct MeetingDiscourse {
    /// The encounters reported so far, in the order first reported.
    private(set) var meetings: [Meeting] = []
    private var mergeIndex = MergeIndex()
    /// The encounters whose date is only the article's (no sentence of theirs gave one).
    private var datedByPublication = Set<Int>()
    /// The encounter the last sentence that reported one reported.
    var lastMeeting: Int?
    /// The first official the previous sentence named: "he", "host him".
    private(set) var lastSubject: Int?
    /// The officials of the main encounter as its first mention that names any gives them.
    private(set) var mainParticipants: [Int] = []
    /// The last official named, and the last one named before of another side: "the two leaders" before
    /// any encounter is reported.
    private(set) var named = MeetingScope.LastPair()
    /// The last date the paragraph's sentences gave so far, outside their asides, and whether the sentence
    /// that gave it announced.
    private(set) var paragraphDate: PartialDate?
    private(set) var paragraphAnnounces = false

    /// A new sentence begins: a new paragraph forgets the last one's date.
    mutating func open(_ tokens: ArraySlice<Token>) {
        if tokens.first?.newlineBefore == true { paragraphDate = nil }
    }

    /// The narrative's reference time: the date the paragraph just gave, else the encounter last
    /// reported, else the article's.
    func referenceDate(published: PartialDate?) -> PartialDate? {
        paragraphDate ?? lastMeeting.flatMap { meetings[$0].date } ?? published
    }

    /// The sentence has been read: the date it gives and the officials it names carry to the next.
    mutating func close(_ sentence: MeetingSentence, people: People) {
        if sentence.givenDate != nil { paragraphAnnounces = sentence.announcing }
        paragraphDate = sentence.givenDate ?? paragraphDate
        if let first = sentence.persons.first { lastSubject = first.person }
        for m in sentence.persons { named.add(m.person, people: people) }
    }

    /// Officials named again join encounter `target`, and the sentence is one of its mentions.
    mutating func join(_ target: Int, names: [String], span: SourceSpan) {
        meetings[target].participants = Array(Set(meetings[target].participants).union(names)).sorted()
        if !meetings[target].spans.contains(span) { meetings[target].spans.append(span) }
    }

    /// "The talks took place at the Kremlin": the encounter last reported, held in person with no place
    /// yet, is given the place.
    mutating func placeLast(_ place: () -> String?) {
        guard let target = lastMeeting, meetings[target].place == nil, meetings[target].mode == .inPerson,
              let place = place() else { return }
        meetings[target].place = place
    }

    /// Records a mention of an encounter (see `merge`); the first mention of the main encounter that
    /// names officials gives its participants.
    mutating func record(_ m: Meeting, members: [Int], separate: Bool, group: Bool, byPublication: Bool = false) {
        lastMeeting = merge(m, separate: separate, group: group, byPublication: byPublication)
        if lastMeeting == 0, mainParticipants.isEmpty { mainParticipants = members }
    }

    /// Merges a mention into the meeting it reports again, or appends it; returns its index. Two pairs
    /// of officials with no one in common ("the foreign ministers met the same day"), or a new official
    /// in talks marked as separate ("also met", "held separate talks"), are another encounter; not when
    /// the sentence speaks of the group already met ("the two presidents ... with their delegations").
    /// The first meeting that takes it is found through `mergeIndex`, so that merging stays linear in the
    /// article when it reports thousands of meetings.
    ///
    /// A held encounter dated only by the article ("Talks between President A and President B", a
    /// headline at the head of the text, published the next morning) is the one a later sentence dates
    /// within the three days before ("On 10 November, A held talks with B"): that date is its own.
    private mutating func merge(_ m: Meeting, separate: Bool, group: Bool, byPublication: Bool) -> Int {
        func other(_ e: Meeting) -> Bool {
            let (a, b) = (Set(e.participants), Set(m.participants))
            if !group, a.count >= 2, b.count >= 2, a.isDisjoint(with: b) { return true }
            return separate && !a.isEmpty && !b.isSubset(of: a)
        }
        func datesOnePublication(_ i: Int, _ e: Meeting) -> Bool {
            guard !byPublication, datedByPublication.contains(i), m.status == .held, e.status == .held,
                  let own = m.date, let published = e.date else { return false }
            return own.isReportable(publishedOn: published)
        }
        func takes(_ i: Int, _ e: Meeting) -> Bool {
            (e.date == nil || m.date == nil || e.date == m.date || (m.status == .held && e.date!.isCompatible(with: m.date!))
                || datesOnePublication(i, e))
                && !other(e)
        }
        if let i = mergeIndex.candidates(for: m).first(where: { takes($0, meetings[$0]) }) {
            var e = meetings[i]
            let undated = e.date == nil
            if datesOnePublication(i, e) {
                e.date = m.date
                datedByPublication.remove(i)
            } else if let d = m.date, e.date.map({ d.precision > $0.precision }) ?? true { e.date = d }
            e.participants = Array(Set(e.participants).union(m.participants)).sorted()
            e.place = e.place ?? m.place
            e.spans += m.spans
            meetings[i] = e
            if undated, e.date != nil { mergeIndex.dated(i, e) }
            return i
        }
        meetings.append(m)
        mergeIndex.add(meetings.count - 1, m)
        if byPublication { datedByPublication.insert(meetings.count - 1) }
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
}

extension PartialDate {
    /// The day, or one of the three before, of a report published on `published`: how far back an
    /// article dated only by its publication may mean (a copy published the next morning, a readout of
    /// the weekend). Both day-precision dates.
    func isReportable(publishedOn published: PartialDate) -> Bool {
        guard let own = dayNumber, let last = published.dayNumber else { return false }
        return own <= last && last - own <= 3
    }
}
