/// Writes the sentences of one report of a meeting: the lead, then details, fields of cooperation,
/// documents, the earlier and the planned meeting, quotes and background, in wording the draw varies.
struct Reporter {
    let event: MeetingEvent
    let published: CivilDay
    /// True for a readout: titles first ("President of Kenya William Ruto"), absolute dates.
    let official: Bool
    var rng: SplitMix64

    var host: String { event.host.name }
    var guest: String { event.guest.name }
    var hostShort: String { event.hostPerson.shortName }
    var guestShort: String { event.guestPerson.shortName }
    var pairNoun: String { event.level == .leaders ? "leaders" : "foreign ministers" }

    /// "Chinese President Xi Jinping"; a readout says "the President of China, Xi Jinping".
    func full(_ side: Side, _ person: Person) -> String {
        official ? "the \(person.role) of \(side.name), \(person.name)" : "\(side.demonym) \(person.role) \(person.name)"
    }

    var hostFull: String { full(event.host, event.hostPerson) }
    var guestFull: String { full(event.guest, event.guestPerson) }

    /// The main meeting's date as this report words it: a weekday within the week, else a date.
    mutating func when() -> String {
        let gap = published.number - event.day.number
        if !official, gap >= 0, gap < 6, rng.chance(0.75) {
            return "on \(event.day.weekdayName)"
        }
        return official ? "on \(event.day.british)" : "on \(event.day.monthName) \(event.day.day)"
    }

    /// The earlier meeting's date: "last November", "in March 2023", "in 2022".
    mutating func earlierWhen() -> String {
        let earlier = event.earlierDay
        let months = (published.year * 12 + published.month) - (earlier.year * 12 + earlier.month)
        if months > 0, months < 12, !official, rng.chance(0.6) { return "last \(earlier.monthName)" }
        if rng.chance(0.8) { return "in \(earlier.monthName) \(earlier.year)" }
        return "in \(earlier.year)"
    }

    /// The planned visit's date: "next month", "later this year", "in June 2026", "next year".
    mutating func plannedWhen(_ month: CivilDay) -> String {
        let months = (month.year * 12 + month.month) - (published.year * 12 + published.month)
        if months == 1, rng.chance(0.6) { return "next month" }
        if month.year == published.year + 1, rng.chance(0.3) { return "next year" }
        if month.year == published.year, months > 1, rng.chance(0.4) { return "later this year" }
        return "in \(month.monthName) \(month.year)"
    }

    mutating func areaWords(_ count: Int) -> [String] {
        event.areas.prefix(count).map { Phrasebook.area($0, &rng) }
    }

    mutating func lead() -> String {
        let when = when()
        let areas = areaWords(3)
        let topic = rng.pick(Phrasebook.topics)
        switch event.mode {
        case .phone:
            return rng.pick([
                "\(cap(hostFull)) spoke by telephone with \(guestFull) \(when), discussing \(Phrasebook.list(areas)) and \(topic).",
                "\(cap(hostFull)) and \(guestFull) held a phone call \(when) in which they reviewed \(Phrasebook.list(areas)).",
                "\(cap(guestFull)) had a telephone conversation with \(hostFull) \(when), the two governments said.",
            ])
        case .video:
            return rng.pick([
                "\(cap(hostFull)) held a video call with \(guestFull) \(when) to discuss \(Phrasebook.list(areas)).",
                "\(cap(hostFull)) and \(guestFull) met by video link \(when), focusing on \(areas[0]) and \(topic).",
            ])
        case .inPerson:
            let place = event.host.capital
            return rng.pick([
                "\(cap(hostFull)) held talks with \(guestFull) in \(place) \(when), as the two sides sought to deepen cooperation in \(Phrasebook.list(Array(areas.prefix(2)))).",
                "\(cap(guestFull)) met \(hostFull) in \(place) \(when) during a visit aimed at strengthening ties between \(guest) and \(host).",
                "\(cap(hostFull)) and \(guestFull) agreed \(when) to expand cooperation in \(Phrasebook.list(areas)) after talks in \(place).",
                "\(cap(hostFull)) welcomed \(guestFull) to \(place) \(when) for talks on \(areas[0]) and \(topic).",
                "\(cap(hostFull)) hosted \(guestFull) for talks in \(place) \(when), the first such meeting in more than a year.",
            ])
        }
    }

    mutating func officialLead() -> String {
        let day = event.day.british
        let verb = event.mode == .phone ? "had a telephone conversation with" : event.mode == .video ? "held a video call with" : "held talks with"
        let place = event.mode == .inPerson ? " in \(event.host.capital)" : ""
        return rng.pick([
            "On \(day), \(hostFull), \(verb) \(guestFull),\(place.isEmpty ? " by \(event.mode == .phone ? "telephone" : "video link")" : place).",
            "On the afternoon of \(day), \(event.hostPerson.role) \(event.hostPerson.name) \(verb) \(event.guestPerson.role) \(event.guestPerson.name) of \(guest)\(place).",
        ])
    }

    mutating func details() -> [String] {
        var out: [String] = []
        if event.mode == .inPerson {
            out.append(rng.pick([
                "The talks, held at \(rng.pick(Phrasebook.venues)), lasted about \(rng.int(1...4)) hours, officials said.",
                "\(cap(guestShort)) arrived in \(event.host.capital) on the eve of the talks and was received with full honours.",
                "The two \(pairNoun) first met in a restricted format and then led their delegations in expanded talks.",
            ]))
        } else {
            out.append("The call lasted about \(rng.int(30...90)) minutes, according to a statement from \(host)'s government.")
        }
        return out
    }

    mutating func areaSentences() -> [String] {
        let words = areaWords(event.areas.count)
        var out = [rng.pick([
            "The two sides agreed to deepen cooperation in \(Phrasebook.list(words)).",
            "\(hostShort) said \(host) was ready to work with \(guest) on \(Phrasebook.list(words)).",
            "Both \(pairNoun) pointed to \(Phrasebook.list(words)) as priorities for the coming years.",
        ])]
        if words.count > 2 {
            out.append(rng.pick([
                "Officials said discussions also covered \(words[words.count - 1]).",
                "\(guestShort) proposed a joint working group on \(words[1]).",
                "The \(event.guest.demonym) side hopes to attract more investment in \(words[2]), \(guestShort) said.",
            ]))
        }
        return out
    }

    mutating func documentSentences() -> [String] {
        guard let document = event.document else { return [] }
        let field = Phrasebook.area(event.documentArea, &rng)
        if document == .jointStatement {
            return [rng.pick(["After the talks, the two sides issued a joint statement.",
                              "The \(pairNoun) adopted a joint statement setting out their priorities."])]
        }
        return [rng.pick([
            "Following the talks, the two sides signed \(document.withArticle) on \(field).",
            "\(hostShort) and \(guestShort) witnessed the signing of \(document.withArticle) on \(field).",
            "Ministers from \(host) and \(guest) signed \(document.withArticle) covering \(field).",
        ])]
    }

    mutating func earlierSentences() -> [String] {
        let when = earlierWhen()
        if event.earlierMode == .phone {
            return ["The two \(pairNoun) last spoke by phone \(when)."]
        }
        return [rng.pick([
            "\(hostShort) recalled their meeting in \(event.guest.capital) \(when), saying it had opened a new chapter.",
            "The talks came after the two \(pairNoun) met in \(event.guest.capital) \(when).",
            "\(guestShort) and \(hostShort) previously held talks \(when) in \(event.guest.capital).",
        ])]
    }

    mutating func plannedSentences() -> [String] {
        guard let month = event.plannedMonth else { return [] }
        let when = plannedWhen(month)
        return [rng.pick([
            "\(hostShort) accepted an invitation to visit \(guest) \(when).",
            "The two sides agreed that \(hostShort) would travel to \(event.guest.capital) \(when) for further talks.",
            "\(guestShort) is expected to host \(hostShort) in \(event.guest.capital) \(when), officials said.",
        ])]
    }

    mutating func organizationSentences() -> [String] {
        let names = event.organizations.map { rng.chance(0.5) ? Phrasebook.organizations[$0].short : Phrasebook.organizations[$0].long }
        guard !names.isEmpty else { return [] }
        return [rng.pick([
            "They also discussed coordination within \(Phrasebook.list(names)).",
            "\(guestShort) said \(guest) supported closer consultation with \(host) in \(Phrasebook.list(names)).",
            "Both sides pledged to strengthen cooperation at \(Phrasebook.list(names)).",
        ])]
    }

    func cap(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
