/// The side an article is written from, and the officials it names by office alone.
///
/// A report names its own country's officials without a nationality and the other side's with one
/// ("Prime Minister Anthony Albanese and his PNG counterpart James Marape", a Kremlin readout's
/// "Vladimir Putin had a conversation with President of the People's Republic of China Xi Jinping").
/// So an official named by office but by no country ("Treasury Secretary Scott Bessent", "Presidential
/// Aide Yuri Ushakov") serves the home side: the country whose officials the article names bare more
/// often than with their country, the dateline's country breaking a tie or standing alone.
enum HomeSide {
    static let nonStateTitles = Lexicon.english.wordLists.words(.nonStateTitles)

    /// The home side from how the article first names its officials, or the dateline country.
    static func side(of people: People, datelineCountry: String?) -> String? {
        var score: [String: Int] = [:]
        for p in people.persons {
            guard let c = p.country, !p.international, p.vote != 0 else { continue }
            score[c, default: 0] += p.vote
        }
        let best = score.values.max() ?? 0
        let leaders = score.filter { $0.value == best }.map(\.key)
        if best > 0, leaders.count == 1 { return leaders[0] }
        if let d = datelineCountry, best <= 0 || leaders.contains(d), (score[d] ?? 0) >= 0 { return d }
        return nil
    }

    /// Gives the home side to officials named by office alone, unless the office is an international
    /// body's or the sentence that introduces them names another government by its capital (the official
    /// then more likely speaks for it: "Trade Minister Don Farrell said Canberra would keep pressing").
    /// A government's readout (`publisherCountry`) is written from its side whatever the votes say.
    static func assign(_ people: inout People, mentions: [SentenceMentions], datelineCountry: String?,
                       publisherCountry: String? = nil) {
        guard let home = publisherCountry ?? side(of: people, datelineCountry: datelineCountry) else { return }
        for i in people.persons.indices where people.persons[i].country == nil {
            let p = people.persons[i]
            // Party leaders and company directors or chairmen serve no government.
            guard let role = p.role, !p.international, p.firstSentence < mentions.count,
                  !nonStateTitles.contains(where: { role.lowercased().hasSuffix($0) }) else { continue }
            let sm = mentions[p.firstSentence]
            let tokens = sm.sentence.tokens
            // Governments the sentence names by their capital ("Canberra would keep pressing"), other than
            // as a place or as its officials' own.
            let officials = Set(people.mentions[p.firstSentence].compactMap { people.persons[$0.person].country })
            let free = Set(sm.countries.filter { c in
                c.form == .capital && !(c.range.lowerBound > tokens.startIndex
                    && [.in, .to, .at, .from].contains(tokens[c.range.lowerBound - 1].word))
            }.map(\.code)).subtracting(officials)
            if !free.isEmpty, !free.contains(home) { continue }
            people.persons[i].country = home
        }
    }
}
