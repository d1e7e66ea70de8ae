/// Quotes and background: the sentences that carry no fact of the extractor's kinds but make up most
/// of a news article, so that the engine reads realistic amounts of text around the facts.
extension Reporter {
    static let quotes = [
        "Our partnership has never been stronger, and we intend to build on it",
        "We must work together to address the common challenges of our time",
        "There is enormous potential that we have yet to tap",
        "This relationship matters not only to our two peoples but to the wider region",
        "We have agreed to keep in close contact at every level",
        "Dialogue is the only way to resolve differences",
        "The talks were candid, constructive and forward-looking",
        "We want predictable rules and open markets",
    ]

    /// Quotes attributed to either side, in their own words and in reported speech.
    mutating func quoteSentences(_ count: Int) -> [String] {
        (0..<count).map { _ in
            let speaker = rng.chance(0.5) ? hostShort : guestShort
            let country = speaker == hostShort ? host : guest
            let other = speaker == hostShort ? guest : host
            return rng.pick([
                "\"\(rng.pick(Self.quotes)),\" \(speaker) said.",
                "\"\(rng.pick(Self.quotes)),\" \(speaker) told reporters after the talks.",
                "\(speaker) said \(country) valued its relationship with \(other) and hoped to build on the momentum of recent years.",
                "\(speaker) described the talks as productive and said both sides had agreed to meet more often.",
                "According to \(speaker), the two countries share an interest in a stable and prosperous region.",
            ])
        }
    }

    /// Background sentences, each template at most once per article.
    mutating func backgroundSentences(_ count: Int) -> [String] {
        let topic = rng.pick(Phrasebook.topics)
        let templates = [
            "Bilateral trade reached about $\(event.tradeBillions) billion last year, according to official figures.",
            "\(cap(host)) and \(guest) established diplomatic relations \(event.yearsOfTies) years ago.",
            "Analysts said the visit reflected \(guest)'s effort to diversify its partnerships.",
            "The two sides also exchanged views on \(topic).",
            "Relations between the two countries have had their ups and downs over the past decade.",
            "The visit drew wide coverage in the \(event.host.demonym) press.",
            "Officials did not give details of the timetable.",
            "Business groups in \(event.guest.capital) welcomed the outcome.",
            "The \(event.guest.demonym) currency was little changed on the news.",
            "\(cap(host)) is one of \(guest)'s largest trading partners.",
            "Observers noted that the tone of the talks was warmer than in previous years.",
            "Opposition politicians in \(guest) questioned whether the talks would bring results.",
            "The two countries have a combined population of more than \(rng.int(20...900)) million people.",
            "Several thousand \(event.guest.demonym) students are enrolled at universities in \(host).",
            "A number of disputes remain unresolved, diplomats said privately.",
            "The foreign ministry in \(event.host.capital) said the relationship was entering a new stage.",
            "Economists expect the outcome to support growth in both economies.",
            "The talks took place amid heightened concern about \(topic).",
            "Security was tight around the venue, with several streets closed to traffic.",
            "Neither side commented on reports of a disagreement over the wording of the final document.",
            "Commentators in \(event.guest.capital) said expectations had been modest.",
            "The \(event.host.demonym) government has been courting partners across the region.",
            "Details of the discussions were not immediately released.",
            "The two \(pairNoun) have spoken several times since taking office.",
        ]
        var out: [String] = []
        while out.count < count {
            out += rng.sample(templates, count: count - out.count)
        }
        return out
    }
}
