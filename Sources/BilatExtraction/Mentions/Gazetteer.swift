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
struct Gazetteer: Sendable {
    var countries = PhraseMatcher<CountryEntry>()
    var organizations = PhraseMatcher<String>()
    var areas = PhraseMatcher<String>()
    var roles = PhraseMatcher<RoleKind>()
    var meetingTerms = PhraseMatcher<MeetingTerm>()
    var agreementKinds = PhraseMatcher<AgreementKind>()
    /// Venues leaders meet at (the Kremlin, Camp David), with the place each is recorded at.
    var venues = PhraseMatcher<ReferenceVenue>()
    /// Continents and world regions, which are no meeting's place.
    var regions = PhraseMatcher<String>()
    /// The gazetteer's cities and towns.
    var cities = CityIndex()
    /// Month and weekday names: "in March" is a time, not the English town.
    var calendarWords: WordSet = []
    /// The words of the place rules, one set per kind.
    var placeWords = PlaceWords()
    var speechVerbs = PhraseMatcher<StatementType>()
    var meetingCues = PhraseMatcher<MeetingCueEntry>()
    /// Headline words of readouts and transcripts (`title_cues.tsv`).
    var titleCues = PhraseMatcher<TitleCue>()
    /// Reference officials by full name or alias.
    var officials = PhraseMatcher<Int>()
    /// Reference officials by folded full name or alias, for names the text writes in another order
    /// ("IWAYA Takeshi").
    var officialsByName: [String: [Int]] = [:]
    /// Words after which a signing sentence's officials witnessed or hosted rather than signed.
    var witnessCues: WordSet = []
    /// Combining forms ("sino") → alpha-2.
    var combiningForms: WordTable<String> = [:]
    /// Folded capital city names → their usual spelling.
    var capitals: [String: String] = [:]

    init(_ reference: ReferenceData) {
        func isAllCaps(_ s: String) -> Bool {
            let letters = s.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
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
    }
}
