import BilatModel

/// Whose readout an article is: the government its publisher speaks for (`publishers.tsv`), and that
/// government's office-holders at the article's date (`officials.tsv`'s dated terms).
///
/// A government's readout names its own leader by office alone ("The President spoke today with
/// ...", "the Prime Minister welcomed ..."): the description means the publisher's office-holder, not
/// whichever official of that office the text named last.
struct PublisherContext: Sendable {
    /// The country the publisher speaks for; nil for a news agency, a newspaper or no source.
    let country: String?
    /// The publisher country's officials serving on the article's date.
    private let serving: [ReferenceOfficial]

    init(article: Article, published: PartialDate?, reference: ReferenceData) {
        let country = reference.publishers.country(ofSource: article.source)
        self.country = country
        // Without a date every past holder would serve: no office would name one person.
        guard let country, let published else {
            serving = []
            return
        }
        serving = reference.officials.filter { $0.country == country && $0.serves(on: published) }
    }

    /// The one official of the publisher's country holding the office at the date ("President" →
    /// Joe Biden in a White House readout of 2021), or nil when none or several do.
    func holder(of office: String) -> ReferenceOfficial? {
        let title = TextFolding.fold(office)
        let holders = serving.filter { TextFolding.fold($0.role) == title }
        return holders.count == 1 ? holders[0] : nil
    }

    /// The publisher's office-holder a description names: an office with no country or with the
    /// publisher's ("the President", "the US President"), not one the sentence named before it.
    func holder(of role: RolePhrase) -> ReferenceOfficial? {
        guard let country, role.country == nil || role.country == country, !role.former, !role.counterpart else { return nil }
        return holder(of: role.title)
    }

    /// The person of `people` who is the official, added (and registered under `keys`) when the text
    /// has not named them yet.
    func person(for official: ReferenceOfficial, keys: [String], people: inout People, registry: inout NameRegistry,
                span: SourceSpan, sentence: Int) -> Int {
        if let p = people.persons.firstIndex(where: { $0.name == official.name && $0.country == official.country }) {
            if !people.persons[p].spans.contains(span) { people.persons[p].spans.append(span) }
            return p
        }
        var person = Person(name: official.name, country: official.country, role: official.role, keys: Set(keys), spans: [span])
        person.firstSentence = sentence
        people.persons.append(person)
        registry.register(people.persons.count - 1, keys: keys)
        return people.persons.count - 1
    }
}
