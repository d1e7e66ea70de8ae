import BilatModel

/// Agreements: a document name (joint statement, memorandum, treaty...) in a sentence that says it was
/// signed, issued or adopted, dated by the sentence or else by the meeting it followed; the sides are
/// the officials' countries in the sentence, or the countries named, or the main meeting's.
struct AgreementAssembler: Sendable {
    let gazetteer: Gazetteer
    let dates: DateResolver
    let signingVerbs: Set<String>

    func agreements(sentences: [TokenSentence], mentions: [SentenceMentions], people: People,
                    meetings: [Meeting]) -> [Agreement] {
        var found: [Agreement] = []
        let main = meetings.first { $0.status == .held }
        for (n, s) in sentences.enumerated() {
            let tokens = s.tokens
            let documents = gazetteer.agreementKinds.matches(in: tokens)
            guard !documents.isEmpty, tokens.contains(where: { signingVerbs.contains($0.folded) }) else { continue }
            var countries = Set(people.mentions[n].compactMap { people.persons[$0.person].country })
            if countries.count < 2 {
                countries.formUnion(mentions[n].countries.filter { $0.form != .capital }.map(\.code))
            }
            if countries.count < 2, let main { countries = Set(main.countries) }
            guard countries.count >= 2 else { continue }
            let expressions = dates.expressions(in: tokens, future: false)
            for d in documents {
                guard let kind = d.payloads.first else { continue }
                // The date nearest the document's name; else the day of the meeting it followed.
                let date = expressions.min { abs($0.range.lowerBound - d.range.lowerBound) < abs($1.range.lowerBound - d.range.lowerBound) }?.date
                    ?? main?.date ?? dates.published
                let agreement = Agreement(kind: kind, date: date, countries: Array(countries), spans: [s.span])
                if let i = found.firstIndex(where: { $0.kind == kind && $0.date == date && $0.countries == agreement.countries }) {
                    found[i].spans.append(s.span)
                } else {
                    found.append(agreement)
                }
            }
        }
        return found
    }
}
