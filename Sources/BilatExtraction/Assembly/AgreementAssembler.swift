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
            var documents = gazetteer.agreementKinds.matches(in: tokens)
            guard !documents.isEmpty, tokens.contains(where: { signingVerbs.contains($0.folded) }) else { continue }
            // "The treaty builds on an agreement signed in 2023": "the treaty" is the one already reported.
            let fresh = documents.filter { d in
                !(d.range.lowerBound > tokens.startIndex && ["the", "this"].contains(tokens[d.range.lowerBound - 1].folded))
            }
            if !fresh.isEmpty && fresh.count < documents.count { documents = fresh }
            // A document still to be signed ("are expected to sign a treaty") is no agreement yet.
            let firstDocument = documents[0].range.lowerBound
            if gazetteer.meetingCues.matches(in: tokens).contains(where: { $0.payloads.contains("future") && $0.range.lowerBound < firstDocument }) {
                continue
            }
            var countries = Set(people.mentions[n].compactMap { people.persons[$0.person].country })
            if countries.count < 2 {
                // Capitals stand for their governments ("Riyadh and Tehran said"), except as places ("in Beijing").
                countries.formUnion(mentions[n].countries.filter { c in
                    c.form != .capital || c.range.lowerBound == tokens.startIndex
                        || !["in", "at", "to", "from"].contains(tokens[c.range.lowerBound - 1].folded)
                }.map(\.code))
            }
            if countries.count < 2, let main { countries = Set(main.countries) }
            guard countries.count >= 2 else { continue }
            let asides = AsideFinder.asides(in: tokens)
            // Signed documents are dated in the past; a year in a title ("Vision 2035") is no date.
            let expressions = dates.expressions(in: tokens, future: false).filter { e in
                !asides.contains(e.range.lowerBound) && (dates.published.map { e.date <= $0 || e.date.isCompatible(with: $0) } ?? true)
                    && (e.date.precision != .year || e.relative || isYearOfDocument(e, tokens: tokens, documents: documents))
            }
            for d in documents {
                guard let kind = d.payloads.first else { continue }
                // The date near the document's name; else the article's day, or the meeting's.
                let near = expressions.filter { abs($0.range.lowerBound - d.range.lowerBound) <= 12 }
                let date = near.min { abs($0.range.lowerBound - d.range.lowerBound) < abs($1.range.lowerBound - d.range.lowerBound) }?.date
                    ?? dates.published ?? main?.date
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

    /// A bare year dates a document after "in"/"of" ("signed in 2008") or just before its name ("a 1998
    /// general agreement"); elsewhere it is part of a title or a period ("Action Plan for 2025 to 2028").
    private func isYearOfDocument(_ e: DateExpression, tokens: ArraySlice<Token>,
                                  documents: [PhraseMatcher<AgreementKind>.Match]) -> Bool {
        let i = e.range.lowerBound
        if i > tokens.startIndex, ["in", "of"].contains(tokens[i - 1].folded) { return true }
        return documents.contains { $0.range.lowerBound > i && $0.range.lowerBound - i <= 4 }
    }
}
