/// An office written after a name and set off by a comma, with whose it is: "X, the UAE's national
/// security adviser", "X, then South Africa's ambassador", "X, Trump's senior adviser for Africa",
/// "X, his national security adviser", "X, the finance minister".
struct Appositive: Sendable {
    var role: RolePhrase
    var owner: Owner?
}

/// Reads the words between a name and the office that follows it: determiners, "former"/"then", a
/// country or a person in the possessive, a possessive pronoun, and lowercase modifiers that belong to
/// the title ("finance", "senior").
struct AppositiveReader: Sendable {
    let names: NameReader
    let determiners = Lexicon.words(.appositiveArticles)
    let pastMarkers = Lexicon.words(.pastMarkers)
    let pronouns = Lexicon.words(.ownerPronouns)
    /// "the minister X appointed": a reduced relative clause naming who gave the office.
    let appointingWords = Lexicon.words(.appointingWords)
    /// "the government's", "the country's": an office of the side the article is written from.
    let ownSideNouns = Lexicon.words(.ownSideNouns)

    /// The office after the name ending at `end`, or nil. `knownPerson` gives the known person a name
    /// run at an index names ("Trump" in "Trump's"), and where the name ends.
    func read(after end: Int, tokens: ArraySlice<Token>, roles: [RolePhrase], countries: [CountryMention],
              knownPerson: (Int) -> (person: Int, end: Int)?) -> Appositive? {
        var k = end
        let comma = k < tokens.endIndex && tokens[k].text == ","
        if comma { k += 1 }
        var former = false, determined = false
        var country: String?
        var owner: Owner?
        var modifiers: [String] = []
        while k < tokens.endIndex, k - end <= 8 {
            if let r = roles.first(where: { $0.range.lowerBound == k
                || ($0.range.lowerBound <= k && k < $0.range.upperBound && !tokens[$0.range.lowerBound].isCapitalized) }) {
                guard k > end else { return nil }
                var role = r
                role.former = role.former || former
                role.country = role.country ?? country
                if !modifiers.isEmpty, !role.title.isEmpty {
                    role.title = (modifiers + [role.title]).joined(separator: " ")
                }
                // "the finance minister Erdogan had appointed": the office is in the appointer's government.
                let next = role.range.upperBound
                if owner == nil, next < tokens.endIndex, tokens[next].isCapitalized, let p = knownPerson(next),
                   p.end < tokens.endIndex, appointingWords.contains(tokens[p.end]) {
                    owner = .person(p.person)
                }
                return Appositive(role: role, owner: owner)
            }
            // Only a comma or "the" lets a title follow a name ("Wang Yi, director of ...", "X the minister").
            guard comma || tokens[k].word == .the else { return nil }
            let t = tokens[k]
            if determiners.contains(t), modifiers.isEmpty {
                determined = true
                k += 1
            } else if determined, k + 1 < tokens.endIndex, tokens[k + 1].word == .possessive, ownSideNouns.contains(t) {
                // "the government's special commissioner": the article's own side.
                k += 2
            } else if pastMarkers.contains(t), modifiers.isEmpty {
                former = true
                determined = true
                k += 1
            } else if pronouns.contains(t), modifiers.isEmpty {
                owner = .pronoun(at: k)
                determined = true
                k += 1
            } else if let c = countries.first(where: { $0.range.lowerBound == k }), modifiers.isEmpty {
                country = c.code
                determined = true
                k = c.range.upperBound + (c.possessive ? 1 : 0)
            } else if t.isCapitalized, modifiers.isEmpty, let p = knownPerson(k), p.end < tokens.endIndex, tokens[p.end].word == .possessive {
                owner = .person(p.person)
                determined = true
                k = p.end + 1
            } else if determined, t.kind == .word, !t.isCapitalized, modifiers.count < 2, !names.stopWords.contains(t) {
                // "the finance minister", "Trump's senior adviser": the modifier is part of the title.
                modifiers.append(t.text.prefix(1).uppercased() + t.text.dropFirst())
                k += 1
            } else {
                return nil
            }
        }
        return nil
    }
}
