import BilatModel
import BilatStorage

/// A meeting or an agreement in a line, as a person would write it: "Fumio Kishida of Japan met Joe
/// Biden of the United States in Washington", "Antony Blinken and Joe Biden of the United States met
/// Fumio Kishida and Yoko Kamikawa of Japan", "Officials of Japan and the Philippines met in Manila".
enum Headline {
    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// Country names that take "the" in running text.
    static let withArticle: Set<String> = [
        "Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia", "Holy See",
    ]

    /// "the Philippines", "the United States", "the Czech Republic"; "Japan".
    static func country(_ name: String) -> String {
        let takesArticle = withArticle.contains(name) || name.hasPrefix("United ")
            || ["Republic", "Kingdom", "Emirates", "Islands", "Federation", "States"].contains { name.contains($0) }
        return takesArticle && !name.hasPrefix("the ") ? "the " + name : name
    }

    /// `order` lists the meeting's countries in the order to name them (the ones asked about first).
    static func meeting(_ m: MeetingSummary, order: [String], name: (String) -> String) -> String {
        let place = m.place.map { " in \($0)" } ?? ""
        let codes = order.isEmpty ? m.countries : order
        // Without the participants' countries, the names (or the countries) as they are.
        guard m.participantCountries.count == m.participants.count else {
            let who = m.participants.isEmpty ? list(codes.map { country(name($0)) }) : list(m.participants)
            return capitalized("\(who) \(verb(m, sides: 0))\(place)")
        }
        let pairs = Array(zip(m.participants, m.participantCountries))
        let people = codes.map { code in pairs.filter { $0.1 == code }.map(\.0) }
        let others = pairs.filter { p in p.1.map { !codes.contains($0) } ?? true }.map(\.0)
        let present = others.isEmpty ? "" : " (with \(list(others)))"
        if people.allSatisfy(\.isEmpty) {
            let who = "officials of " + list(codes.map { country(name($0)) })
            return capitalized("\(who) \(verb(m, sides: 0))\(place)\(present)")
        }
        let sides = zip(codes, people).map { code, names in
            names.isEmpty ? "officials of \(country(name(code)))" : "\(list(names)) of \(country(name(code)))"
        }
        if sides.count == 2 {
            return capitalized("\(sides[0]) \(verb(m, sides: 2)) \(sides[1])\(place)\(present)")
        }
        return capitalized("\(list(sides)) \(verb(m, sides: sides.count))\(place)\(present)")
    }

    /// The verb: transitive between two sides ("met X", "spoke by phone with X"), intransitive otherwise.
    static func verb(_ m: MeetingSummary, sides: Int) -> String {
        let between = sides == 2
        return switch (m.status, m.mode) {
        case (.planned, _): between ? "to meet" : "to meet"
        case (.held, .phone): between ? "spoke by phone with" : "spoke by phone"
        case (.held, .video): between ? "held a video call with" : "held a video call"
        case (.held, .inPerson): "met"
        }
    }

    /// "Japan and the United States: joint statement".
    static func agreement(countries names: [String], what: String) -> String {
        capitalized(list(names.map(country)) + ": " + what)
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
