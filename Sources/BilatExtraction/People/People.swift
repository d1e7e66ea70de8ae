import BilatModel

/// A person the article names, with everything learned about them.
struct Person: Sendable {
    var name: String
    var country: String?
    var role: String?
    var keys: Set<String>
    var spans: [SourceSpan]
    /// How the mentions tell the article's home side: +1 for a reference official first named with no
    /// country ("Prime Minister Anthony Albanese"), -1 for one named with a country at any mention, else 0.
    var vote = 0
    /// The office belongs to an international body the sentence names ("UN Secretary-General"),
    /// so the person serves no side of the article.
    var international = false
    /// The sentence index of the first mention.
    var firstSentence = 0
    /// The naming rules that read the person's mentions.
    var rules = NamingRules()
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

/// Who an office or a retinue belongs to when the text says it by a possessive rather than a country.
enum Owner: Sendable, Equatable {
    /// "his national security adviser": the person the sentence is about; the token index of "his".
    case pronoun(at: Int)
    /// "Trump's senior adviser".
    case person(Int)
    /// "the UAE's ...", "the Saudi delegation".
    case country(String)
}
