import BilatModel

/// What people resolution has learned of an article so far, passed from sentence to sentence.
struct PeopleDiscourse {
    var people = People()
    var registry = NameRegistry()
    /// The person the previous sentences were about, for "he", "his".
    var lastSubject: Int?
    let nameParts: NamePartsCache
}

/// The name parts of each name met, worked out once an article: names recur in every sentence.
/// A reference, so that readers of the discourse can fill it without holding the discourse inout.
final class NamePartsCache {
    private let names: NameReader
    private var parts: [String: [String]]

    init(names: NameReader) {
        self.names = names
        // Room for an article's names from the start: grown from empty, the table was rehashed four times.
        parts = Dictionary(minimumCapacity: 32)
    }

    func callAsFunction(_ name: String) -> [String] {
        if let found = parts[name] { return found }
        let found = names.keys(of: name)
        parts[name] = found
        return found
    }
}

/// One sentence as resolution reads it: its offices and the persons it names so far.
struct SentenceReading {
    let index: Int
    let sentence: TokenSentence
    let mentions: SentenceMentions
    let tokens: ArraySlice<Token>
    /// The offices the sentence writes.
    let roles: [RolePhrase]
    /// Token indices already read as a person's name.
    var taken = Set<Int>()
    var persons: [PersonMention] = []
    /// Persons whose office a pronoun owns ("his national security adviser"), with the pronoun's index.
    var pronounOwned: [(person: Int, at: Int)] = []

    /// True at a token of a country's name. A closure over its own table alone: the method's partial
    /// application would copy the whole reading at each call that passes it (18 % of extraction).
    let isCountry: (Int) -> Bool

    /// Every property set once, in one place, from locals: built with the test of countries assigned in
    /// a branch, the reading was made in a temporary, copied (each reference retained) and the
    /// temporary destroyed, at each sentence (0.6 % of extraction).
    init(index: Int, sentence: TokenSentence, mentions: SentenceMentions, roles: [RolePhrase]) {
        let tokens = sentence.tokens
        let isCountry = Self.countryTest(tokens, mentions.countries)
        self.index = index
        self.sentence = sentence
        self.mentions = mentions
        self.tokens = tokens
        self.roles = roles
        self.isCountry = isCountry
    }

    /// True at a token of one of `countries`.
    private static func countryTest(_ tokens: ArraySlice<Token>, _ countries: [CountryMention]) -> (Int) -> Bool {
        if countries.isEmpty { return { _ in false } }
        // A flag per token of the sentence, not a set of indices: no index hashed for each sentence.
        let start = tokens.startIndex
        var countryAt = [Bool](repeating: false, count: tokens.count)
        for c in countries {
            for i in c.range where i >= start && i < tokens.endIndex { countryAt[i - start] = true }
        }
        let end = tokens.endIndex
        return { i in i >= start && i < end && countryAt[i - start] }
    }
}

/// A name a sentence writes, with what comes with it: the office before or after it, the country
/// written after it ("King Mohammed VI of Morocco"), whose office it is.
struct NameCandidate {
    var run: Range<Int>
    var role: RolePhrase?
    var nameCountry: String?
    var owner: Owner?
    /// The rule that read the name: `titleThenName` or `nameThenTitle`.
    var rule: NamingRule
    /// Honorifics stood before the name ("His Highness Sheikh").
    var honorific = false
}

/// A reference official a name names, and how the name was read.
struct KnownOfficial {
    var official: ReferenceOfficial
    /// The text adds a patronymic to the known name.
    var lengthened = false
    var rule: NamingRule
}
