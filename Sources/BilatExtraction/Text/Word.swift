/// The words the extraction rules name in code. The tokenizer recognizes them once per token, so
/// that a rule compares small integers (`token.word == .the`) rather than strings; the raw value is
/// the folded spelling. A token whose folded word is none of these has no `word`.
enum Word: String, CaseIterable, Sendable {
    // Articles, determiners and pronouns.
    case the, a, this, that, his, her, he, she
    // Prepositions and conjunctions.
    case of, `in`, to, at, from, on, `for`, with, by, `as`, and, co, since, until, mid, late, early
    case before, after, when
    // Words of dates.
    case yesterday, today, tonight, last, next, earlier, later, year, month, week, day, days, weeks
    case autumn, fall, summer, spring, winter, evening, morning, afternoon, same, following, previous
    // Words of the meeting, role and agreement rules.
    case here, visit, visited, visits, visiting, host, hosts, warm, former, then, also, separate, separately
    case counterpart, counterparts, summit, joint, trilateral, presence, looking, jr, tour
    // Punctuation and clitics.
    case comma = ",", period = ".", semicolon = ";", hyphen = "-", openParenthesis = "(", closeParenthesis = ")"
    case possessive = "'s", negation = "n't"

    /// Folded spelling → word, asked with a token's precomputed hash.
    static let table = WordTable(allCases.map { ($0.rawValue, $0) })
}
