import BilatModel

/// Finds officials (title and name, name and title, reference names) and links later mentions
/// (surname, title and surname) to them; gives a country to officials the text names by office alone
/// from whose office it is (a possessive, a delegation, the article's home side).
///
/// Each sentence passes through named stages (`titledNames`, `namesWithOffices`, `descriptions`,
/// `pronounOwners`, `retinues`), each reading the sentence and writing the article's discourse, an
/// explicit state passed from sentence to sentence.
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
        for (n, (s, sm)) in zip(sentences, mentions).enumerated() {
            var reading = SentenceReading(index: n, sentence: s, mentions: sm, roles: roles.roles(in: s.tokens, countries: sm.countries))
            titledNames(&reading, &discourse, published: published)
            if n + 1 < sentences.count { signature(&reading, &discourse, next: sentences[n + 1], mentions[n + 1], published: published) }
            namesWithOffices(&reading, &discourse, published: published)
            reading.persons.sort { $0.range.lowerBound < $1.range.lowerBound }
            descriptions(&reading, &discourse, published: published)
            pronounOwners(reading, &discourse)
            retinues(reading, &discourse)
            discourse.people.mentions.append(reading.persons)
            if let first = reading.persons.first?.person { discourse.lastSubject = first }
        }
        var people = discourse.people
        SideInference.infer(&people, mentions: mentions)
        let dateline = article.datelineCity.flatMap { city -> String? in
            let t = Tokenizer.tokenize(city)
            return gazetteer.countries.longestMatch(in: t[...], at: 0).flatMap { $0.range.count == t.count ? $0.payloads.first?.code : nil }
        }
        HomeSide.assign(&people, mentions: mentions, datelineCountry: dateline)
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
            guard start < tokens.endIndex, !reading.taken.contains(start),
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
    private func descriptions(_ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse, published: PartialDate?) {
        let span = reading.sentence.span
        for r in anaphora.descriptions(in: reading.tokens, roles: reading.roles, countries: reading.mentions.countries,
                                       mentions: reading.persons, isCountry: reading.isCountry) {
            let earlier = reading.persons.filter { $0.range.lowerBound < r.range.lowerBound }
            guard let p = anaphora.antecedent(of: r, persons: discourse.people.persons, earlier: earlier,
                                              published: published) else { continue }
            if !discourse.people.persons[p].spans.contains(span) { discourse.people.persons[p].spans.append(span) }
            reading.persons.insert(PersonMention(person: p, range: r.range), at: earlier.count)
        }
    }

    /// "his national security adviser": the office of the person the sentence is about.
    private func pronounOwners(_ reading: SentenceReading, _ discourse: inout PeopleDiscourse) {
        for (p, at) in reading.pronounOwned where discourse.people.persons[p].country == nil {
            discourse.people.persons[p].country = subject(before: at, excluding: p, in: reading.persons,
                                                          people: discourse.people, last: discourse.lastSubject)
        }
    }

    /// "his delegation included X and Y": the officials named after the word join its owner's side.
    private func retinues(_ reading: SentenceReading, _ discourse: inout PeopleDiscourse) {
        // Read first, then written: knownPerson reads the discourse, which an inout argument would hold
        // exclusively for the whole call (a fatal access conflict the fuzzer found).
        guard let retinue = retinue(tokens: reading.tokens, countries: reading.mentions.countries, mentions: reading.persons,
                                    people: discourse.people, last: discourse.lastSubject,
                                    knownPerson: { knownPerson(at: $0, in: reading, discourse) }) else { return }
        for p in retinue.members { discourse.people.persons[p].country = retinue.side }
    }

    // MARK: Admitting a name

    /// A person already known, named at `k` ("Trump" in "Trump's"), and the index after the name.
    private func knownPerson(at k: Int, in reading: SentenceReading, _ discourse: PeopleDiscourse) -> (person: Int, end: Int)? {
        guard let run = names.run(reading.tokens, at: k, isCountry: reading.isCountry),
              let p = discourse.registry.match(keys: discourse.nameParts(names.canonicalName(reading.tokens, run)), country: nil,
                                               persons: discourse.people.persons) else { return nil }
        return (p, run.upperBound)
    }

    /// Links a name to the person it names, or introduces a new person when the name comes with an
    /// office, a country or a reference entry.
    private func admit(_ candidate: NameCandidate, _ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse,
                       published: PartialDate?) {
        let tokens = reading.tokens
        guard let range = nameRange(of: candidate, in: reading) else { return }
        var role = candidate.role
        if role?.counterpart == true {
            // The counterpart holds the office of the person the sentence is about.
            let subject = reading.persons.first.map { discourse.people.persons[$0.person] }
            role?.title = subject?.role ?? ""
        }
        let name = names.canonicalName(tokens, range)
        let keys = discourse.nameParts(name)
        guard !keys.isEmpty else { return }
        var country = role?.country ?? candidate.nameCountry
        if country == nil, case .country(let c) = candidate.owner { country = c }
        if country == nil, case .person(let o) = candidate.owner { country = discourse.people.persons[o].country }
        let title = role.flatMap { r in r.title.isEmpty ? nil : (r.former ? "former " : "") + r.title }
        let known = referenceOfficial(tokens, range, name: name, keys: keys, role: role, honorific: candidate.honorific,
                                      country: country, published: published)
        var rules = NamingRules()
        if candidate.role != nil { rules.insert(candidate.rule) }
        if candidate.nameCountry != nil { rules.insert(.countryAfterName) }
        if candidate.honorific { rules.insert(.honorific) }
        if let known { rules.insert(known.rule) }
        if let p = existingPerson(keys: keys, country: country, known: known, discourse) {
            let person = discourse.people.persons[p]
            if known == nil, keys.count > person.keys.count, Set(keys).isSuperset(of: person.keys) {
                discourse.people.persons[p].name = name
                discourse.people.persons[p].keys = Set(keys)
                discourse.registry.register(p, keys: keys)
            }
            // The fullest mention names the person: a later one in the text's own form of a reference name.
            if let known, known.rule == .referenceName, person.name == known.official.name, isTextForm(name, of: person.name) {
                discourse.people.persons[p].name = name
                discourse.people.persons[p].rules.insert(.textSpelling)
            }
            if person.country == nil, !person.international { discourse.people.persons[p].country = country }
            // An official named bare first ("President Ruto holds talks with Chancellor Scholz", a headline)
            // and later with a country ("Chancellor Olaf Scholz of the Federal Republic of Germany") is the
            // other side's.
            if candidate.role?.country != nil || candidate.nameCountry != nil { discourse.people.persons[p].vote = min(person.vote, -1) }
            if person.role == nil, let title { discourse.people.persons[p].role = title }
            discourse.people.persons[p].spans.append(reading.sentence.span)
            discourse.people.persons[p].rules.formUnion(rules)
            record(PersonMention(person: p, range: range), owner: candidate.owner, &reading)
            return
        }
        // A new person needs an office, a country or a reference entry; a bare capitalized
        // phrase is more often an institution than a person. One name part will do with the office of a
        // leader or minister and the country the text gives ("Prime Minister Tuilagi of Samoa").
        // Not a word right after the country that ends the office ("General Secretary of the Lao People's
        // Revolutionary Party"): a demonym there modifies a noun.
        let surnameWithOffice = keys.count == 1 && !reading.isCountry(range.lowerBound - 1) && role.map { r in
            Self.surnameOffices.contains(r.kind) && !r.title.isEmpty && (r.country ?? candidate.nameCountry) != nil
        } ?? false
        guard known != nil || (keys.count >= 2 && (role != nil || country != nil)) || surnameWithOffice else { return }
        if surnameWithOffice, known == nil { rules.insert(.surnameWithOffice) }
        // An office of an international body: a reference official of one, or an office the sentence writes
        // with the body's name ("UN Secretary-General", "President of the European Commission") held by no
        // country's reference official ("ASEAN Chair Prime Minister Hun Sen" serves Cambodia).
        let international = known.map { $0.official.organization != nil } ?? false || (known == nil && role.map { r in
            reading.mentions.organizations.contains { $0.range.upperBound >= r.range.lowerBound - 1 && $0.range.lowerBound <= r.range.upperBound }
        } ?? false)
        if international { rules.insert(.internationalOffice) }
        var person = Person(name: name, country: international ? nil : country ?? known?.official.country, role: title,
                            keys: Set(keys), spans: [reading.sentence.span])
        if person.role == nil, let known {
            person.role = (known.official.ended(before: published) ? "former " : "") + known.official.role
        }
        // A reference official is written by the reference's name, the one news uses ("Joe Biden"
        // for "Joseph R. Biden, Jr.", "Takeshi Iwaya" for "IWAYA Takeshi"), unless the text only spells
        // that name otherwise.
        if let known {
            if known.rule == .referenceName, isTextForm(name, of: known.official.name) {
                person.rules.insert(.textSpelling)
            } else {
                person.name = known.official.name
            }
        }
        // How the article first names a reference official tells its home side.
        person.vote = country != nil ? -1 : (candidate.owner == nil && known != nil ? 1 : 0)
        person.firstSentence = reading.index
        person.international = international
        person.rules.formUnion(rules)
        // A patronymic the text adds is no name of the person's own.
        let referenceKeys = known.map { discourse.nameParts($0.official.name) } ?? []
        person.keys = known?.lengthened == true ? Set(referenceKeys) : Set(keys).union(referenceKeys)
        discourse.people.persons.append(person)
        let index = discourse.people.persons.count - 1
        discourse.registry.register(index, keys: person.keys)
        record(PersonMention(person: index, range: range), owner: candidate.owner, &reading)
    }

    /// True when the text writes the reference's `name` in a form of its own that the person is to be
    /// recorded by: spelt otherwise, part by part ("El-Sisi" for "al-Sisi", "Al-Jabir" for "Al-Jaber": as
    /// many parts, each within two letters of the reference's), or with a middle name the reference
    /// leaves out ("John Dramani Mahama"). Not when it is the same name once case and diacritics are set
    /// aside ("Erdogan" for "Erdoğan"), another form of it ("Joseph Biden Jr." for "Joe Biden"), or the
    /// name lengthened with a patronymic ("Mohammed bin Salman bin Abdulaziz Al Saud").
    func isTextForm(_ text: String, of name: String) -> Bool {
        guard text != name else { return false }
        let a = TextFolding.fold(text), b = TextFolding.fold(name)
        guard a != b else { return false }
        let x = a.split(separator: " "), y = b.split(separator: " ")
        if x.count == y.count {
            return zip(x, y).allSatisfy { p, q in p == q || isTransliteration(p, q) }
        }
        // A middle name: the reference's parts in order, first and last the same, the others full words.
        guard x.count > y.count, x.first == y.first, x.last == y.last else { return false }
        var k = 0
        for part in x {
            if k < y.count, part == y[k] { k += 1; continue }
            if part.count < 2 || names.particles.contains(String(part)) { return false }
        }
        return k == y.count
    }

    /// True when two spellings of a name part differ as transliterations do: within two letters, after
    /// a particle glued with a hyphen ("El-Sisi", "al-Sisi"), beginning with the same letter or both with a
    /// vowel ("Iyad", "Ayad"); a short form of a given name is no transliteration ("Tony", "Antony").
    func isTransliteration(_ p: Substring, _ q: Substring) -> Bool {
        func stem(_ s: Substring) -> Substring {
            guard let hyphen = s.firstIndex(of: "-"), names.particles.contains(String(s[..<hyphen])) else { return s }
            return s[s.index(after: hyphen)...]
        }
        let a = stem(p), b = stem(q)
        guard let x = a.first, let y = b.first else { return false }
        let vowels = "aeiouy"
        guard x == y || (vowels.contains(x) && vowels.contains(y)) else { return false }
        return TextFolding.editDistance(String(a), String(b)) <= 2
    }

    /// The kinds of office whose holder a title and one name part may introduce.
    static let surnameOffices: Set<String> = ["leader", "minister"]

    /// The name's tokens, or nil when the run names no person: a run ending in an institution word, or
    /// capitalized words right after a country's name ("the India-China Boundary Question", "China
    /// Development Bank"); a possessive introduces a person ("India's Modi"). A known name followed by
    /// more capitalized words that are not a patronymic ("President Donald Trump Delivers ..." in a
    /// headline) ends where the known one does; one that goes on with "of" ("Abdullah of Pahang") ends
    /// where the known one does too.
    private func nameRange(of candidate: NameCandidate, in reading: SentenceReading) -> Range<Int>? {
        let run = candidate.run, tokens = reading.tokens
        guard !run.isEmpty, !run.contains(where: reading.taken.contains) else { return nil }
        if reference.lexicon.institutionWords.contains(tokens[run.upperBound - 1]) { return nil }
        if candidate.role?.range.upperBound != run.lowerBound,
           reading.mentions.countries.contains(where: { $0.range.upperBound == run.lowerBound && !$0.possessive && $0.form != .demonym }) {
            return nil
        }
        if let m = gazetteer.officials.longestMatch(in: tokens[run], at: run.lowerBound), m.range.count >= 2,
           m.range.upperBound < run.upperBound, !names.particles.contains(tokens[m.range.upperBound]) {
            return m.range
        }
        // A known name that goes on with "of" ("Abdullah of Pahang"): the run stopped at the "of".
        if run.upperBound < tokens.endIndex, tokens[run.upperBound].word == .of,
           let m = gazetteer.officials.longestMatch(in: tokens, at: run.lowerBound), m.range.upperBound > run.upperBound + 1,
           !m.range.contains(where: reading.taken.contains) {
            return m.range
        }
        return run
    }

    /// The one person already known that the name names; a reference official is not merged into a
    /// different person who shares a name part.
    private func existingPerson(keys: [String], country: String?, known: KnownOfficial?,
                                _ discourse: PeopleDiscourse) -> Int? {
        guard let p = discourse.registry.match(keys: keys, country: country ?? known?.official.country,
                                               persons: discourse.people.persons) else { return nil }
        guard let known else { return p }
        return discourse.nameParts(known.official.name).allSatisfy(discourse.people.persons[p].keys.contains) ? p : nil
    }

    private func record(_ mention: PersonMention, owner: Owner?, _ reading: inout SentenceReading) {
        reading.persons.append(mention)
        reading.taken.formUnion(mention.range)
        if case .pronoun(let at) = owner { reading.pronounOwned.append((mention.person, at)) }
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

    // MARK: Reference officials

    /// The reference official a name run names, preferring one in office at publication: by the whole
    /// name or an alias (lengthened when the text adds a patronymic), by the office and a name part
    /// (OfficeHolders), by an alias that holds the title ("King Salman"), or by a name written family
    /// name first. `name` is the canonical name of the run, `keys` its name parts, `country` the one the
    /// text gives the person.
    private func referenceOfficial(_ tokens: ArraySlice<Token>, _ range: Range<Int>, name: String, keys: [String],
                                   role: RolePhrase?, honorific: Bool, country: String?, published: PartialDate?) -> KnownOfficial? {
        // A term of the country the text gives, if it gives one ("the Prime Minister of Italy Romano Prodi"
        // is not the President of the European Commission he had been).
        func best(_ indices: [Int]) -> ReferenceOfficial? {
            var first: ReferenceOfficial?
            for i in indices where country == nil || reference.officials[i].country == country {
                if reference.officials[i].serves(on: published) { return reference.officials[i] }
                if first == nil { first = reference.officials[i] }
            }
            return first
        }
        // The whole name, or a name of two parts or more that the text lengthens with a patronymic
        // ("Mohammed bin Salman bin Abdulaziz Al Saud").
        if let m = gazetteer.officials.longestMatch(in: tokens[range], at: range.lowerBound),
           m.range.upperBound == range.upperBound
            || (m.range.count >= 2 && names.particles.contains(tokens[m.range.upperBound])),
           let o = best(m.payloads) {
            return KnownOfficial(official: o, lengthened: m.range.upperBound < range.upperBound, rule: .referenceName)
        }
        // A name the text writes family name first, in capitals ("IWAYA Takeshi", which the canonical name
        // turns round) or not ("Kishida Fumio").
        if let indices = gazetteer.officialsByName[TextFolding.fold(name)], let o = best(indices) {
            return KnownOfficial(official: o, rule: .familyNameFirst)
        }
        // Turned round only after an office ("Prime Minister Kishida Fumio"): two capitalized words alone
        // are more often no name, and the lookup is asked of every such pair.
        if role != nil, range.count == 2, tokens[range.lowerBound].kind == .word, tokens[range.lowerBound + 1].kind == .word,
           let indices = gazetteer.officialsByName[tokens[range.lowerBound + 1].folded + " " + tokens[range.lowerBound].folded],
           let o = best(indices) {
            return KnownOfficial(official: o, rule: .familyNameFirst)
        }
        // The holder of the office on the date: one answers, two who fit ("King Abdullah" while Jordan and
        // Malaysia both had one) leave the name unresolved.
        if let role, !role.title.isEmpty {
            let found = holders.holders(keys: keys, title: role.title, country: country, former: role.former, on: published)
            if found.count == 1 { return KnownOfficial(official: reference.officials[found[0]], rule: .titleAndSurname) }
            if found.count > 1 { return nil }
        }
        // A courtesy title and a name part ("Mr. Albanese", "Sheikh Tamim"): the one official in office
        // with that name.
        if role == nil, honorific, keys.count == 1 {
            let found = holders.holders(keys: keys, title: nil, country: country, former: false, on: published)
            if found.count == 1 { return KnownOfficial(official: reference.officials[found[0]], rule: .honorificAndSurname) }
        }
        if let t = role?.range.lowerBound, t < range.lowerBound, let m = gazetteer.officials.longestMatch(in: tokens[t..<range.upperBound], at: t),
           m.range.upperBound == range.upperBound, let o = best(m.payloads) {
            return KnownOfficial(official: o, rule: .referenceName)
        }
        return nil
    }
}
