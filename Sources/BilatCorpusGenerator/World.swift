import BilatExtraction
import BilatModel

/// An official as an article names them: full name, the role the reference gives for the term.
struct Person: Hashable, Sendable {
    let name: String
    let role: String
    /// True where the family name comes first ("Xi Jinping", "Lee Jae-myung").
    let familyNameFirst: Bool

    static let familyNameFirstCountries: Set<String> = ["CN", "TW", "KR", "KP", "HK", "MO"]

    /// The surname news uses on second mention ("Xi", "Carney").
    var shortName: String {
        let words = name.split(separator: " ").filter { !["Jr.", "Sr.", "II", "III", "bin", "al"].contains($0) }
        return (familyNameFirst ? words.first : words.last).map(String.init) ?? name
    }
}

/// One country of the generated world, with what articles say about it.
struct Side: Sendable {
    let country: Country
    let demonym: String
    let capital: String
    let leaders: [ReferenceOfficial]
    let ministers: [ReferenceOfficial]

    /// The name as a sentence uses it: "the Netherlands", "the United States", "Kenya".
    var name: String {
        let plain = country.name
        let definite = ["United ", "Netherlands", "Philippines", "Republic", "Islands", "Emirates", "Bahamas", "Gambia",
                        "Kingdom", "Federation", "Maldives", "Comoros", "Seychelles"]
        return definite.contains { plain.contains($0) } ? "the " + plain : plain
    }

    /// The leader or foreign minister serving on a day, if the reference knows one.
    func official(_ level: MeetingLevel, on day: CivilDay) -> Person? {
        guard let date = PartialDate(year: day.year, month: day.month, day: day.day) else { return nil }
        let terms = level == .leaders ? leaders : ministers
        return terms.first { $0.serves(on: date) && $0.start != nil }.map {
            Person(name: $0.name, role: $0.role, familyNameFirst: Person.familyNameFirstCountries.contains(country.code))
        }
    }
}

/// Heads of state or government meet, or foreign ministers.
enum MeetingLevel: Sendable {
    case leaders, ministers
}

/// The countries articles are about, weighted so that a few are busy and most are rare (Zipf, s = 1),
/// in an order the seed shuffles.
struct World: Sendable {
    let sides: [Side]
    private let cumulative: [Double]

    static let leaderRoles: Set<String> = ["President", "Prime Minister", "Chancellor", "King", "Premier",
                                           "Emir", "Sultan", "Taoiseach", "Crown Prince"]
    static let ministerRoles: Set<String> = ["Foreign Minister", "Foreign Secretary", "Secretary of State"]

    init(reference: ReferenceData, seed: UInt64) {
        var byCountry: [String: [ReferenceOfficial]] = [:]
        for official in reference.officials {
            guard let country = official.country else { continue }
            byCountry[country, default: []].append(official)
        }
        var sides: [Side] = []
        for country in reference.countries {
            guard let capital = country.capitals.first, let demonym = country.demonyms.first,
                  let terms = byCountry[country.code] else { continue }
            let leaders = terms.filter { Self.leaderRoles.contains($0.role) }
            let ministers = terms.filter { Self.ministerRoles.contains($0.role) }
            guard !leaders.isEmpty, !ministers.isEmpty else { continue }
            sides.append(Side(country: country, demonym: demonym, capital: capital, leaders: leaders,
                              ministers: ministers))
        }
        var order = SplitMix64(seed: seed ^ 0x5EED_0F_3031D)
        self.sides = order.shuffled(sides)
        var total = 0.0
        cumulative = self.sides.indices.map { i in
            total += 1.0 / Double(i + 1)
            return total
        }
    }

    /// A side drawn by weight.
    func draw(_ rng: inout SplitMix64) -> Side {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return sides[low]
    }
}
