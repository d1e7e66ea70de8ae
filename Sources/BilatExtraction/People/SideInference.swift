/// Gives a country to an official the text names without one, from the sides a sentence names:
/// when a sentence names the sides ("India-Japan", "Canada and China") and all its officials but
/// one have a country, and those countries are among the sides, the remaining side is that official's.
enum SideInference {
    static func infer(_ people: inout People, mentions: [SentenceMentions]) {
        // By index, the sentence's mentions read only where two persons are named: enumerating copied
        // every sentence's mentions, and most name one person or none.
        for n in mentions.indices where n < people.mentions.count && people.mentions[n].count >= 2 {
            let inSentence = Array(Set(people.mentions[n].map(\.person)))
            let unknown = inSentence.filter { people.persons[$0].country == nil && !people.persons[$0].international }
            guard unknown.count == 1, inSentence.count >= 2 else { continue }
            let sm = mentions[n]
            let tokens = sm.sentence.tokens
            let known = Set(inSentence.compactMap { people.persons[$0].country })
            // The sides: countries named as such, not places ("in Tokyo", "to Japan").
            let sides = Set(sm.countries.filter { c in
                c.form != .capital && !(c.range.lowerBound > tokens.startIndex
                    && [.in, .to, .at, .from].contains(tokens[c.range.lowerBound - 1].word))
            }.map(\.code))
            let remaining = sides.subtracting(known)
            // Only when every known official belongs to a named side: the sentence is about those sides.
            if remaining.count == 1, !known.isEmpty, known.isSubset(of: sides) { people.persons[unknown[0]].country = remaining.first }
        }
    }
}
