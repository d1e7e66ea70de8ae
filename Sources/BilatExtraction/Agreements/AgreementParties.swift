import BilatModel

/// The sides that signed or issued a document a sentence names: the signatories, not the witnesses,
/// hosts or brokers ("in a ceremony hosted by U.S. Secretary of State Marco Rubio"), nor a country the
/// sentence names as a place; "the two governments" and "the three countries" say how many sides there are.
struct AgreementParties: Sendable {
    let gazetteer: Gazetteer
    let signingVerbs: WordSet
    static let places = Lexicon.words(.placePrepositions)
    static let sideNouns = Lexicon.words(.sideNouns)
    static let numbers = Lexicon.numbers(.sideCounts)

    /// The parties of the documents of sentence `n`; `main` is the article's main meeting.
    func parties(sentence n: Int, sentences: [TokenSentence], mentions: [SentenceMentions], people: People,
                 main: Meeting?) -> Set<String> {
        let tokens = sentences[n].tokens
        let witnesses = witnessRanges(tokens)
        let named = people.mentions[n].filter { people.persons[$0.person].country != nil }
        let persons = named.filter { m in !witnesses.contains { $0.contains(m.range.lowerBound) } }
        func countries(_ ms: [PersonMention]) -> Set<String> { Set(ms.compactMap { people.persons[$0.person].country }) }
        if let pair = signedWith(tokens, countries: mentions[n].countries) { return pair }
        var sides: Set<String>
        // The signatories named before the signing verb: "Starmer and Zelensky signed ... days before Trump ...".
        let verb = tokens.indices.first { signingVerbs.contains(tokens[$0]) }
        let subjects = countries(persons.filter { m in verb.map { m.range.lowerBound < $0 } ?? false })
        if subjects.count >= 2 {
            sides = subjects
        } else {
            sides = countries(persons)
            if sides.count < 2 {
                // Capitals stand for their governments ("Riyadh and Tehran said"), except as places ("in Beijing").
                sides.formUnion(mentions[n].countries.filter { c in
                    !witnesses.contains { $0.contains(c.range.lowerBound) }
                        && (c.range.lowerBound == tokens.startIndex || !Self.places.contains(tokens[c.range.lowerBound - 1]))
                }.map(\.code))
            }
        }
        if let expected = expectedCount(tokens), sides.count != expected {
            if expected == 2, let main, main.countries.count == 2 {
                sides = Set(main.countries)
            } else if sides.union(countries(named)).count == expected {
                // "at a meeting hosted by Qatar's Emir, after which the three countries issued ...": the host is a side.
                sides.formUnion(countries(named))
            } else if n > 0 {
                // "The three countries issued a trilateral joint statement": the ones just named.
                let before = sides.union(countries(people.mentions[n - 1].filter { people.persons[$0.person].country != nil }))
                if before.count == expected { sides = before }
            }
        }
        if sides.count < 2, let main { sides = Set(main.countries) }
        // With no meeting to go by, the sides the sentence before named ("China and France signed ... The
        // agreement builds on a declaration the two countries signed in 2019").
        if sides.count < 2, n > 0 {
            let before = Set(mentions[n - 1].countries.map(\.code)).union(countries(people.mentions[n - 1]))
            if before.count == 2 || (before.count >= 2 && expectedCount(tokens) == before.count) { sides = before }
        }
        return sides
    }

    /// "Beijing signed a security pact with Solomon Islands": the country just before the signing verb
    /// and the one after "with" are the sides, whatever else the sentence names.
    private func signedWith(_ tokens: ArraySlice<Token>, countries: [CountryMention]) -> Set<String>? {
        for c in countries {
            let v = c.range.upperBound
            guard v < tokens.endIndex, signingVerbs.contains(tokens[v]) else { continue }
            var k = v + 1
            while k < tokens.endIndex, k - v <= 8, ![",", ";", "."].contains(tokens[k].text) {
                if tokens[k].word == .with, let other = countries.first(where: { $0.range.lowerBound == k + 1 }), other.code != c.code {
                    return [c.code, other.code]
                }
                k += 1
            }
        }
        return nil
    }

    /// "the two governments", "the three countries": how many sides the sentence says there are.
    private func expectedCount(_ tokens: ArraySlice<Token>) -> Int? {
        for i in tokens.indices.dropLast() {
            if let n = Self.numbers[tokens[i]], Self.sideNouns.contains(tokens[i + 1]) { return n }
            if tokens[i].word == .trilateral { return 3 }
        }
        return nil
    }

    /// The stretches of a sentence that name witnesses, hosts and brokers: from a witness cue ("hosted
    /// by", "in the presence of", "looking on") to the end of its clause; "in Rubio's presence" and "with
    /// Scholz and Ruto looking on" cover the names just before the cue too.
    private func witnessRanges(_ tokens: ArraySlice<Token>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for i in tokens.indices where gazetteer.witnessCues.contains(tokens[i]) {
            var end = i + 1
            while end < tokens.endIndex, ![",", ";", "."].contains(tokens[end].text) { end += 1 }
            var start = i
            if [.presence, .looking].contains(tokens[i].word) {
                while start > tokens.startIndex, ![.comma, .semicolon, .with, .in].contains(tokens[start - 1].word) { start -= 1 }
            }
            found.append(start..<end)
        }
        return found
    }
}
