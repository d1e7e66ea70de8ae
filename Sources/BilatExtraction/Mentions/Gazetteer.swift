import BilatModel

/// How a text names a country.
enum CountryForm: Sendable, Equatable {
    case name, demonym, capital, combining
}

/// A gazetteer entry for a country name.
struct CountryEntry: Sendable {
    var code: String
    var form: CountryForm
    /// Written all in capitals ("US", "UAE"): the text must write it so too.
    var allCaps: Bool
}

/// The reference data compiled once into phrase matchers keyed by folded tokens.
///
/// A class: the extractor's stages each hold it, and a struct of this many references was copied
/// (each retained and released) at every stage an article passes through.
final class Gazetteer: Sendable {
    let countries: PhraseMatcher<CountryEntry>
    let organizations: PhraseMatcher<String>
    let areas: PhraseMatcher<String>
    let roles: PhraseMatcher<RoleKind>
    let meetingTerms: PhraseMatcher<MeetingTerm>
    let agreementKinds: PhraseMatcher<AgreementKind>
    /// Venues leaders meet at (the Kremlin, Camp David), with the place each is recorded at.
    let venues: PhraseMatcher<ReferenceVenue>
    /// Continents and world regions, which are no meeting's place.
    let regions: PhraseMatcher<String>
    /// The gazetteer's cities and towns.
    let cities: CityIndex
    /// Month and weekday names: "in March" is a time, not the English town.
    let calendarWords: WordSet
    /// The words of the place rules, one set per kind.
    let placeWords: PlaceWords
    let speechVerbs: PhraseMatcher<StatementType>
    let meetingCues: PhraseMatcher<MeetingCueEntry>
    /// Headline words of readouts and transcripts (`title_cues.tsv`).
    let titleCues: PhraseMatcher<TitleCue>
    /// Reference officials by full name or alias.
    let officials: PhraseMatcher<Int>
    /// Reference officials by folded full name or alias, for names the text writes in another order
    /// ("IWAYA Takeshi").
    let officialsByName: [String: [Int]]
    /// Words after which a signing sentence's officials witnessed or hosted rather than signed.
    let witnessCues: WordSet
    /// Combining forms ("sino") → alpha-2.
    let combiningForms: WordTable<String>
    /// Folded capital city names → their usual spelling.
    let capitals: [String: String]

    init(_ reference: ReferenceData) {
        var countries = PhraseMatcher<CountryEntry>()
        var organizations = PhraseMatcher<String>()
        var areas = PhraseMatcher<String>()
        var roles = PhraseMatcher<RoleKind>()
        var meetingTerms = PhraseMatcher<MeetingTerm>()
        var agreementKinds = PhraseMatcher<AgreementKind>()
        var venues = PhraseMatcher<ReferenceVenue>()
        var regions = PhraseMatcher<String>()
        var speechVerbs = PhraseMatcher<StatementType>()
        var meetingCues = PhraseMatcher<MeetingCueEntry>()
        var titleCues = PhraseMatcher<TitleCue>()
        var officials = PhraseMatcher<Int>()
        var cities: CityIndex = CityIndex()
        var calendarWords: WordSet = []
        var placeWords: PlaceWords = PlaceWords()
        var officialsByName: [String: [Int]] = [:]
        var witnessCues: WordSet = []
        var combiningForms: WordTable<String> = [:]
        var capitals: [String: String] = [:]
        func isAllCaps(_ s: String) -> Bool {
            // Counted in one pass: a filtered scalar view is built scalar by scalar, 1,200 times at start.
            var letters = 0
            for scalar in s.unicodeScalars where scalar.properties.isAlphabetic {
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            }
            return letters >= 2
        }
        for c in reference.countries {
            for n in [c.name] + [c.officialName].compactMap({ $0 }) + c.aliases {
                countries.add(n, CountryEntry(code: c.code, form: .name, allCaps: isAllCaps(n)))
                // "the Republic of Korea": the article is not part of the name.
            }
            for d in c.demonyms { countries.add(d, CountryEntry(code: c.code, form: .demonym, allCaps: isAllCaps(d))) }
            for cap in c.capitals {
                countries.add(cap, CountryEntry(code: c.code, form: .capital, allCaps: false))
                capitals[TextFolding.fold(cap)] = cap
            }
        }
        for (code, forms) in reference.combiningForms {
            for f in forms { combiningForms[TextFolding.fold(f)] = code }
        }
        for o in reference.organizations {
            organizations.add(o.name, o.name)
            for a in o.aliases { organizations.add(a, o.name) }
        }
        let lex = reference.lexicon
        for (key, terms) in lex.areaTerms {
            // "!military honours": a phrase that names no area, so its shorter part does not count.
            for t in terms { t.hasPrefix("!") ? areas.add(String(t.dropFirst()), "") : areas.add(t, key) }
        }
        for (title, kind) in lex.roles { roles.add(title, kind) }
        for (phrase, term) in lex.meetingTerms { meetingTerms.add(phrase, term) }
        witnessCues = WordSet(lex.witnessCues)
        for (term, kind) in lex.agreementKinds { agreementKinds.add(term, kind) }
        for v in reference.places.venues { venues.add(v.name, v) }
        for r in reference.places.regions { regions.add(r, r) }
        cities = CityIndex(reference.places.cities)
        calendarWords = WordSet(Array(lex.months.keys) + Array(lex.weekdays.keys))
        placeWords = PlaceWords(reference.places.words)
        for (verb, type) in lex.speechVerbs { speechVerbs.add(verb, type) }
        for (phrase, cue) in lex.meetingCues { meetingCues.add(phrase, cue) }
        for (phrase, cue) in reference.titleCues.cues { titleCues.add(phrase, cue) }
        for (i, o) in reference.officials.enumerated() {
            officials.add(o.name, i)
            for a in o.aliases { officials.add(a, i) }
            for n in [o.name] + o.aliases { officialsByName[TextFolding.fold(n), default: []].append(i) }
        }
        self.countries = countries
        self.organizations = organizations
        self.areas = areas
        self.roles = roles
        self.meetingTerms = meetingTerms
        self.agreementKinds = agreementKinds
        self.venues = venues
        self.regions = regions
        self.speechVerbs = speechVerbs
        self.meetingCues = meetingCues
        self.titleCues = titleCues
        self.officials = officials
        self.cities = cities
        self.calendarWords = calendarWords
        self.placeWords = placeWords
        self.officialsByName = officialsByName
        self.witnessCues = witnessCues
        self.combiningForms = combiningForms
        self.capitals = capitals
    }
}
