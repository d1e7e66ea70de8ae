import BilatModel

/// Finds officials (title and name, name and title, reference names) and links later mentions
/// (surname, title and surname) to them; gives a country to officials the text names by office alone
/// from whose office it is (a possessive, a delegation, the article's home side).
/// A class: the nested functions of `resolve` capture it, and a struct of this many references was
/// copied (every reference retained and released) at each capture, 13 % of extraction.
final class PeopleResolver: Sendable {
    let reference: ReferenceData
    let gazetteer: Gazetteer
    let names: NameReader
    let roles: RoleReader
    let appositives: AppositiveReader
    let anaphora: RoleAnaphora
    let retinueWords: WordSet

    init(reference: ReferenceData, gazetteer: Gazetteer) {
        self.reference = reference
        self.gazetteer = gazetteer
        names = NameReader(lexicon: reference.lexicon)
        roles = RoleReader(gazetteer: gazetteer)
        appositives = AppositiveReader(names: names)
        anaphora = RoleAnaphora(names: names, reference: reference, gazetteer: gazetteer)
        retinueWords = WordSet(reference.lexicon.retinueWords)
    }

    func resolve(_ sentences: [TokenSentence], mentions: [SentenceMentions], article: Article,
                 published: PartialDate?) -> People {
        var people = People()
        var registry = NameRegistry()
        let publisher = PublisherContext(article: article, published: published, reference: reference)
        // The person the previous sentences were about, for "he", "his".
        var lastSubject: Int?
        // The name parts of each name met, worked out once an article: names recur in every sentence.
        var nameKeys: [String: [String]] = [:]
        func nameParts(of name: String) -> [String] {
            if let found = nameKeys[name] { return found }
            let found = names.keys(of: name)
            nameKeys[name] = found
            return found
        }
        for (n, (s, sm)) in zip(sentences, mentions).enumerated() {
            let tokens = s.tokens
            var countryAt = Set<Int>()
            for c in sm.countries { countryAt.formUnion(c.range) }
            let isCountry: (Int) -> Bool = { countryAt.contains($0) }
            let found = roles.roles(in: tokens, countries: sm.countries)
            var taken = Set<Int>()
            var sentenceMentions: [PersonMention] = []
            var pronounOwned: [(person: Int, at: Int)] = []
            /// A person already known, named at `k` ("Trump" in "Trump's"), and the index after the name.
            func knownPerson(at k: Int) -> (person: Int, end: Int)? {
                guard let run = names.run(tokens, at: k, isCountry: isCountry),
                      let p = registry.match(keys: nameParts(of: names.canonicalName(tokens, run)), country: nil,
                                             persons: people.persons) else { return nil }
                return (p, run.upperBound)
            }
            func add(_ run: Range<Int>, role: RolePhrase?, nameCountry: String?, owner: Owner? = nil) {
                guard !run.isEmpty, !run.contains(where: taken.contains) else { return }
                // Capitalized words right after a country's name belong to an institution ("the India-China
                // Boundary Question", "China Development Bank"); a possessive introduces a person ("India's Modi").
                // A name ending in "Airport", "Foundation", "Committee" is a place or a body.
                if reference.lexicon.institutionWords.contains(tokens[run.upperBound - 1]) { return }
                if role?.range.upperBound != run.lowerBound,
                   sm.countries.contains(where: { $0.range.upperBound == run.lowerBound && !$0.possessive && $0.form != .demonym }) { return }
                // A known name followed by more capitalized words that are not a patronymic ("President
                // Donald Trump Delivers ..." in a headline): the name ends where the known one does.
                var range = run
                if let m = gazetteer.officials.longestMatch(in: tokens[run], at: run.lowerBound), m.range.count >= 2,
                   m.range.upperBound < run.upperBound, !names.particles.contains(tokens[m.range.upperBound]) {
                    range = m.range
                }
                var role = role
                if role?.counterpart == true {
                    // The counterpart holds the office of the person the sentence is about.
                    let subject = sentenceMentions.first.map { people.persons[$0.person] }
                    role?.title = subject?.role ?? ""
                }
                let name = names.canonicalName(tokens, range)
                let keys = nameParts(of: name)
                guard !keys.isEmpty else { return }
                var country = role?.country ?? nameCountry
                if country == nil, case .country(let c) = owner { country = c }
                if country == nil, case .person(let o) = owner { country = people.persons[o].country }
                let title = role.flatMap { r in r.title.isEmpty ? nil : (r.former ? "former " : "") + r.title }
                let known = referenceOfficial(tokens, range, name: name, titleStart: role?.range.lowerBound, published: published)
                // A reference official is not merged into a different person who shares a name part.
                let p = registry.match(keys: keys, country: country ?? known?.official.country, persons: people.persons)
                    .flatMap { p in known.map { nameParts(of: $0.official.name).allSatisfy(people.persons[p].keys.contains) } ?? true ? p : nil }
                    // Two spellings of one reference official ("Joe Biden", "Joseph R. Biden Jr.") are one person.
                    ?? known.flatMap { k in people.persons.firstIndex { $0.name == k.official.name && $0.country == k.official.country } }
                if let p {
                    if known == nil, keys.count > people.persons[p].keys.count, Set(keys).isSuperset(of: people.persons[p].keys) {
                        people.persons[p].name = name
                        people.persons[p].keys = Set(keys)
                        registry.register(p, keys: keys)
                    }
                    if people.persons[p].country == nil { people.persons[p].country = country }
                    if people.persons[p].role == nil, let title { people.persons[p].role = title }
                    people.persons[p].spans.append(s.span)
                    sentenceMentions.append(PersonMention(person: p, range: range))
                    taken.formUnion(range)
                    if case .pronoun(let at) = owner { pronounOwned.append((p, at)) }
                    return
                }
                // A new person needs an office, a country or a reference entry; a bare capitalized
                // phrase is more often an institution than a person.
                guard known != nil || (keys.count >= 2 && (role != nil || country != nil)) else { return }
                var person = Person(name: name, country: country ?? known?.official.country, role: title, keys: Set(keys),
                                    spans: [s.span])
                if person.role == nil, let known {
                    let ended = known.official.end.map { e in published.map { e < $0 } ?? false } ?? false
                    person.role = (ended ? "former " : "") + known.official.role
                }
                // A reference official is written by the reference's name, the one news uses ("Joe Biden"
                // for "Joseph R. Biden, Jr.", "Takeshi Iwaya" for "IWAYA Takeshi").
                if let known { person.name = known.official.name }
                // How the article first names a reference official tells its home side.
                person.vote = country != nil ? -1 : (owner == nil && known != nil ? 1 : 0)
                person.firstSentence = n
                person.international = role.map { r in
                    sm.organizations.contains { $0.range.upperBound >= r.range.lowerBound - 1 && $0.range.lowerBound <= r.range.upperBound }
                } ?? false
                people.persons.append(person)
                let index = people.persons.count - 1
                // A patronymic the text adds is no name of the person's own.
                let referenceKeys = known.map { nameParts(of: $0.official.name) } ?? []
                people.persons[index].keys = known?.lengthened == true ? Set(referenceKeys) : Set(keys).union(referenceKeys)
                registry.register(index, keys: people.persons[index].keys)
                sentenceMentions.append(PersonMention(person: index, range: range))
                taken.formUnion(range)
                if case .pronoun(let at) = owner { pronounOwned.append((index, at)) }
            }
            // Title then name: "Chinese President Xi Jinping", "the Prime Minister of Japan, H.E. Mr. Shigeru Ishiba".
            for r in found {
                var j = r.range.upperBound
                if j < tokens.endIndex, tokens[j].text == "," { j += 1 }
                j = names.skipHonorifics(tokens, from: j)
                guard let run = names.run(tokens, at: j, isCountry: isCountry) else { continue }
                var nameCountry: String?
                // "King Mohammed VI of Morocco".
                if run.upperBound + 1 < tokens.endIndex, tokens[run.upperBound].word == .of,
                   let c = sm.countries.first(where: { $0.range.lowerBound == run.upperBound + 1 }) {
                    nameCountry = c.code
                }
                add(run, role: r, nameCountry: nameCountry, owner: owner(before: r.range.lowerBound, tokens: tokens, knownPerson: knownPerson))
            }
            // Name then title: "Mr. ISHIBA Shigeru, Prime Minister of Japan", "X, the UAE's national security adviser".
            var i = tokens.startIndex
            while i < tokens.endIndex {
                let start = names.skipHonorifics(tokens, from: i)
                guard start < tokens.endIndex, !taken.contains(start),
                      let run = names.run(tokens, at: start, isCountry: isCountry) else {
                    i = max(i + 1, start)
                    continue
                }
                let appositive = appositives.read(after: run.upperBound, tokens: tokens, roles: found, countries: sm.countries,
                                                  knownPerson: knownPerson)
                add(run, role: appositive?.role, nameCountry: nil, owner: appositive?.owner)
                i = run.upperBound
            }
            sentenceMentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            // "the crown prince", "the US President": the official of the discourse who holds the office.
            for r in anaphora.descriptions(in: tokens, roles: found, countries: sm.countries, mentions: sentenceMentions,
                                           isCountry: isCountry) {
                let earlier = sentenceMentions.filter { $0.range.lowerBound < r.range.lowerBound }
                // In a government's readout "the President" is its own President (PublisherContext).
                let own = publisher.holder(of: r).map {
                    publisher.person(for: $0, keys: nameParts(of: $0.name), people: &people, registry: &registry, span: s.span, sentence: n)
                }.flatMap { p in earlier.contains { $0.person == p } ? nil : p }
                guard let p = own ?? anaphora.antecedent(of: r, persons: people.persons, earlier: earlier, published: published) else { continue }
                if !people.persons[p].spans.contains(s.span) { people.persons[p].spans.append(s.span) }
                sentenceMentions.insert(PersonMention(person: p, range: r.range), at: earlier.count)
            }
            // "his national security adviser": the office of the person the sentence is about.
            for (p, at) in pronounOwned where people.persons[p].country == nil {
                people.persons[p].country = subject(before: at, excluding: p, in: sentenceMentions, people: people, last: lastSubject)
            }
            // Read first, then written: knownPerson reads `people`, which an inout argument would hold
            // exclusively for the whole call (a fatal access conflict the fuzzer found).
            if let retinue = retinue(tokens: tokens, countries: sm.countries, mentions: sentenceMentions, people: people,
                                     last: lastSubject, knownPerson: knownPerson) {
                for p in retinue.members { people.persons[p].country = retinue.side }
            }
            people.mentions.append(sentenceMentions)
            if let first = sentenceMentions.first?.person { lastSubject = first }
        }
        SideInference.infer(&people, mentions: mentions)
        let dateline = article.datelineCity.flatMap { city -> String? in
            let t = Tokenizer.tokenize(city)
            return gazetteer.countries.longestMatch(in: t[...], at: 0).flatMap { $0.range.count == t.count ? $0.payloads.first?.code : nil }
        }
        HomeSide.assign(&people, mentions: mentions, datelineCountry: dateline, publisherCountry: publisher.country)
        return people
    }

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
        guard tokens[k].word == .possessive else { return nil }
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

    /// The reference official a name run names (or the title and name, "King Salman"), preferring one in
    /// office at publication; `lengthened` when the text adds a patronymic to the known name. `name` is
    /// the canonical name of the run.
    private func referenceOfficial(_ tokens: ArraySlice<Token>, _ range: Range<Int>, name: String, titleStart: Int?,
                                   published: PartialDate?) -> (official: ReferenceOfficial, lengthened: Bool)? {
        func best(_ indices: [Int]) -> ReferenceOfficial? {
            let candidates = indices.map { reference.officials[$0] }
            return candidates.first { $0.serves(on: published) } ?? candidates.first
        }
        // The whole name, or a name of two parts or more that the text lengthens with a patronymic
        // ("Mohammed bin Salman bin Abdulaziz Al Saud").
        if let m = gazetteer.officials.longestMatch(in: tokens[range], at: range.lowerBound),
           m.range.upperBound == range.upperBound
            || (m.range.count >= 2 && names.particles.contains(tokens[m.range.upperBound])),
           let o = best(m.payloads) {
            return (o, m.range.upperBound < range.upperBound)
        }
        if let t = titleStart, t < range.lowerBound, let m = gazetteer.officials.longestMatch(in: tokens[t..<range.upperBound], at: t),
           m.range.upperBound == range.upperBound, let o = best(m.payloads) {
            return (o, false)
        }
        // A name the text writes family name first ("IWAYA Takeshi").
        if let indices = gazetteer.officialsByName[TextFolding.fold(name)], let o = best(indices) {
            return (o, false)
        }
        return nil
    }
}
