import BilatModel

/// Admitting a name: linking it to the person it names, or introducing a new person, and the
/// reference official it names.
extension PeopleResolver {
    // MARK: Admitting a name

    /// A person already known, named at `k` ("Trump" in "Trump's"), and the index after the name.
    func knownPerson(at k: Int, in reading: SentenceReading, _ discourse: PeopleDiscourse) -> (person: Int, end: Int)? {
        guard let run = names.run(reading.tokens, at: k, isCountry: reading.isCountry),
              let p = discourse.registry.match(keys: discourse.nameParts(names.canonicalName(reading.tokens, run)), country: nil,
                                               persons: discourse.people.persons) else { return nil }
        return (p, run.upperBound)
    }

    /// Links a name to the person it names, or introduces a new person when the name comes with an
    /// office, a country or a reference entry.
    func admit(_ candidate: NameCandidate, _ reading: inout SentenceReading, _ discourse: inout PeopleDiscourse,
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
            r.kind.map(Self.surnameOffices.contains) ?? false && !r.title.isEmpty && (r.country ?? candidate.nameCountry) != nil
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
        let x = TextFolding.words(a), y = TextFolding.words(b)
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
    static let surnameOffices: Set<RoleKind> = [.leader, .minister]

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
        let persons = discourse.people.persons
        let matched = discourse.registry.match(keys: keys, country: country ?? known?.official.country, persons: persons)
            .flatMap { p in known.map { discourse.nameParts($0.official.name).allSatisfy(persons[p].keys.contains) } ?? true ? p : nil }
        // Two spellings of one reference official ("Joe Biden", "Joseph R. Biden Jr.") are one person.
        return matched ?? known.flatMap { k in persons.firstIndex { $0.name == k.official.name && $0.country == k.official.country } }
    }

    private func record(_ mention: PersonMention, owner: Owner?, _ reading: inout SentenceReading) {
        reading.persons.append(mention)
        reading.taken.formUnion(mention.range)
        if case .pronoun(let at) = owner { reading.pronounOwned.append((mention.person, at)) }
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
            let headOnly = role.kind == .head && !role.title.contains(" ")
            let found = holders.holders(keys: keys, title: role.title, headOnly: headOnly, country: country, former: role.former,
                                        on: published)
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
