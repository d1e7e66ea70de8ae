import BilatModel

/// The place of an in-person meeting as a sentence gives it: a venue's city (the White House →
/// Washington), "here" (the dateline city), or the town after "in", "at" or "to". A country alone is
/// no place.
struct PlaceReader: Sendable {
    let gazetteer: Gazetteer
    let names: NameReader
    let article: Article

    /// A place a sentence names, and the token it is named at.
    struct Candidate {
        var name: String
        var at: Int
    }

    /// Words that follow the name of a region, not of a town ("Miyagi Prefecture").
    static let regionWords: WordSet = [
        "prefecture", "province", "region", "county", "oblast", "governorate", "state", "district", "territory", "island", "islands",
    ]
    /// Words for a settlement that "of" then names ("the border city of San Cristobal").
    static let settlementWords: WordSet = ["city", "town", "capital", "village", "port", "resort", "enclave"]

    /// The place of a meeting word: the nearest one named after it in its clause ("met X in Riyadh"),
    /// else the nearest before it.
    func place(in tokens: ArraySlice<Token>, mentions: SentenceMentions, people: [PersonMention], near anchor: Int) -> String? {
        let found = candidates(in: tokens, mentions: mentions, people: people)
        let after = found.filter { $0.at > anchor && $0.at - anchor <= 12 }.min { $0.at < $1.at }
        return (after ?? found.min { abs($0.at - anchor) < abs($1.at - anchor) })?.name
    }

    func candidates(in tokens: ArraySlice<Token>, mentions: SentenceMentions, people: [PersonMention]) -> [Candidate] {
        var found: [Candidate] = []
        for venue in gazetteer.venues.matches(in: tokens, accept: { tokens[$0.range.lowerBound].isCapitalized }) {
            if let city = venue.payloads.first { found.append(Candidate(name: city, at: venue.range.lowerBound)) }
        }
        var countryAt: [Int: CountryMention] = [:]
        var covered = Set<Int>()
        for venue in gazetteer.venues.matches(in: tokens) { covered.formUnion(venue.range) }
        for c in mentions.countries {
            countryAt[c.range.lowerBound] = c
            covered.formUnion(c.range)
        }
        for o in mentions.organizations { covered.formUnion(o.range) }
        for p in people { covered.formUnion(p.range) }
        for i in tokens.indices {
            let w = tokens[i].word
            if w == .here, let city = article.datelineCity { found.append(Candidate(name: city, at: i)); continue }
            // "in X" names a town, "to X" and "visit X" the destination; "at X" is mostly a venue, known ones above.
            let settlement = w == .of && i > tokens.startIndex && Self.settlementWords.contains(tokens[i - 1])
            guard [.in, .to, .visit, .visited, .visits, .visiting].contains(w) || settlement, i + 1 < tokens.endIndex else { continue }
            var j = i + 1
            // "in the Kingdom": a common noun after "the" names no town.
            var afterArticle = false
            if tokens[j].word == .the { j += 1; afterArticle = true }
            guard j < tokens.endIndex else { continue }
            if let c = countryAt[j] {
                if c.form == .capital, !c.possessive {
                    let written = tokens[c.range].map(\.text).joined(separator: " ")
                    // "Washington, D.C.": the city's usual name is the part before the comma.
                    let city = gazetteer.capitals[TextFolding.fold(written)] ?? written
                    found.append(Candidate(name: city.split(separator: ",").first.map(String.init) ?? city, at: i))
                }
                continue
            }
            guard !covered.contains(j), let run = names.run(tokens, at: j, isCountry: { covered.contains($0) }) else { continue }
            if run.upperBound < tokens.endIndex, tokens[run.upperBound].word == .possessive { continue }
            if afterArticle, run.count == 1 { continue }
            if Self.regionWords.contains(tokens[run.upperBound - 1]) { continue }
            if run.upperBound < tokens.endIndex, Self.regionWords.contains(tokens[run.upperBound]) { continue }
            found.append(Candidate(name: names.canonicalName(tokens, run), at: i))
        }
        return found
    }
}
