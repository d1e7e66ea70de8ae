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
    private var parts: [String: [String]] = [:]

    init(names: NameReader) { self.names = names }

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
    let countryAt: Set<Int>
    /// The offices the sentence writes.
    let roles: [RolePhrase]
    /// Token indices already read as a person's name.
    var taken = Set<Int>()
    var persons: [PersonMention] = []
    /// Persons whose office a pronoun owns ("his national security adviser"), with the pronoun's index.
    var pronounOwned: [(person: Int, at: Int)] = []

    func isCountry(_ i: Int) -> Bool { countryAt.contains(i) }
}

/// A name a sentence writes, with what comes with it: the office before or after it, the country
/// written after it ("King Mohammed VI of Morocco"), whose office it is.
struct NameCandidate {
    var run: Range<Int>
    var role: RolePhrase?
    var nameCountry: String?
    var owner: Owner?
}
