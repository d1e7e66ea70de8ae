import BilatModel

/// A person the article names, with everything learned about them.
struct Person: Sendable {
    var name: String
    var country: String?
    var role: String?
    var keys: Set<String>
    var spans: [SourceSpan]
}

/// A person named in a sentence (by full name, surname, or title and name).
struct PersonMention: Sendable {
    var person: Int
    var range: Range<Int>
}

/// The people of an article and where each sentence names them.
struct People: Sendable {
    var persons: [Person] = []
    /// Mentions per sentence index, in text order.
    var mentions: [[PersonMention]] = []

    /// Officials: the persons with a known country.
    var officials: [Official] {
        persons.filter { $0.country != nil }.map { Official(name: $0.name, country: $0.country, role: $0.role, spans: $0.spans) }
    }
}

/// Finds officials (title and name, name and title, reference names) and links later mentions
/// (surname, title and surname) to them.
struct PeopleResolver: Sendable {
    let reference: ReferenceData
    let gazetteer: Gazetteer
    let names: NameReader
    let roles: RoleReader

    init(reference: ReferenceData, gazetteer: Gazetteer) {
        self.reference = reference
        self.gazetteer = gazetteer
        names = NameReader(lexicon: reference.lexicon)
        roles = RoleReader(gazetteer: gazetteer)
    }

    func resolve(_ sentences: [TokenSentence], mentions: [SentenceMentions], article: Article,
                 published: PartialDate?) -> People {
        var people = People()
        var registry = Registry()
        for (s, sm) in zip(sentences, mentions) {
            let tokens = s.tokens
            var countryAt = Set<Int>()
            for c in sm.countries where c.form != .capital || true { countryAt.formUnion(c.range) }
            let isCountry: (Int) -> Bool = { countryAt.contains($0) }
            let found = roles.roles(in: tokens, countries: sm.countries)
            var taken = Set<Int>()
            var sentenceMentions: [PersonMention] = []
            func add(_ run: Range<Int>, role: RolePhrase?, nameCountry: String?) {
                guard !run.isEmpty, !run.contains(where: taken.contains) else { return }
                // A known name followed by more capitalized words that are not a patronymic ("President
                // Donald Trump Delivers ..." in a headline): the name ends where the known one does.
                var range = run
                if let m = gazetteer.officials.longestMatch(in: tokens[run], at: run.lowerBound), m.range.count >= 2,
                   m.range.upperBound < run.upperBound, !names.particles.contains(tokens[m.range.upperBound].folded) {
                    range = m.range
                }
                var role = role
                if role?.counterpart == true {
                    // The counterpart holds the office of the person the sentence is about.
                    let subject = sentenceMentions.first.map { people.persons[$0.person] }
                    role = role.map { r in
                        var r = r
                        r.title = subject?.role ?? ""
                        return r
                    }
                }
                let name = names.canonicalName(tokens, range)
                let keys = names.keys(of: name)
                guard !keys.isEmpty else { return }
                let country = role?.country ?? nameCountry
                if let p = registry.match(keys: keys, country: country, persons: people.persons) {
                    if keys.count > people.persons[p].keys.count, Set(keys).isSuperset(of: people.persons[p].keys) {
                        people.persons[p].name = name
                        people.persons[p].keys = Set(keys)
                        registry.register(p, keys: keys)
                    }
                    if people.persons[p].country == nil { people.persons[p].country = country }
                    if people.persons[p].role == nil, let r = role, !r.title.isEmpty {
                        people.persons[p].role = (r.former ? "former " : "") + r.title
                    }
                    people.persons[p].spans.append(s.span)
                    sentenceMentions.append(PersonMention(person: p, range: range))
                    taken.formUnion(range)
                    return
                }
                let (known, lengthened) = referenceOfficial(tokens, range, published: published) ?? (nil, false)
                // A new person needs an office, a country or a reference entry; a bare capitalized
                // phrase is more often an institution than a person.
                guard known != nil || (keys.count >= 2 && (role != nil || country != nil)) else { return }
                var person = Person(name: name, country: country ?? known?.country, role: nil, keys: Set(keys), spans: [s.span])
                if let r = role, !r.title.isEmpty {
                    person.role = (r.former ? "former " : "") + r.title
                } else if let known {
                    let ended = known.end.map { e in published.map { e < $0 } ?? false } ?? false
                    person.role = (ended ? "former " : "") + known.role
                }
                // The text's own spelling stands unless the reference gives a fuller name ("Tayyip Erdogan").
                // The reference name stands when it is fuller, or when the text lengthens it with a patronymic.
                if let known, names.keys(of: known.name).count > keys.count || lengthened { person.name = known.name }
                people.persons.append(person)
                registry.register(people.persons.count - 1, keys: Set(names.keys(of: person.name)).union(keys))
                sentenceMentions.append(PersonMention(person: people.persons.count - 1, range: range))
                taken.formUnion(range)
            }
            // Title then name: "Chinese President Xi Jinping", "the Prime Minister of Japan, H.E. Mr. Shigeru Ishiba".
            for r in found {
                var j = r.range.upperBound
                if j < tokens.endIndex, tokens[j].text == ",", r.kind != "counterpart" || true { j += 1 }
                j = names.skipHonorifics(tokens, from: j)
                if let run = names.run(tokens, at: j, isCountry: isCountry) {
                    var nameCountry: String?
                    // "King Mohammed VI of Morocco".
                    if run.upperBound + 1 < tokens.endIndex, tokens[run.upperBound].folded == "of",
                       let c = sm.countries.first(where: { $0.range.lowerBound == run.upperBound + 1 }) {
                        nameCountry = c.code
                    }
                    add(run, role: r, nameCountry: nameCountry)
                }
            }
            // Name then title: "Mr. ISHIBA Shigeru, Prime Minister of Japan", "Wang Yi, director of ...".
            var i = tokens.startIndex
            while i < tokens.endIndex {
                let start = names.skipHonorifics(tokens, from: i)
                guard start < tokens.endIndex, !taken.contains(start),
                      let run = names.run(tokens, at: start, isCountry: isCountry) else {
                    i = max(i + 1, start)
                    continue
                }
                var k = run.upperBound
                if k < tokens.endIndex, tokens[k].text == "," { k += 1 }
                if k < tokens.endIndex, tokens[k].folded == "the" { k += 1 }
                if k > run.upperBound, let r = found.first(where: { $0.range.lowerBound == k || ($0.range.lowerBound <= k && k < $0.range.upperBound && tokens[$0.range.lowerBound].isCapitalized == false) }) {
                    add(run, role: r, nameCountry: nil)
                } else {
                    add(run, role: nil, nameCountry: nil)
                }
                i = run.upperBound
            }
            sentenceMentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            people.mentions.append(sentenceMentions)
        }
        SideInference.infer(&people, mentions: mentions)
        return people
    }

    /// The reference official a name run names, preferring one in office at publication.
    private func referenceOfficial(_ tokens: ArraySlice<Token>, _ range: Range<Int>,
                                   published: PartialDate?) -> (ReferenceOfficial?, lengthened: Bool)? {
        // The whole name, or a name of two parts or more that the text lengthens with a patronymic
        // ("Mohammed bin Salman bin Abdulaziz Al Saud").
        guard let m = gazetteer.officials.longestMatch(in: tokens[range], at: range.lowerBound),
              m.range.upperBound == range.upperBound
                || (m.range.count >= 2 && names.particles.contains(tokens[m.range.upperBound].folded)) else { return nil }
        let candidates = m.payloads.map { reference.officials[$0] }
        return (candidates.first { $0.serves(on: published) } ?? candidates.first, m.range.upperBound < range.upperBound)
    }
}

/// Name parts → persons, for linking surnames and short forms.
private struct Registry {
    var byKey: [String: Set<Int>] = [:]

    mutating func register(_ person: Int, keys: some Sequence<String>) {
        for k in keys { byKey[k, default: []].insert(person) }
    }

    /// The one person whose name parts include all of `keys` (and whose country agrees).
    func match(keys: [String], country: String?, persons: [Person]) -> Int? {
        var candidates: Set<Int>?
        for k in keys {
            let c = byKey[k] ?? []
            candidates = candidates.map { $0.intersection(c) } ?? c
        }
        // A fuller name than any known one: a known person whose parts it contains.
        if candidates?.isEmpty ?? true {
            let fuller = Set(keys)
            let superset = persons.indices.filter { !persons[$0].keys.isEmpty && fuller.isSuperset(of: persons[$0].keys) }
            candidates = Set(superset)
        }
        let filtered = (candidates ?? []).filter { country == nil || persons[$0].country == nil || persons[$0].country == country }
        return filtered.count == 1 ? filtered.first : nil
    }
}
