/// The rules by which people resolution reads an official from the text, each a class of wording of
/// the genre with example sentences that must and must not fire (Tests/Fixtures/rules/officials-*.tsv).
enum NamingRule: String, CaseIterable, Sendable {
    /// An office before the name: "Chinese President Xi Jinping", "the Prime Minister of Fiji, Laisenia Qarase".
    case titleThenName = "title_then_name"
    /// An office after the name, set off by a comma: "Laisenia Qarase, the Prime Minister of Fiji".
    case nameThenTitle = "name_then_title"
    /// The country written after the name: "President Guillermo Lasso of the Republic of Ecuador".
    case countryAfterName = "country_after_name"
    /// A reference official's name or alias, which needs no office: "Narendra Modi said".
    case referenceName = "reference_name"
    /// A title and a name part that the dated reference resolves to the holder of that office on the
    /// article's date: "President Biden", "Chancellor Scholz", "PRESIDENT LÓPEZ OBRADOR".
    case titleAndSurname = "title_and_surname"
    /// A courtesy title and a name part that the dated reference resolves to the one official in office
    /// with that name: "Mr. Albanese", "Sheikh Tamim".
    case honorificAndSurname = "honorific_and_surname"
    /// A title and a name part of an official the reference does not know, with the country the text
    /// gives: "Prime Minister Tuilagi of Samoa".
    case surnameWithOffice = "surname_with_office"
    /// A name written family name first: "IWAYA Takeshi", "Kishida Fumio".
    case familyNameFirst = "family_name_first"
    /// A reference official's name as the text spells it, where the text transliterates it otherwise
    /// ("Abdel Fattah El-Sisi" for the reference's "Abdel Fattah al-Sisi"); a different form of the name
    /// ("Joseph R. Biden, Jr.") is written by the reference's name.
    case textSpelling = "text_spelling"
    /// Titles and honorifics before a name, which are no part of it: "His Highness Sheikh", "Datuk Seri".
    case honorific = "honorific"
    /// An official of an international organization, who serves no country: "NATO Secretary General
    /// Jens Stoltenberg", "UN Secretary-General Guterres".
    case internationalOffice = "international_office"

    var bit: UInt32 { 1 << UInt32(Self.allCases.firstIndex(of: self)!) }
}

/// The naming rules that fired for a person.
struct NamingRules: Sendable, Equatable {
    private(set) var mask: UInt32 = 0

    mutating func insert(_ rule: NamingRule) { mask |= rule.bit }
    func contains(_ rule: NamingRule) -> Bool { mask & rule.bit != 0 }
    mutating func formUnion(_ other: NamingRules) { mask |= other.mask }
}
