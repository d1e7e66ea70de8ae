/// An office as a sentence writes it, with the country it names.
struct RolePhrase: Sendable {
    var range: Range<Int>
    var title: String
    /// nil for "counterpart" alone ("his Brazilian counterpart"), whose office is the other side's.
    var kind: RoleKind?
    var country: String?
    var former: Bool
    /// "his Brazilian counterpart": the office of the person the sentence is about.
    var counterpart: Bool
}

/// Finds offices in a sentence: lexicon titles ("Prime Minister", "Secretary of State"), composed ones
/// ("Economy Minister", "Minister of Commerce and Industry"), their country ("Chinese President",
/// "Prime Minister of Japan", "India's ...") and "former".
struct RoleReader: Sendable {
    let gazetteer: Gazetteer
    /// Words that end the name of a body ("Council", "Committee", institution_words.tsv).
    let bodyEnds: WordSet
    let smallWords = Lexicon.words(.titleSmallWords)

    func roles(in tokens: ArraySlice<Token>, countries: [CountryMention]) -> [RolePhrase] {
        // The country that starts at a token, or ends just before it (after its possessive); the last of
        // the sentence's countries where two do. Looked up in the sentence's few countries: two dictionaries
        // built for every sentence cost more than all the lookups.
        let byStart = CountryLookup(countries: countries, byEnd: false)
        let byEnd = CountryLookup(countries: countries, byEnd: true)
        var found: [RolePhrase] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            if tokens[i].word == .counterpart || tokens[i].word == .counterparts {
                let c = byEnd[i]
                found.append(RolePhrase(range: i..<(i + 1), title: "", kind: nil, country: c?.code, former: false,
                                        counterpart: true))
                i += 1
                continue
            }
            // The matcher's filter first: it turns most tokens away without hashing an index.
            guard let m = gazetteer.roles.longestMatch(in: tokens, at: i), byStart[i] == nil, let kind = m.payloads.first else {
                i += 1
                continue
            }
            var start = m.range.lowerBound, end = m.range.upperBound
            // No title reaches back into the one before it ("President Williams Minister of ..."): the
            // phrases found stay apart and in order, as their readers slice between them.
            let floor = found.last?.range.upperBound ?? tokens.startIndex
            if kind == .head {
                // Capitalized words before the head: "Economy Minister", "Trade and Investment Minister"; an
                // "and" only after a field or a body ("Foreign Minister Dmytro Kuleba and Minister of Defense
                // ..." names two offices).
                var k = start - 1
                while k >= floor, start - k <= 4, byEnd[k + 1] == nil,
                      tokens[k].kind == .word, tokens[k].isCapitalized || (tokens[k].word == .and && k > tokens.startIndex && namesField(tokens, at: k - 1)),
                      ![.the, .former, .his, .her].contains(tokens[k].word), byStart[k] == nil {
                    k -= 1
                }
                while k + 1 < start, tokens[k + 1].word == .and { k += 1 }
                start = k + 1
            }
            // "Minister of Commerce and Industry", "Minister for Trade and Investment", "Chairman of the
            // State Committee for National Security (of the Kyrgyz Republic)": the body is part of the title.
            if end + 1 < tokens.endIndex, tokens[end].word == .of || tokens[end].word == .for {
                var k = end + 1
                let article = tokens[k].word == .the
                if article { k += 1 }
                var last = end
                // Another office ends the body: "Secretary of Energy Jennifer Granholm and Minister of ...".
                while k < tokens.endIndex, byStart[k] == nil, tokens[k].kind == .word, last == end || !startsOffice(tokens, at: k) {
                    if tokens[k].isCapitalized {
                        k += 1
                        last = k
                    } else if [.and, .for, .of, .on].contains(tokens[k].word), k + 1 < tokens.endIndex,
                              tokens[k + 1].isCapitalized, byStart[k + 1] == nil, last > end, !startsOffice(tokens, at: k + 1) {
                        k += 1
                    } else {
                        break
                    }
                }
                last = bodyEnd(tokens, from: article ? end + 2 : end + 1, to: last)
                // A leader's title takes a body only after "the" ("President of the European Commission"),
                // never a place ("President of Brazil" is read as the country below).
                if last > end, kind != .leader || article { end = last }
            }
            var country: String?
            var former = false
            var before = start
            if before - 1 >= tokens.startIndex, [.former, .then].contains(tokens[before - 1].word) {
                former = tokens[before - 1].word == .former
                before -= 1
            }
            if let c = byEnd[before] { country = c.code }
            if country == nil, before - 1 >= tokens.startIndex, [.former, .then].contains(tokens[before - 1].word),
               let c = byEnd[before - 1] {
                country = c.code
                former = former || tokens[before - 1].word == .former
            }
            // One word of the title between the country and the office: "Egypt's cabinet spokesman",
            // "Brunei's Second Minister of Foreign Affairs", "the US Deputy Secretary of State". A country
            // named plainly reaches only across a capitalized word ("a visit to Berlin by President ..." is
            // no German office).
            if country == nil, before == start, start - 1 >= floor, let c = byEnd[start - 1],
               c.possessive || c.form == .demonym || c.form == .combining || tokens[start - 1].isCapitalized,
               tokens[start - 1].kind == .word, !startsOffice(tokens, at: start - 1),
               ![.the, .a, .his, .her, .and, .former, .then].contains(tokens[start - 1].word) {
                country = c.code
                start -= 1
            }
            var after = end
            if after + 1 < tokens.endIndex, tokens[after].word == .of {
                var k = after + 1
                if tokens[k].word == .the { k += 1 }
                if let c = byStart[k] {
                    country = country ?? c.code
                    after = c.range.upperBound
                }
            }
            // A title in capitals (a transcript's "PRIME MINISTER LEE:") is written as a title.
            let shouted = tokens[start..<end].allSatisfy { $0.kind != .word || $0.isAllCaps }
            var title = tokens[start..<end].filter { $0.text != "." }.map { t in
                let text = shouted ? t.text.lowercased() : t.text
                return smallWords.contains(t) ? t.folded : text.prefix(1).uppercased() + text.dropFirst()
            }.joined(separator: " ")
            // Foundation's search is slow on Linux: asked only of the few titles with a hyphen.
            if title.utf8.contains(UInt8(ascii: "-")) { title = title.replacingOccurrences(of: " - ", with: "-") }
            found.append(RolePhrase(range: start..<after, title: title, kind: kind, country: country, former: former,
                                    counterpart: false))
            i = after
        }
        return found
    }

    /// A sentence's countries by the token each starts at, or ends before (`byEnd`).
    private struct CountryLookup {
        let countries: [CountryMention]
        let byEnd: Bool

        subscript(_ i: Int) -> CountryMention? {
            countries.last { c in (byEnd ? c.range.upperBound + (c.possessive ? 1 : 0) : c.range.lowerBound) == i }
        }
    }

    /// True when the word at `k` ends a body's name or names a field ("Council", "Trade").
    private func namesField(_ tokens: ArraySlice<Token>, at k: Int) -> Bool {
        bodyEnds.contains(tokens[k]) || gazetteer.areas.longestMatch(in: tokens[k...k], at: k) != nil
    }

    /// True when an office's title starts at `k` ("Minister", "Prime Minister").
    private func startsOffice(_ tokens: ArraySlice<Token>, at k: Int) -> Bool {
        gazetteer.roles.longestMatch(in: tokens, at: k) != nil
    }

    /// Where the body of a title ends when a name follows it without a comma ("Secretary of Commerce
    /// Gina Raimondo", "Director of the National Economic Council Brian Deese"): after the last word that
    /// ends a body's name or names a field ("Council", "Commerce", "Industry"), if two or more
    /// capitalized words come after it; else at `last`. The body is `start..<last`.
    private func bodyEnd(_ tokens: ArraySlice<Token>, from start: Int, to last: Int) -> Int {
        guard last - start >= 3 else { return last }
        var k = last - 3
        while k >= start, !namesField(tokens, at: k) {
            k -= 1
        }
        guard k >= start, tokens[(k + 1)..<last].allSatisfy({ $0.isCapitalized && $0.kind == .word }) else { return last }
        return k + 1
    }
}
