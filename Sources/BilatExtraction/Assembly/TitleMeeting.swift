import BilatModel

/// The encounter a headline names (`TitleReader`), made a meeting from the sides its parties name and
/// merged with the body's report of the same encounter.
///
/// The sides: the officials a party names ("President William Ruto of Kenya"), else an office of a country
/// ("Prime Minister of Japan"), else the publisher's office-holder for a bare office ("PM", "the
/// President"), else the countries a party is made of ("Russian-Chinese talks"). A headline that names
/// only the counterpart ("Telephone conversation with Prime Minister of X") has the publisher's country
/// as its home side. The date is one the headline gives, else the published date.
struct TitleMeeting {
    let gazetteer: Gazetteer
    let roles: RoleReader
    let dates: DateResolver
    let publisher: PublisherContext
    /// Reference officials by folded office, with their folded name parts (built once by the extractor).
    let officialsByOffice: [String: [(parts: [String], official: ReferenceOfficial)]]

    static func index(_ officials: [ReferenceOfficial]) -> [String: [(parts: [String], official: ReferenceOfficial)]] {
        var index: [String: [(parts: [String], official: ReferenceOfficial)]] = [:]
        for o in officials {
            index[TextFolding.fold(o.role), default: []].append((TextFolding.words(TextFolding.fold(o.name)).map(String.init), o))
        }
        return index
    }

    /// The title's tokens, the rule's match, and for each party its country mentions and the persons the
    /// people stage found in it.
    /// What a headline gives: its meeting, if it names two sides, whether its mode is explicit and its
    /// date its own, and the officials it names by office and surname that the people stage could not.
    struct Reading {
        var meeting: Meeting?
        var explicit = false
        var ownDate = false
        var officials: [ReferenceOfficial] = []
    }

    func read(tokens: [Token], match: TitleMatch, countries: [[CountryMention]], persons: [[PersonMention]],
              people: People, published: PartialDate?, datelineCity: String?, span: SourceSpan?) -> Reading {
        var reading = Reading()
        var sides: [String] = []
        var participants: [String] = []
        func add(_ code: String, _ name: String?) {
            if !sides.contains(code) { sides.append(code) }
            if let name, !participants.contains(name) { participants.append(name) }
        }
        for (k, range) in match.parties.enumerated() {
            let party = tokens[range]
            let named = persons[k].filter { people.persons[$0.person].country != nil && !people.persons[$0.person].international }
            for m in named { add(people.persons[m.person].country!, people.persons[m.person].name) }
            let found = roles.roles(in: party, countries: countries[k])
            let offices = found.filter { $0.kind != .head || $0.country != nil }
            // "President Macron", "Prime Minister Meloni": who held the office at the date under that name.
            // Each office the people stage left unnamed: its holder by surname, else its country ("Prime
            // Minister of Japan", "President Ali of Guyana": a name the reference data lacks).
            var known = !named.isEmpty
            for (n, r) in offices.enumerated() {
                let end = n + 1 < offices.count ? offices[n + 1].range.lowerBound : party.endIndex
                let segment = r.range.lowerBound..<end
                if named.contains(where: { segment.overlaps($0.range) }) { continue }
                if let o = officeAndSurname(party[segment], role: r, date: published) {
                    // An official of an international body ("Secretary-General Guterres") serves no side.
                    if let code = o.country {
                        add(code, o.name)
                        reading.officials.append(o)
                    }
                } else if let c = r.country ?? countries[k].first(where: { segment.contains($0.range.lowerBound) && !$0.possessive })?.code {
                    add(c, nil)
                } else {
                    continue
                }
                known = true
            }
            if known { continue }
            // "PM", "the President": the publisher's office-holder.
            if let office = bareOffice(party, roles: offices), let holder = publisher.holder(of: office), let code = holder.country {
                add(code, holder.name)
                continue
            }
            // "Kenya's Ruto", "Russian-Chinese", "Japan and Korea leaders": a person's country, or a party made
            // of countries.
            let whole = madeOfCountries(party, countries[k])
            for c in countries[k] where whole || (c.possessive && c.range.upperBound + 1 < party.endIndex
                                                  && party[c.range.upperBound + 1].isCapitalized) {
                add(c.code, nil)
            }
        }
        if sides.count == 1, let home = publisher.country, home != sides[0] { sides.append(home) }
        guard sides.count >= 2 else { return reading }
        let tail = tokens[match.tail]
        let ownDate = dates.expressions(in: tail, future: false, reference: published).first?.date
        let date = ownDate ?? published
        let mode = match.mode.meetingMode ?? .inPerson
        let status: MeetingStatus = date.flatMap { d in published.map { d > $0 && !d.isCompatible(with: $0) } } ?? false ? .planned : .held
        // The day's encounter took place where a dateline or a transcript's stage line says.
        let place = mode == .inPerson ? self.place(in: tail) ?? (status == .held && ownDate == nil ? datelineCity : nil) : nil
        let meeting = Meeting(date: date, countries: sides, participants: participants, place: place, mode: mode, status: status,
                              spans: span.map { [$0] } ?? [])
        (reading.meeting, reading.explicit, reading.ownDate) = (meeting, match.mode.meetingMode != nil, ownDate != nil)
        return reading
    }

    /// The one official who held the party's office on the date under the name the party gives after
    /// it ("Prime Minister Meloni" in 2023 → Giorgia Meloni of Italy), on the office's side when it names one.
    private func officeAndSurname(_ party: ArraySlice<Token>, role r: RolePhrase, date: PartialDate?) -> ReferenceOfficial? {
        guard date != nil else { return nil }
        let name = party[r.range.upperBound...].prefix { $0.kind == .word && $0.isCapitalized && $0.word != .of }
        guard !name.isEmpty, name.count <= 3 else { return nil }
        let words = name.map(\.folded)
        let found = (officialsByOffice[TextFolding.fold(r.title)] ?? []).filter { e in
            (r.country == nil || e.official.country == r.country) && e.official.serves(on: date) && words.allSatisfy(e.parts.contains)
        }
        return found.count == 1 ? found[0].official : nil
    }

    /// The office a party names alone ("PM", "the Prime Minister's", "President"), or nil.
    private func bareOffice(_ party: ArraySlice<Token>, roles: [RolePhrase]) -> String? {
        let words = party.filter { $0.kind == .word && $0.word != .the && $0.word != .possessive }
        if roles.count == 1, roles[0].country == nil, words.count == party[roles[0].range].filter({ $0.kind == .word }).count {
            return roles[0].title
        }
        if words.count == 1, let m = gazetteer.titleCues.longestMatch(in: party, at: party.firstIndex { $0.kind == .word }!),
           let office = m.payloads.first(where: { $0.kind == .office })?.office {
            return office
        }
        return nil
    }

    /// True when every word of the party belongs to a country's name, or joins them ("and", a hyphen).
    private func madeOfCountries(_ party: ArraySlice<Token>, _ countries: [CountryMention]) -> Bool {
        guard countries.count >= 2 else { return false }
        return party.indices.allSatisfy { i in
            countries.contains { $0.range.contains(i) } || party[i].kind == .punctuation || party[i].word == .and
                || party[i].word == .possessive || party[i].word == .the
        }
    }

    /// "in Nairobi, Kenya", "at the White House": a capital or a venue after "in" or "at".
    private func place(in tail: ArraySlice<Token>) -> String? {
        for i in tail.indices where [.in, .at].contains(tail[i].word) || TitleReader.separates(tail[i]) {
            var j = i + 1
            if j < tail.endIndex, tail[j].word == .the { j += 1 }
            guard j < tail.endIndex else { break }
            if let v = gazetteer.venues.longestMatch(in: tail, at: j), let venue = v.payloads.first { return venue.place }
            if let c = gazetteer.countries.longestMatch(in: tail, at: j), c.payloads.first?.form == .capital {
                let folded = tail[c.range].map(\.folded).joined(separator: " ")
                return gazetteer.capitals[folded] ?? tail[c.range].map(\.text).joined(separator: " ")
            }
        }
        return nil
    }

    /// Adds the headline's meeting to the body's: the body's reports of the same encounter (same sides,
    /// held, on the headline's date, or within the three days before publication when the headline gives
    /// none) become one meeting, the body's details winning; an explicit headline mode ("Video Call")
    /// decides the mode of them all. With no such report the headline's meeting comes first.
    /// A body that dates its report only by publication ("spoke to ...") reports the day a headline gives.
    static func merge(_ title: Meeting, explicit: Bool, ownDate: Bool, published: PartialDate?, into meetings: inout [Meeting]) {
        func sameEncounter(_ m: Meeting) -> Bool {
            guard m.countries == title.countries, m.status == title.status else { return false }
            guard let d = m.date, let t = title.date else { return true }
            if d.isCompatible(with: t) { return true }
            if ownDate, d == published, !explicit || m.mode == title.mode { return true }
            guard !ownDate, title.status == .held else { return false }
            return d.isReportable(publishedOn: t)
        }
        let same = meetings.indices.filter { sameEncounter(meetings[$0]) && (explicit || meetings[$0].mode == meetings.first(where: sameEncounter)!.mode) }
        guard let first = same.first else {
            meetings.insert(title, at: 0)
            return
        }
        var merged = meetings[first]
        if explicit { merged.mode = title.mode }
        for i in same.dropFirst() {
            let m = meetings[i]
            if let d = m.date, merged.date.map({ d.precision > $0.precision }) ?? true { merged.date = d }
            merged.participants = Array(Set(merged.participants).union(m.participants)).sorted()
            merged.place = merged.place ?? m.place
            merged.spans += m.spans.filter { !merged.spans.contains($0) }
        }
        // "June" in the body, the headline's day: the more precise of two compatible dates; the headline's
        // own date over the body's date of publication.
        if let t = title.date, merged.date.map({ (t.precision > $0.precision && t.isCompatible(with: $0)) || (ownDate && $0 == published) }) ?? true {
            merged.date = t
        }
        merged.participants = Array(Set(merged.participants).union(title.participants)).sorted()
        merged.place = merged.place ?? title.place
        merged.spans = title.spans.filter { !merged.spans.contains($0) } + merged.spans
        meetings[first] = merged
        for i in same.dropFirst().reversed() { meetings.remove(at: i) }
    }
}
