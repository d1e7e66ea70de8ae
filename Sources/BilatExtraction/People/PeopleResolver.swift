import BilatModel

/// Finds officials (title and name, name and title, reference names) and links later mentions
/// (surname, title and surname) to them; gives a country to officials the text names by office alone
/// from whose office it is (a possessive, a delegation, the article's home side).
///
/// Each sentence passes through named stages (`titledNames`, `signature`, `namesWithOffices`,
/// `descriptions`, `pronounOwners`, `retinues`), each reading the sentence and writing the article's
/// discourse, an explicit state passed from sentence to sentence; each name they find goes through
/// `admit` (PersonAdmission.swift) under the naming rules of `NamingRule`.
/// A class: a struct of this many references was copied (every reference retained and released) at
/// each call that captured it, 13 % of extraction.
final class PeopleResolver: Sendable {
    let reference: ReferenceData
    let gazetteer: Gazetteer
    let names: NameReader
    let roles: RoleReader
    let appositives: AppositiveReader
    let anaphora: RoleAnaphora
    let holders: OfficeHolders
    let retinueWords: WordSet

    init(reference: ReferenceData, gazetteer: Gazetteer) {
        self.reference = reference
        self.gazetteer = gazetteer
        names = NameReader(lexicon: reference.lexicon)
        roles = RoleReader(gazetteer: gazetteer, bodyEnds: reference.lexicon.institutionWords)
        appositives = AppositiveReader(names: names)
        anaphora = RoleAnaphora(names: names, reference: reference, gazetteer: gazetteer)
        holders = OfficeHolders(reference: reference, names: names)
        retinueWords = WordSet(reference.lexicon.retinueWords)
    }

    func resolve(_ sentences: [TokenSentence], mentions: [SentenceMentions], article: Article,
                 published: PartialDate?) -> People {
        var discourse = PeopleDiscourse(nameParts: NamePartsCache(names: names))
        let publisher = PublisherContext(article: article, published: published, reference: reference)
        // By index, the sentences read in place: `zip(...).enumerated()` copied each sentence out of the array.
        for n in 0..<min(sentences.count, mentions.count) {
            let sm = mentions[n]
            var reading = SentenceReading(index: n, sentence: sentences[n], mentions: sm,
                                          roles: roles.roles(in: sentences[n].tokens, countries: sm.countries))
            titledNames(&reading, &discourse, published: published)
            if n + 1 < sentences.count { signature(&reading, &discourse, next: sentences[n + 1], mentions[n + 1], published: published) }
            namesWithOffices(&reading, &discourse, published: published)
            reading.persons.sort { $0.range.lowerBound < $1.range.lowerBound }
            descriptions(&reading, &discourse, publisher: publisher, published: published)
            // Passed inout: a reading passed by value was copied, each of its references retained, per sentence.
            pronounOwners(&reading, &discourse)
            retinues(&reading, &discourse)
            discourse.people.mentions.append(reading.persons)
            if let first = reading.persons.first?.person { discourse.lastSubject = first }
        }
        var people = discourse.people
        SideInference.infer(&people, mentions: mentions)
        let dateline = article.datelineCity.flatMap { city -> String? in
            let t = Tokenizer.tokenize(city)
            return gazetteer.countries.longestMatch(in: t[...], at: 0).flatMap { $0.range.count == t.count ? $0.payloads.first?.code : nil }
        }
        HomeSide.assign(&people, mentions: mentions, datelineCountry: dateline, publisherCountry: publisher.country)
        return people
    }

    // MARK: Stages

    /// Title then name: "Chinese President Xi Jinping", "the Prime Minister of Japan, H.E. Mr. Shigeru Ishiba".
    private func titledNames(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse, published: PartialDate?) {
        let tokens = reading.tokens
        for r in reading.roles {
            var j = r.range.upperBound
            if j < tokens.endIndex, tokens[j].text == "," { j += 1 }
            let nameStart = names.skipHonorifics(tokens, from: j)
            guard let run = names.run(tokens, at: nameStart, isCountry: reading.isCountry) else { continue }
            let nameCountry = countryAfterName(run, in: reading)
            let owner = owner(before: r.range.lowerBound, tokens: tokens,
                              knownPerson: { knownPerson(at: $0, in: reading, discourse) })
            let before = reading.persons.last
            admit(NameCandidate(run: run, role: r, nameCountry: nameCountry, owner: owner, rule: .titleThenName,
                                honorific: nameStart > j), &reading, &discourse, published: published)
            // Offices joined by "and" share the country written before the first ("Ukraine's Foreign Minister
            // Dmytro Kuleba and Minister of Defense Oleksii Reznikov"), for an official the reference does not
            // place.
            if let added = reading.persons.last, added.person != before?.person, let before, r.country == nil,
               discourse.people.persons[added.person].country == nil, !discourse.people.persons[added.person].international,
               r.range.lowerBound - 1 == before.range.upperBound, tokens[before.range.upperBound].word == .and,
               let shared = discourse.people.persons[before.person].country {
                discourse.people.persons[added.person].country = shared
            }
        }
    }

    /// A line that is a name alone over a line that is an office alone, as a statement is signed
    /// ("Hussein Mohamed" / "State House Spokesperson"): the office is the name's.
    private func signature(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse, next: TokenSentence,
                           _ nextMentions: SentenceMentions, published: PartialDate?) {
        let tokens = reading.tokens
        guard reading.persons.isEmpty, tokens.count >= 2, tokens.count <= 5, next.tokens.first?.newlineBefore == true,
              let run = names.run(tokens, at: names.skipHonorifics(tokens, from: tokens.startIndex), isCountry: reading.isCountry),
              run.upperBound == tokens.endIndex else { return }
        let office = roles.roles(in: next.tokens, countries: nextMentions.countries)
        guard office.count == 1, var role = office.first, role.range.upperBound == next.tokens.endIndex,
              role.range.lowerBound <= next.tokens.startIndex + 3 else { return }
        // The office is read in the next line; here it only names the person's title and country.
        role.range = tokens.endIndex..<tokens.endIndex
        admit(NameCandidate(run: run, role: role, nameCountry: nil, owner: nil, rule: .nameThenTitle), &reading, &discourse,
              published: published)
    }

    /// The country written after a name: "King Mohammed VI of Morocco", "President Guillermo Lasso of the
    /// Republic of Ecuador".
    private func countryAfterName(_ run: Range<Int>, in reading: SentenceReading) -> String? {
        let tokens = reading.tokens
        var k = run.upperBound
        guard k + 1 < tokens.endIndex, tokens[k].word == .of else { return nil }
        k += 1
        if tokens[k].word == .the { k += 1 }
        return reading.mentions.countries.first { $0.range.lowerBound == k && $0.form == .name }?.code
    }

    /// Name then title: "Mr. ISHIBA Shigeru, Prime Minister of Japan", "X, the UAE's national security adviser".
    private func namesWithOffices(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse, published: PartialDate?) {
        let tokens = reading.tokens
        var i = tokens.startIndex
        while i < tokens.endIndex {
            // The words of an office are no name ("Minister of Planning and Investment").
            if let r = reading.roles.first(where: { $0.range.contains(i) && $0.range.upperBound > i }) {
                i = r.range.upperBound
                continue
            }
            let start = names.skipHonorifics(tokens, from: i)
            guard start < tokens.endIndex, names.mayStartRun(tokens, at: start), !reading.taken.contains(start),
                  let run = names.run(tokens, at: start, isCountry: reading.isCountry) else {
                i = max(i + 1, start)
                continue
            }
            var appositive = appositives.read(after: run.upperBound, tokens: tokens, roles: reading.roles,
                                              countries: reading.mentions.countries,
                                              knownPerson: { knownPerson(at: $0, in: reading, discourse) })
            // An office that a name follows is that name's ("the Grand Ethiopian Renaissance Dam, President
            // Biden said"), not the office of the words before the comma, unless the reader took that name for
            // whose office it is ("X, the finance minister Erdogan had appointed").
            if let a = appositive, a.owner == nil, reading.persons.contains(where: { (a.role.range.upperBound...a.role.range.upperBound + 1).contains($0.range.lowerBound) }) {
                appositive = nil
            }
            admit(NameCandidate(run: run, role: appositive?.role, nameCountry: nil, owner: appositive?.owner,
                                rule: .nameThenTitle, honorific: start > i), &reading, &discourse, published: published)
            i = run.upperBound
        }
    }

    /// "the crown prince", "the US President": the official of the discourse who holds the office.
    private func descriptions(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse, publisher: PublisherContext,
                              published: PartialDate?) {
        let span = reading.sentence.span
        for r in anaphora.descriptions(in: reading.tokens, roles: reading.roles, countries: reading.mentions.countries,
                                       mentions: reading.persons, isCountry: reading.isCountry) {
            let earlier = reading.persons.filter { $0.range.lowerBound < r.range.lowerBound }
            // In a government's readout "the President" is its own President (PublisherContext).
            let own = publisher.holder(of: r).map {
                publisher.person(for: $0, keys: discourse.nameParts($0.name), people: &discourse.people,
                                 registry: &discourse.registry, span: span, sentence: reading.index)
            }.flatMap { p in earlier.contains { $0.person == p } ? nil : p }
            guard let p = own ?? anaphora.antecedent(of: r, persons: discourse.people.persons, earlier: earlier,
                                                     published: published) else { continue }
            if !discourse.people.persons[p].spans.contains(span) { discourse.people.persons[p].spans.append(span) }
            reading.persons.insert(PersonMention(person: p, range: r.range), at: earlier.count)
        }
    }

    /// "his national security adviser": the office of the person the sentence is about.
    private func pronounOwners(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse) {
        for (p, at) in reading.pronounOwned where discourse.people.persons[p].country == nil {
            discourse.people.persons[p].country = subject(before: at, excluding: p, in: reading.persons,
                                                          people: discourse.people, last: discourse.lastSubject)
        }
    }

    /// "his delegation included X and Y": the officials named after the word join its owner's side.
    private func retinues(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse) {
        // Read first, then written: knownPerson reads the discourse, which an inout argument would hold
        // exclusively for the whole call (a fatal access conflict the fuzzer found).
        guard let retinue = retinue(tokens: reading.tokens, countries: reading.mentions.countries, mentions: reading.persons,
                                    people: discourse.people, last: discourse.lastSubject,
                                    knownPerson: { knownPerson(at: $0, in: reading, discourse) }) else { return }
        for p in retinue.members { discourse.people.persons[p].country = retinue.side }
    }

    // MARK: Owners and sides

    /// The owner written just before an office: "his national security adviser", "Trump's senior adviser".
    private func owner(before start: Int, tokens: ArraySlice<Token>,
                       knownPerson: (Int) -> (person: Int, end: Int)?) -> Owner? {
        var k = start - 1
        // One lowercase modifier may stand between: "his senior adviser".
        if k > tokens.startIndex, tokens[k].kind == .word, !tokens[k].isCapitalized, ![.his, .her, .possessive].contains(tokens[k].word) {
            k -= 1
        }
        guard k >= tokens.startIndex else { return nil }
        if [.his, .her].contains(tokens[k].word) { return .pronoun(at: k) }
        // A possessive that opens the text has no name before it.
        guard tokens[k].word == .possessive, k > tokens.startIndex else { return nil }
        var b = k - 1
        while b > tokens.startIndex, tokens[b - 1].isCapitalized, tokens[b - 1].kind == .word { b -= 1 }
        while b < k {
            if let p = knownPerson(b), p.end == k { return .person(p.person) }
            b += 1
        }
        return nil
    }

    /// The country of the person nearest before token `at` ("Modi was accompanied by his ..."), else of
    /// the previous sentence's subject ("He noted that his delegation ...").
    private func subject(before at: Int, excluding p: Int, in mentions: [PersonMention], people: People, last: Int?) -> String? {
        if let m = mentions.last(where: { $0.range.lowerBound < at && $0.person != p && people.persons[$0.person].country != nil }) {
            return people.persons[m.person].country
        }
        return last.flatMap { $0 == p ? nil : people.persons[$0].country }
    }

    /// "his delegation included X and Y", "the Saudi delegation led by X", "accompanied by X": the
    /// officials named after the word (persons without a country) belong to its owner's side.
    private func retinue(tokens: ArraySlice<Token>, countries: [CountryMention], mentions: [PersonMention],
                         people: People, last: Int?,
                         knownPerson: (Int) -> (person: Int, end: Int)?) -> (side: String, members: [Int])? {
        guard let w = tokens.indices.first(where: { retinueWords.contains(tokens[$0]) }) else { return nil }
        let unknown = mentions.filter { $0.range.lowerBound > w && people.persons[$0.person].country == nil }
        guard !unknown.isEmpty else { return nil }
        var side: String?
        if let c = countries.first(where: { $0.range.upperBound + ($0.possessive ? 1 : 0) == w }) {
            side = c.code
        } else {
            switch owner(before: w, tokens: tokens, knownPerson: knownPerson) {
            case .person(let o): side = people.persons[o].country
            case .country(let c): side = c
            case .pronoun(let at): side = subject(before: at, excluding: -1, in: mentions, people: people, last: last)
            case nil:
                // "accompanied by": the sentence's subject.
                if tokens[w].folded.hasPrefix("accompan") { side = subject(before: w, excluding: -1, in: mentions, people: people, last: last) }
            }
        }
        guard let side else { return nil }
        return (side, unknown.map(\.person))
    }

}
