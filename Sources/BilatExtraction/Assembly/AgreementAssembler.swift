import BilatModel

/// Agreements: a document name (joint statement, memorandum, treaty...) in a sentence that says it was
/// signed, issued or adopted (a joint statement needs no verb: its name says the sides issued it), dated
/// by its own date, else by the meeting the sentence refers to, else by the article; the sides are its
/// signatories. A definite mention ("the treaty", "the March agreement", "Friday's accord") refers back
/// to a document already found unless its own date sets it apart ("the Joint Declaration signed in 2008").
struct AgreementAssembler: Sendable {
    let gazetteer: Gazetteer
    let dates: DateResolver
    let signingVerbs: WordSet
    static let determiners = Lexicon.words(.documentDeterminers)
    /// Words that join a document's name to the rest of its title.
    static let titleLinks = Lexicon.words(.documentTitleLinks)
    /// Words that refer to the day of an event just told ("that day", "the same day").
    static let dayReferences = Lexicon.words(.dayReferences)

    /// A document as one sentence names it.
    private struct DocumentMention {
        var agreement: Agreement
        var sentence: Int
        var definite: Bool
        var ownDate: Bool
    }

    func agreements(sentences: [TokenSentence], mentions: [SentenceMentions], people: People,
                    meetings: [Meeting]) -> [Agreement] {
        let main = meetings.first { $0.status == .held }
        let parties = AgreementParties(gazetteer: gazetteer, signingVerbs: signingVerbs)
        var named: [DocumentMention] = []
        // By index, the sentences read in place: `enumerated()` copied each sentence out of the array.
        for n in sentences.indices {
            let tokens = sentences[n].tokens
            let signed = tokens.contains { signingVerbs.contains($0) }
            let documents = gazetteer.agreementKinds.matches(in: tokens).filter { d in
                signed || tokens[d.range].contains { $0.word == .joint }
            }
            guard !documents.isEmpty else { continue }
            // A document still to be signed ("are expected to sign a treaty", "will issue a joint statement")
            // is no agreement yet; a future cue elsewhere in the sentence is about something else ("Australia
            // will open a pathway under a treaty signed on Friday").
            // A signing verb only in the infinitive ("will travel to Oslo to sign an agreement", "plan to
            // sign a treaty") names a document still to be signed.
            let verbs = tokens.indices.filter { signingVerbs.contains(tokens[$0]) }
            if !verbs.isEmpty, verbs.allSatisfy({ $0 > tokens.startIndex && tokens[$0 - 1].word == .to }) { continue }
            let governed = documents.map { $0.range.lowerBound } + tokens.indices.filter { signingVerbs.contains(tokens[$0]) }
            if gazetteer.meetingCues.matches(in: tokens).contains(where: { c in
                c.payloads.contains { $0.cue == .future } && governed.contains { $0 >= c.range.upperBound && $0 - c.range.upperBound <= 3 }
            }) {
                continue
            }
            let sides = parties.parties(sentence: n, sentences: sentences, mentions: mentions, people: people, main: main)
            guard sides.count >= 2 else { continue }
            // A document between other sides than the article's is background ("after Beijing signed a
            // security pact with Solomon Islands" in a report on Australia and Tuvalu).
            if let main, main.countries.count >= 2, sides.isDisjoint(with: main.countries) { continue }
            let own = ownDates(tokens: tokens, documents: documents.map(\.range))
            let fallback = referredMeetingDate(sentence: n, sentences: sentences, meetings: meetings)
                ?? articleDate(main: main)
            for (d, date) in zip(documents, own) {
                guard let kind = d.payloads.first else { continue }
                var k = d.range.lowerBound - 1
                // "the March agreement", "the 2008 declaration": a date between determiner and name.
                while k > tokens.startIndex, tokens[k].kind == .number || dates.lexicon.monthTable[tokens[k]] != nil { k -= 1 }
                // A title is no reference back: "the Treaty between the Kyrgyz Republic and ...", "the
                // Agreement on Economic Cooperation".
                let end = d.range.upperBound
                let titled = tokens[d.range.lowerBound].isCapitalized && end + 1 < tokens.endIndex
                    && Self.titleLinks.contains(tokens[end])
                    && tokens[(end + 1)...].prefix(3).contains { $0.isCapitalized }
                let definite = !titled && k >= tokens.startIndex && Self.determiners.contains(tokens[k])
                named.append(DocumentMention(agreement: Agreement(kind: kind, date: date ?? fallback, countries: Array(sides), spans: [sentences[n].span]),
                                             sentence: n, definite: definite, ownDate: date != nil))
            }
        }
        return resolve(named)
    }

    /// New documents, then definite mentions: one with its own date joins a found document of a
    /// compatible date or is a document of its own; one without joins the nearest found before it (of its
    /// kind if any), else the first after it; only when nothing was found is it a document of its own.
    private func resolve(_ named: [DocumentMention]) -> [Agreement] {
        var found: [(agreement: Agreement, sentence: Int)] = []
        func add(_ m: DocumentMention) {
            if let i = found.firstIndex(where: { $0.agreement.kind == m.agreement.kind && $0.agreement.date == m.agreement.date
                && $0.agreement.countries == m.agreement.countries }) {
                found[i].agreement.spans.append(contentsOf: m.agreement.spans)
            } else {
                found.append((m.agreement, m.sentence))
            }
        }
        for m in named where !m.definite { add(m) }
        for m in named where m.definite && m.ownDate {
            let compatible = found.indices.filter { i in
                guard let a = found[i].agreement.date, let b = m.agreement.date else { return false }
                return a.isCompatible(with: b) && !Set(found[i].agreement.countries).isDisjoint(with: m.agreement.countries)
            }
            if let i = compatible.first(where: { found[$0].agreement.kind == m.agreement.kind }) ?? compatible.first {
                found[i].agreement.spans.append(contentsOf: m.agreement.spans)
            } else {
                add(m)
            }
        }
        for m in named where m.definite && !m.ownDate {
            guard !found.isEmpty else { add(m); continue }
            let before = found.indices.filter { found[$0].sentence <= m.sentence }
            let i = before.last(where: { found[$0].agreement.kind == m.agreement.kind }) ?? before.last ?? 0
            found[i].agreement.spans.append(contentsOf: m.agreement.spans)
        }
        return found.sorted { $0.sentence < $1.sentence }.map(\.agreement)
    }

    /// Each document's own date: every date expression of the sentence belongs to the document nearest
    /// it, and a document takes the nearest of its own. Signed documents are dated in the past; a year in
    /// a title ("Vision 2035") or a period ("Action Plan for 2025 to 2028") is no date.
    private func ownDates(tokens: ArraySlice<Token>, documents: [Range<Int>]) -> [PartialDate?] {
        let asides = AsideFinder.ranges(in: tokens).map(\.range)
        let expressions = dates.expressions(in: tokens, future: false).filter { e in
            (dates.published.map { e.date <= $0 || e.date.isCompatible(with: $0) } ?? true)
                && (e.date.precision != .year || e.relative || isYearOfDocument(e, tokens: tokens, documents: documents))
        }
        // A date inside an aside dates only a document of the same aside ("which replaces the Joint
        // Declaration signed in 2008").
        func aside(_ i: Int) -> Range<Int>? { asides.first { $0.contains(i) } }
        func distance(_ e: DateExpression, _ d: Range<Int>) -> Int {
            e.range.lowerBound >= d.upperBound ? e.range.lowerBound - d.upperBound : max(0, d.lowerBound - e.range.upperBound)
        }
        var best: [(date: PartialDate, distance: Int)?] = Array(repeating: nil, count: documents.count)
        for e in expressions {
            var reachable = documents.indices.filter { aside(e.range.lowerBound) == nil || aside(e.range.lowerBound) == aside(documents[$0].lowerBound) }
            // A relative clause with no document of its own describes the one just before it ("the joint
            // declaration, which the two countries signed in 2019").
            if reachable.isEmpty, let a = aside(e.range.lowerBound) {
                reachable = documents.indices.filter { documents[$0].upperBound <= a.lowerBound && a.lowerBound - documents[$0].upperBound <= 1 }
            }
            guard let i = reachable.min(by: { distance(e, documents[$0]) < distance(e, documents[$1]) }) else { continue }
            let d = distance(e, documents[i])
            if d <= 30, d < (best[i]?.distance ?? .max) { best[i] = (e.date, d) }
        }
        return best.map { $0?.date }
    }

    /// A document named with no date of its own in a sentence that refers to a meeting ("issued at the
    /// end of that visit", "after the talks", "that day") was issued at that meeting: the one the sentence
    /// reports, else the last one the two sentences before report.
    private func referredMeetingDate(sentence n: Int, sentences: [TokenSentence], meetings: [Meeting]) -> PartialDate? {
        let tokens = sentences[n].tokens
        let refers = !gazetteer.meetingTerms.matches(in: tokens).isEmpty
            || tokens.indices.dropLast().contains { Self.dayReferences.contains(tokens[$0]) && tokens[$0 + 1].word == .day }
        guard refers else { return nil }
        for back in 0...min(2, n) {
            let span = sentences[n - back].span
            // A signed or issued document is past: a future encounter of the same sentence ("issued a joint
            // statement and will meet again next year") does not date it.
            if let m = meetings.last(where: { $0.date != nil && $0.status == .held && $0.spans.contains(span) }) { return m.date }
        }
        return nil
    }

    /// The article's date for an undated document: the main meeting's day when it is a day on or before
    /// publication (an analysis published days later), else the publication date.
    private func articleDate(main: Meeting?) -> PartialDate? {
        if let d = main?.date, d.precision == .day, dates.published.map({ d <= $0 }) ?? true { return d }
        return dates.published ?? main?.date
    }

    /// A bare year dates a document after "in"/"of" ("signed in 2008") or just before its name ("a 1998
    /// general agreement"); elsewhere it is part of a title or a period ("Action Plan for 2025 to 2028").
    private func isYearOfDocument(_ e: DateExpression, tokens: ArraySlice<Token>, documents: [Range<Int>]) -> Bool {
        let i = e.range.lowerBound
        if i > tokens.startIndex, [.in, .of].contains(tokens[i - 1].word) { return true }
        return documents.contains { $0.lowerBound > i && $0.lowerBound - i <= 4 }
    }
}
