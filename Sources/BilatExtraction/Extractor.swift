import BilatModel

/// Article text in, facts out: splits sentences, finds mentions, resolves people and dates, and
/// assembles meetings, officials, areas, organizations, agreements and statements. Pure and
/// deterministic: no I/O.
public struct Extractor: Sendable {
    let reference: ReferenceData
    let gazetteer: Gazetteer
    let splitter: SentenceSplitter
    /// Built once: its name and role readers compile word lists that every article shares.
    let people: PeopleResolver
    let titleReader: TitleReader
    let officialsByOffice: [String: [(parts: [String], official: ReferenceOfficial)]]

    public init(reference: ReferenceData) {
        self.reference = reference
        gazetteer = Gazetteer(reference)
        splitter = SentenceSplitter(abbreviations: reference.lexicon.abbreviations)
        people = PeopleResolver(reference: reference, gazetteer: gazetteer)
        titleReader = TitleReader(gazetteer: gazetteer)
        officialsByOffice = TitleMeeting.index(reference.officials)
    }

    public func extract(_ article: Article) -> ArticleFacts {
        var article = article
        var bodyTokens = Tokenizer.tokenize(article.text)
        let bodyStart = bodyTokens.firstIndex { $0.start >= article.bodyStart } ?? bodyTokens.count
        // Metadata lines before the body are sentences of the text but report no facts. The body's tokens
        // are moved down in place, not copied into a new array: a copy retained every token's strings.
        let head = splitter.split(Array(bodyTokens[..<bodyStart]), text: article.text)
        bodyTokens.removeSubrange(..<bodyStart)
        var sentences = splitter.split(bodyTokens, text: article.text)
        for i in sentences.indices { sentences[i].index = head.count + i }
        // A transcript's heading says where the day's encounter was, as a dateline does.
        if article.datelineCity == nil { article.datelineCity = ArticlePlace(gazetteer: gazetteer).heading(of: article) }
        let mentionStage = MentionStage(gazetteer: gazetteer)
        let mentions = mentionStage.find(in: sentences)
        let published = PublicationDate.resolve(article, sentences: sentences, lexicon: reference.lexicon)
        // The headline's sides are read with the body's people, first, so that the body's "President
        // Ruto" is the headline's "President William Ruto of Kenya".
        var title = TitleParties(article: article, reader: titleReader, mentions: mentionStage)
        var people = self.people.resolve(title.sentences + sentences, mentions: title.mentions + mentions,
                                         article: article, published: published)
        let titlePersons = title.detach(from: &people, head: head)
        let dates = DateResolver(lexicon: reference.lexicon, published: published)
        var facts = ArticleFacts(published: published)
        facts.sentences = (head + sentences).map { Sentence(index: $0.index, span: $0.span, text: $0.text) }
        facts.countries = Array(Set(mentions.flatMap { $0.countries.map(\.code) })).sorted()
        facts.organizations = collect(mentions.flatMap { m in m.organizations.map { ($0.name, m.sentence.span) } })
            .map { Organization(name: $0.key, spans: $0.spans) }
        facts.areas = AreaAssembler().areas(sentences: sentences, mentions: mentions)
        facts.officials = people.officials
        let assembler = MeetingAssembler(gazetteer: gazetteer, dates: dates, article: article, names: self.people.names)
        facts.meetings = assembler.meetings(sentences: sentences, mentions: mentions, people: people)
        if let match = title.match {
            let reader = TitleMeeting(gazetteer: gazetteer, roles: self.people.roles, dates: dates,
                                      publisher: PublisherContext(article: article, published: published, reference: reference),
                                      officialsByOffice: officialsByOffice)
            let found = reader.read(tokens: title.tokens, match: match, countries: title.mentions.map(\.countries),
                                    persons: titlePersons, people: people, published: published,
                                    datelineCity: article.datelineCity, span: title.span)
            if let meeting = found.meeting {
                TitleMeeting.merge(meeting, explicit: found.explicit, ownDate: found.ownDate, published: published,
                                   into: &facts.meetings)
            }
            // "President Ruto" in a headline whose body names him only as "PRESIDENT RUTO:".
            for o in found.officials where !facts.officials.contains(where: { $0.name == o.name && $0.country == o.country }) {
                facts.officials.append(Official(name: o.name, country: o.country, role: o.role, spans: title.span.map { [$0] } ?? []))
            }
        }
        MeetingAreas.attach(&facts.meetings, mentions: mentions, people: people, cues: gazetteer.meetingCues)
        facts.agreements = AgreementAssembler(gazetteer: gazetteer, dates: dates, signingVerbs: reference.lexicon.signingVerbs)
            .agreements(sentences: sentences, mentions: mentions, people: people, meetings: facts.meetings)
        facts.statements = StatementAssembler(gazetteer: gazetteer).statements(sentences: sentences, people: people)
        // Areas are fields in which two sides cooperate: an article that names no two sides (no meeting, no
        // agreement, no two countries among its officials and mentions) names none.
        if facts.meetings.isEmpty, facts.agreements.isEmpty, Set(facts.countries + facts.officials.compactMap(\.country)).count < 2 {
            facts.areas = []
        }
        return facts
    }

    /// Groups keyed values with the spans they were read at, in first-seen order.
    private func collect(_ items: [(String, SourceSpan)]) -> [(key: String, spans: [SourceSpan])] {
        var order: [String] = []
        var spans: [String: [SourceSpan]] = [:]
        for (key, span) in items {
            if spans[key] == nil { order.append(key) }
            if spans[key]?.contains(span) != true { spans[key, default: []].append(span) }
        }
        return order.map { ($0, spans[$0]!) }
    }
}
