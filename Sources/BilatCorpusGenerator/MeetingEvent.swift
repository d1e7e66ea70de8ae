/// How a meeting took place.
enum EventMode: Sendable {
    case inPerson, phone, video
}

/// What the two sides signed, if anything.
enum SignedDocument: String, Sendable, CaseIterable {
    case jointStatement = "joint statement"
    case memorandum = "memorandum of understanding"
    case agreement = "agreement"
    case actionPlan = "action plan"
    case declaration = "declaration"
    case treaty = "treaty"

    /// "a memorandum of understanding", "an agreement".
    var withArticle: String {
        ("aeiou".contains(rawValue.prefix(1)) ? "an " : "a ") + rawValue
    }
}

/// One encounter in the generated world: the main meeting of one or several articles, with the
/// earlier meeting and the planned visit that the articles refer to.
struct MeetingEvent: Sendable {
    let id: Int
    let host: Side
    let guest: Side
    let hostPerson: Person
    let guestPerson: Person
    let level: MeetingLevel
    let day: CivilDay
    let mode: EventMode
    /// Indices into `Phrasebook.areas`.
    let areas: [Int]
    /// Indices into `Phrasebook.organizations`.
    let organizations: [Int]
    let document: SignedDocument?
    /// Index into `Phrasebook.areas`: what the document is about.
    let documentArea: Int
    /// The sides' previous encounter, months earlier, in the guest's capital.
    let earlierDay: CivilDay
    let earlierMode: EventMode
    /// A return visit: months ahead of the main meeting (month precision).
    let plannedMonth: CivilDay?
    /// Figures the article quotes (trade volume, years of ties), fixed per event so reports agree.
    let tradeBillions: Int
    let yearsOfTies: Int

    /// Draws a new meeting on `day`; nil when the reference lacks a serving official for either side.
    static func draw(id: Int, day: CivilDay, world: World, rng: inout SplitMix64) -> MeetingEvent? {
        let host = world.draw(&rng)
        var guest = world.draw(&rng)
        var tries = 0
        while guest.country.code == host.country.code, tries < 8 {
            guest = world.draw(&rng)
            tries += 1
        }
        guard guest.country.code != host.country.code else { return nil }
        let level: MeetingLevel = rng.chance(0.65) ? .leaders : .ministers
        guard let hostPerson = host.official(level, on: day), let guestPerson = guest.official(level, on: day),
              hostPerson.name != guestPerson.name else { return nil }
        let modeRoll = rng.unit()
        let mode: EventMode = modeRoll < 0.78 ? .inPerson : modeRoll < 0.92 ? .phone : .video
        let areaCount = rng.int(2...5)
        let areas = rng.sample(Array(Phrasebook.areas.indices), count: areaCount)
        let organizations = rng.sample(Array(Phrasebook.organizations.indices), count: rng.int(0...3))
        let document: SignedDocument? = mode == .inPerson && rng.chance(0.45) ? rng.pick(SignedDocument.allCases) : nil
        return MeetingEvent(
            id: id, host: host, guest: guest, hostPerson: hostPerson, guestPerson: guestPerson, level: level,
            day: day, mode: mode, areas: areas, organizations: organizations, document: document,
            documentArea: areas[0], earlierDay: day.adding(days: -rng.int(60...900)),
            earlierMode: rng.chance(0.8) ? .inPerson : .phone,
            plannedMonth: rng.chance(0.55) ? day.monthStart(offset: rng.int(1...14)) : nil,
            tradeBillions: rng.int(2...480), yearsOfTies: rng.int(20...75))
    }

    /// The place of the main meeting: the host's capital in person, none for calls.
    var place: String? { mode == .inPerson ? host.capital : nil }

    /// "AA-BB", codes sorted.
    var pairKey: String {
        [host.country.code, guest.country.code].sorted().joined(separator: "-")
    }
}
