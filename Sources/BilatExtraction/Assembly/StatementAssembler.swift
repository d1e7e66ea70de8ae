import BilatModel

/// Statements: a named speaker (or "he"/"she" for the previous sentence's speaker) with a speech verb,
/// the sentence, and the statement type the verb implies.
struct StatementAssembler: Sendable {
    let gazetteer: Gazetteer

    func statements(sentences: [TokenSentence], people: People) -> [Statement] {
        var found: [Statement] = []
        var lastSubject: Int?
        for (n, s) in sentences.enumerated() {
            let mentions = n < people.mentions.count ? people.mentions[n] : []
            var subject = mentions.first?.person
            if subject == nil, let first = s.tokens.first, [.he, .she].contains(first.word) { subject = lastSubject }
            let speech = gazetteer.speechVerbs.matches(in: s.tokens).first
            if let p = subject, let verb = speech, let type = verb.payloads.first {
                let person = people.persons[p]
                let words = s.tokens[verb.range].map(\.text).joined(separator: " ")
                found.append(Statement(speaker: person.name, country: person.country, verb: words, text: s.text,
                                       type: type, span: s.span))
            }
            if let first = mentions.first?.person { lastSubject = first }
        }
        return found
    }
}
