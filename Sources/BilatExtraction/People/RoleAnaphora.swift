import BilatModel

/// Definite descriptions of an office that name no one ("the crown prince", "the US President",
/// "Oman's sultan", "the President of the Government"): each refers to the one official already in
/// the discourse who holds that office, on the side the description names.
///
/// A description with no unique antecedent refers to nobody: "the president" in an article with two
/// presidents and no country to tell them apart links to neither. An official named earlier in the
/// same sentence is no antecedent ("Prime Minister Modi invited the Prime Minister"): a writer
/// re-mentions someone just named with a pronoun, not with their title.
struct RoleAnaphora: Sendable {
    let names: NameReader
    let reference: ReferenceData
    let gazetteer: Gazetteer

    /// Offices of heads of state and government and of ministers; lesser offices ("the ambassador",
    /// "the spokesman") are held by too many people for the description to pick one out.
    static let kinds: Set<RoleKind> = [.leader, .minister]

    /// The offices a sentence writes as definite descriptions with no name of their own: "the" (or a
    /// possessive country) before the office, no name after it ("the King, Mohammed VI") and none
    /// before it in apposition ("Pedro Sánchez, the President of the Government").
    func descriptions(in tokens: ArraySlice<Token>, roles: [RolePhrase], countries: [CountryMention],
                      mentions: [PersonMention], isCountry: (Int) -> Bool) -> [RolePhrase] {
        roles.filter { r in
            guard r.kind.map(Self.kinds.contains) ?? false, !r.former, !r.counterpart,
                  !mentions.contains(where: { $0.range.overlaps(r.range) }) else { return false }
            var k = r.range.lowerBound - 1
            if let c = countries.first(where: { $0.range.upperBound + ($0.possessive ? 1 : 0) == r.range.lowerBound }) {
                if c.possessive { return followedByNoName(tokens, r, isCountry: isCountry) }
                k = c.range.lowerBound - 1
            }
            guard k >= tokens.startIndex, tokens[k].word == .the else { return false }
            if k - 1 >= tokens.startIndex, tokens[k - 1].text == ",", mentions.contains(where: { $0.range.upperBound == k - 1 }) {
                return false
            }
            if modifiesNoun(tokens, before: k) { return false }
            return followedByNoName(tokens, r, isCountry: isCountry)
        }
    }

    /// True when the description completes a common noun with "of" ("a brother of the crown prince",
    /// "the palace of the king"): it describes that noun's referent and is no argument of the clause. A
    /// meeting word keeps its complement ("the visit of the President").
    private func modifiesNoun(_ tokens: ArraySlice<Token>, before the: Int) -> Bool {
        let noun = the - 2
        guard noun >= tokens.startIndex, tokens[the - 1].word == .of, tokens[noun].kind == .word,
              !tokens[noun].isCapitalized else { return false }
        return gazetteer.meetingTerms.longestMatch(in: tokens, at: noun) == nil
    }

    private func followedByNoName(_ tokens: ArraySlice<Token>, _ r: RolePhrase, isCountry: (Int) -> Bool) -> Bool {
        var j = r.range.upperBound
        if j < tokens.endIndex, tokens[j].text == "," { j += 1 }
        j = names.skipHonorifics(tokens, from: j)
        return names.run(tokens, at: j, isCountry: isCountry) == nil
    }

    /// The one person of the discourse who holds the office (and serves the country it names), other
    /// than those the sentence named before it; nil when none or several do.
    func antecedent(of role: RolePhrase, persons: [Person], earlier: [PersonMention], published: PartialDate?) -> Int? {
        let title = TextFolding.fold(role.title)
        let candidates = persons.indices.filter { p in
            let person = persons[p]
            if let c = role.country, person.country != c { return false }
            return !earlier.contains { $0.person == p } && offices(of: person, published: published).contains(title)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The offices a person holds: the title the text gave (each of "Crown Prince and Prime Minister"),
    /// and the reference data's office for a known official serving at publication.
    private func offices(of person: Person, published: PartialDate?) -> Set<String> {
        var out = Set<String>()
        if let role = person.role, !role.hasPrefix("former ") {
            for part in role.components(separatedBy: " and ") { out.insert(TextFolding.fold(part)) }
        }
        for i in gazetteer.officialsByName[TextFolding.fold(person.name)] ?? [] {
            let o = reference.officials[i]
            if o.country == person.country, o.serves(on: published), !o.role.isEmpty { out.insert(TextFolding.fold(o.role)) }
        }
        return out
    }
}
