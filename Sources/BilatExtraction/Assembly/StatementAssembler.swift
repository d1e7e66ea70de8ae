import BilatModel

/// Statements: a named speaker (or "he"/"she" for the previous sentence's speaker) with a speech verb,
/// the sentence, and the statement type the verb implies.
struct StatementAssembler: Sendable {
    let gazetteer: Gazetteer

    func statements(sentences: [TokenSentence], people: People) -> [Statement] {
        var found: [Statement] = []
        var lastSubject: Int?
        // By index, the sentences read in place: `enumerated()` copied each sentence out of the array.
        for n in sentences.indices {
            let mentions = n < people.mentions.count ? people.mentions[n] : []
            var subject = mentions.first?.person
            if subject == nil, let first = sentences[n].tokens.first, [.he, .she].contains(first.word) { subject = lastSubject }
            // The speech verbs are matched only in a sentence with a speaker.
            if let p = subject, let verb = gazetteer.speechVerbs.matches(in: sentences[n].tokens).first,
               let type = verb.payloads.first {
                let person = people.persons[p]
                let words = sentences[n].tokens[verb.range].map(\.text).joined(separator: " ")
                found.append(Statement(speaker: person.name, country: person.country, verb: words, text: sentences[n].text,
                                       type: type, span: sentences[n].span))
            }
            if let first = mentions.first?.person { lastSubject = first }
        }
        return found
    }
}
