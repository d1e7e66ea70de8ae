import BilatModel

/// What one sentence mentions: countries, organizations and area terms.
public struct SentenceMentions: Sendable {
    public var sentence: TokenSentence
    var countries: [CountryMention]
    var organizations: [(name: String, range: Range<Int>)]
    var areas: [(key: String, range: Range<Int>)]
}

/// Finds the entity mentions of every sentence.
struct MentionStage: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon

    func find(in sentences: [TokenSentence], tokens: [Token]) -> [SentenceMentions] {
        let finder = EntityMentionFinder(gazetteer: gazetteer)
        return sentences.map { s in
            SentenceMentions(sentence: s, countries: finder.countries(in: s.tokens),
                             organizations: finder.organizations(in: s.tokens), areas: finder.areas(in: s.tokens))
        }
    }
}
