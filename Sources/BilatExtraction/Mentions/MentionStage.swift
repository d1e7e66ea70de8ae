import BilatModel

/// What one sentence mentions: countries, organizations and area terms.
///
/// A class: every stage that reads a sentence holds its mentions (people, meetings, areas, agreements),
/// and a struct of the sentence and three lists was copied, five references retained and released, at
/// each of them. Nothing changes it once found.
public final class SentenceMentions: Sendable {
    public let sentence: TokenSentence
    let countries: [CountryMention]
    let organizations: [(name: String, range: Range<Int>)]
    let areas: [(key: String, range: Range<Int>)]

    init(sentence: TokenSentence, countries: [CountryMention], organizations: [(name: String, range: Range<Int>)],
         areas: [(key: String, range: Range<Int>)]) {
        self.sentence = sentence
        self.countries = countries
        self.organizations = organizations
        self.areas = areas
    }
}

/// Finds the entity mentions of every sentence.
struct MentionStage: Sendable {
    let gazetteer: Gazetteer

    func find(in sentences: [TokenSentence]) -> [SentenceMentions] {
        let finder = EntityMentionFinder(gazetteer: gazetteer)
        return sentences.map { s in
            SentenceMentions(sentence: s, countries: finder.countries(in: s.tokens),
                             organizations: finder.organizations(in: s.tokens), areas: finder.areas(in: s.tokens))
        }
    }
}
