import BilatModel

/// The place of an in-person meeting as a sentence gives it: a venue's city (the White House →
/// Washington), "here" (the dateline city), or the town after "in", "at" or "to". A country alone is
/// no place.
struct PlaceReader: Sendable {
    let gazetteer: Gazetteer
    let names: NameReader
    let article: Article

    func place(in tokens: ArraySlice<Token>, mentions: SentenceMentions, people: [PersonMention]) -> String? {
        if let venue = gazetteer.venues.matches(in: tokens, accept: { tokens[$0.range.lowerBound].isCapitalized }).first {
            return venue.payloads.first
        }
        var countryAt: [Int: CountryMention] = [:]
        var covered = Set<Int>()
        for c in mentions.countries {
            countryAt[c.range.lowerBound] = c
            covered.formUnion(c.range)
        }
        for o in mentions.organizations { covered.formUnion(o.range) }
        for p in people { covered.formUnion(p.range) }
        if let city = article.datelineCity, tokens.contains(where: { $0.folded == "here" }) { return city }
        // "in X" names a town; "to X" the destination of a visit; "at X" mostly a venue, known ones above.
        for preposition in ["in", "to"] {
            if let place = town(after: preposition, in: tokens, countryAt: countryAt, covered: covered) { return place }
        }
        return nil
    }

    private func town(after preposition: String, in tokens: ArraySlice<Token>, countryAt: [Int: CountryMention],
                      covered: Set<Int>) -> String? {
        for i in tokens.indices {
            guard tokens[i].folded == preposition, i + 1 < tokens.endIndex else { continue }
            var j = i + 1
            if tokens[j].folded == "the" { j += 1 }
            guard j < tokens.endIndex else { continue }
            if let c = countryAt[j] {
                if c.form == .capital, !c.possessive {
                    let written = tokens[c.range].map(\.text).joined(separator: " ")
                    return gazetteer.capitals[TextFolding.fold(written)] ?? written
                }
                continue
            }
            guard !covered.contains(j), let run = names.run(tokens, at: j, isCountry: { covered.contains($0) }) else { continue }
            if run.upperBound < tokens.endIndex, tokens[run.upperBound].folded == "'s" { continue }
            return names.canonicalName(tokens, run)
        }
        return nil
    }
}
