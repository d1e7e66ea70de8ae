import BilatModel

/// How a place was found. Each rule has sentences that must and must not fire in
/// `Tests/Fixtures/rules/places-rules.tsv`.
enum PlaceRule: String, CaseIterable, Sendable {
    /// A venue of venues.tsv: its city (the Kremlin → Moscow), or itself when it is a place of its own
    /// (Camp David).
    case venue
    /// "here": the article's own place.
    case here
    /// After "in", "at", "to" or "visit": a capital of countries.tsv, or a city-state's name ("in Singapore").
    case capital
    /// After "in", "at", "to" or "visit": a city or town of the gazetteer, not part of a longer name
    /// ("the Paris Agreement"), not a region ("Asia"), a month ("March") or another country's town
    /// ("in Cornwall, Britain").
    case city
    /// "in / to / visit the town (port, resort ...) of X": X, even when the gazetteer lacks it; not
    /// a topic ("talks on the port of X").
    case settlement
    /// "in X, Country": X, when the gazetteer knows no town of that name ("in Kananaskis, Canada").
    case apposition
    /// The article's place: its dateline city, when the gazetteer knows it.
    case dateline
    /// The article's place: a transcript's heading, the place line above the time or date it began
    /// ("Oval Office", "Sokha Hotel Phnom Penh, Cambodia").
    case heading
}

/// The place of an in-person meeting as a sentence gives it, by the rules of `PlaceRule`. A country
/// alone, a region, or a capitalised phrase that is neither a town of the gazetteer nor marked as a
/// place by its wording ("the town of X", "X, Country") is no place; nor is "X-based", which says where
/// someone is from, not where they met.
struct PlaceReader: Sendable {
    let gazetteer: Gazetteer
    let names: NameReader
    /// The words the rules read (place_words.tsv).
    let words: PlaceWords
    let article: Article

    init(gazetteer: Gazetteer, names: NameReader, article: Article) {
        self.gazetteer = gazetteer
        self.names = names
        words = gazetteer.placeWords
        self.article = article
    }

    /// The place the article itself gives (its dateline's or its heading's), for the day's encounter;
    /// read when asked, as most articles never need it.
    func articlePlace() -> (name: String, rule: PlaceRule)? {
        ArticlePlace(gazetteer: gazetteer).place(of: article)
    }

    /// A place a sentence names, the token it is named at, and the rule that found it.
    struct Candidate: Sendable, Equatable {
        var name: String
        var at: Int
        var rule: PlaceRule
    }

    /// The place of a meeting word: the nearest one named after it in its clause ("met X in Riyadh"),
    /// else the nearest before it.
    func place(in tokens: ArraySlice<Token>, mentions: SentenceMentions, people: [PersonMention], near anchor: Int) -> String? {
        let found = candidates(in: tokens, mentions: mentions, people: people)
        let after = found.filter { $0.at > anchor && $0.at - anchor <= 12 }.min { $0.at < $1.at }
        return (after ?? found.min { abs($0.at - anchor) < abs($1.at - anchor) })?.name
    }

    func candidates(in tokens: ArraySlice<Token>, mentions: SentenceMentions, people: [PersonMention]) -> [Candidate] {
        var found: [Candidate] = []
        for venue in gazetteer.venues.matches(in: tokens, accept: { tokens[$0.range.lowerBound].isCapitalized }) {
            if let v = venue.payloads.first { found.append(Candidate(name: v.place, at: venue.range.lowerBound, rule: .venue)) }
        }
        var countryAt: [Int: CountryMention] = [:]
        var covered = Set<Int>()
        for venue in gazetteer.venues.matches(in: tokens) { covered.formUnion(venue.range) }
        for region in gazetteer.regions.matches(in: tokens) { covered.formUnion(region.range) }
        for c in mentions.countries {
            countryAt[c.range.lowerBound] = c
            covered.formUnion(c.range)
        }
        for o in mentions.organizations { covered.formUnion(o.range) }
        for p in people { covered.formUnion(p.range) }
        for i in tokens.indices {
            let w = tokens[i].word
            if w == .here, let place = articlePlace() { found.append(Candidate(name: place.name, at: i, rule: .here)); continue }
            let settlement = w == .of && i > tokens.startIndex && words.settlement.contains(tokens[i - 1])
                && introducesPlace(settlementAt: i - 1, in: tokens)
            guard (words.locative.contains(tokens[i]) && !(w == .to && i > tokens.startIndex && words.notDestination.contains(tokens[i - 1])))
                    || settlement, i + 1 < tokens.endIndex else { continue }
            var j = i + 1
            // "in the Kingdom": a common noun after "the" names no town; "in The Hague" does.
            var afterArticle = false
            if tokens[j].word == .the { j += 1; afterArticle = true }
            guard j < tokens.endIndex, tokens[j].isCapitalized else { continue }
            if let c = countryAt[j] {
                if !afterArticle, let place = capital(c, in: tokens, covered: covered) {
                    found.append(Candidate(name: place, at: i, rule: .capital))
                }
                continue
            }
            if afterArticle, let m = city(in: tokens, at: j - 1, covered: covered) {
                found.append(Candidate(name: m, at: i, rule: .city))
                continue
            }
            if covered.contains(j) || gazetteer.calendarWords.contains(tokens[j]) { continue }
            if !afterArticle, let m = city(in: tokens, at: j, covered: covered) {
                found.append(Candidate(name: m, at: i, rule: .city))
                continue
            }
            guard let run = names.run(tokens, at: j, isCountry: { covered.contains($0) }), !run.contains(where: covered.contains) else { continue }
            if run.upperBound < tokens.endIndex, tokens[run.upperBound].word == .possessive { continue }
            if afterArticle, run.count == 1 { continue }
            if words.region.contains(tokens[run.upperBound - 1]) { continue }
            if run.upperBound < tokens.endIndex, words.region.contains(tokens[run.upperBound]) { continue }
            if settlement {
                found.append(Candidate(name: names.canonicalName(tokens, run), at: i, rule: .settlement))
            } else if !afterArticle, gazetteer.cities.longestMatch(in: tokens, at: j) == nil,
                      // (a town the gazetteer places in another country, "Cornwall, Britain", is no town there)
                      appositionCountry(after: run, in: tokens, countryAt: countryAt) != nil {
                found.append(Candidate(name: names.canonicalName(tokens, run), at: i, rule: .apposition))
            }
        }
        return found
    }

    /// Whether a settlement word is where the sentence says where: "in the border town of", "travelled
    /// to the coastal city of", "visiting his home town of"; not a topic ("talks on roads and the port of").
    private func introducesPlace(settlementAt k: Int, in tokens: ArraySlice<Token>) -> Bool {
        var j = k - 1
        while j >= tokens.startIndex, k - j <= 7 {
            let t = tokens[j]
            if words.locative.contains(t) { return true }
            if t.kind == .punctuation, t.word != .possessive, t.word != .hyphen { return false }
            if [.of, .on, .for, .and, .with, .from, .by].contains(t.word) { return false }
            j -= 1
        }
        return false
    }

    /// The city a capital's mention names, as written up to a comma ("Washington, D.C." → Washington);
    /// a country's name is a city only where the country is a city-state, its name its capital's ("Singapore").
    private func capital(_ c: CountryMention, in tokens: ArraySlice<Token>, covered: Set<Int>) -> String? {
        guard !c.possessive, endsName(at: c.range.upperBound, in: tokens, covered: covered) else { return nil }
        let city = gazetteer.cities.longestMatch(in: tokens, at: c.range.lowerBound)
        switch c.form {
        case .capital:
            if let city, city.range.upperBound <= c.range.upperBound { return Self.written(tokens, city.range) }
            let end = tokens[c.range].firstIndex { $0.word == .comma } ?? c.range.upperBound
            return Self.written(tokens, c.range.lowerBound..<end)
        case .name:
            // A town named as its country is the place only when it is the capital too ("Singapore", not
            // "a visit to Mozambique").
            guard let city, city.range == c.range, city.entry.isIn(c.code),
                  gazetteer.capitals[TextFolding.fold(Self.written(tokens, city.range))] != nil else { return nil }
            return Self.written(tokens, city.range)
        case .demonym, .combining:
            return nil
        }
    }

    /// Whether a place's name ends before token `end`: no possessive, region word ("Hiroshima
    /// Prefecture") or other capitalised word ("Paris Agreement", "Washington Post") follows it; a
    /// month, a weekday, a title or a name found apart may ("in Oslo Monday", "in Oslo President X said").
    private func endsName(at end: Int, in tokens: ArraySlice<Token>, covered: Set<Int>) -> Bool {
        guard end < tokens.endIndex else { return true }
        // "in Washington, D.C. The two leaders ...": a name ending in a full stop may end the sentence.
        if end > tokens.startIndex, tokens[end - 1].text.hasSuffix(".") { return true }
        let next = tokens[end]
        if next.word == .possessive || words.region.contains(next) { return false }
        if next.kind == .word, next.isCapitalized, !next.isAllCaps, !next.newlineBefore, !covered.contains(end),
           !gazetteer.calendarWords.contains(next), gazetteer.roles.longestMatch(in: tokens, at: end) == nil {
            return false
        }
        return true
    }

    /// A city of the gazetteer written at `start` (with "City" after it when the text adds it), when it is
    /// the whole name there (`endsName`) and not followed by ", Country" that the gazetteer places the
    /// town outside of.
    func city(in tokens: ArraySlice<Token>, at start: Int, covered: Set<Int>) -> String? {
        guard let m = gazetteer.cities.longestMatch(in: tokens, at: start), !m.range.contains(where: covered.contains) else {
            return nil
        }
        var range = m.range
        // "Gaza City", "Quebec City": the city's usual English name.
        if range.upperBound < tokens.endIndex, tokens[range.upperBound].isCapitalized, tokens[range.upperBound].folded == "city" {
            range = range.lowerBound..<(range.upperBound + 1)
        }
        guard endsName(at: range.upperBound, in: tokens, covered: covered) else { return nil }
        if let country = appositionCountry(after: range, in: tokens, countryAt: nil), !m.entry.isIn(country) { return nil }
        return Self.written(tokens, range)
    }

    /// The country a name is placed in by ", Country" right after it ("Kananaskis, Canada"), when the
    /// country's name ends the phrase there (not "Congress, Israel's ...").
    private func appositionCountry(after run: Range<Int>, in tokens: ArraySlice<Token>, countryAt: [Int: CountryMention]?) -> String? {
        let comma = run.upperBound
        guard comma + 1 < tokens.endIndex, tokens[comma].word == .comma else { return nil }
        let country: (code: String, end: Int)
        if let countryAt {
            guard let c = countryAt[comma + 1], c.form == .name, !c.possessive else { return nil }
            country = (c.code, c.range.upperBound)
        } else {
            guard let m = gazetteer.countries.longestMatch(in: tokens, at: comma + 1), let e = m.payloads.first, e.form == .name,
                  tokens[comma + 1].isCapitalized else { return nil }
            country = (e.code, m.range.upperBound)
        }
        if country.end < tokens.endIndex {
            let next = tokens[country.end]
            if next.word == .possessive || (next.kind == .word && next.isCapitalized && !next.newlineBefore) { return nil }
        }
        return country.code
    }

    /// Tokens as the text writes them: a space where it has one.
    static func written(_ tokens: ArraySlice<Token>, _ range: Range<Int>) -> String {
        var out = ""
        for i in range {
            if i > range.lowerBound, tokens[i].spaceBefore { out += " " }
            out += tokens[i].text
        }
        return out
    }
}
