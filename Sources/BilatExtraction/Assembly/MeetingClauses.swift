/// Clause-level readings of a meeting sentence: whether a meeting verb has a person for its object,
/// which named persons take part, and which dates a meeting word may take.
enum MeetingClauses {
    /// Verbs that report an encounter only when they take a person as object: "welcomed Modi", not
    /// "welcomed the decision"; "received the president", not "received a letter".
    static let personObjectVerbs: Set<String> = [
        "welcomed", "welcome", "welcomes", "received", "receive", "receives", "greeted", "greets",
        "hosted", "host", "hosts",
    ]
    /// Words that stand for a person as an object ("received him", "welcomed his counterpart").
    static let personWords: Set<String> = [
        "him", "her", "them", "counterpart", "counterparts", "guest", "guests", "delegation", "delegations",
        "visitor", "visitors", "leaders", "officials", "dignitaries",
    ]
    /// Forms of "be" that make the next verb passive ("was received by").
    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "be", "been", "being"]
    /// Words that end the object of a verb.
    static let objectEnds: Set<String> = [",", ".", ";", ":", "that", "to", "as", "and", "but", "which", "who"]

    /// True when a meeting verb at `at` is active with an object that is no person ("welcomed the
    /// conclusion of the talks", "welcomed plans by universities"): the verb reports no encounter.
    static func lacksPersonObject(_ tokens: ArraySlice<Token>, at: Int, persons: [PersonMention], roles: PhraseMatcher<String>,
                                  countries: [CountryMention]) -> Bool {
        guard personObjectVerbs.contains(tokens[at].folded) else { return false }
        if at > tokens.startIndex, passiveAuxiliaries.contains(tokens[at - 1].folded) { return false }
        // "a welcome ceremony", "the host country": a noun or modifier, not the verb.
        if at > tokens.startIndex, ["a", "the", "warm", "to"].contains(tokens[at - 1].folded) { return false }
        var j = at + 1
        while j < tokens.endIndex, j <= at + 6, !objectEnds.contains(tokens[j].folded) || j == at + 1 {
            if personWords.contains(tokens[j].folded) { return false }
            if persons.contains(where: { $0.range.contains(j) }) { return false }
            if countries.contains(where: { $0.range.lowerBound == j && $0.form == .demonym }) { return false }
            if roles.longestMatch(in: tokens, at: j) != nil { return false }
            j += 1
        }
        return j > at + 1
    }

    /// Persons of the sentence that may take part: a possessive name ("Trong's death") takes part only
    /// when the possessed noun is the meeting word itself ("Biden's visit", "Scholz's trip").
    static func participantMentions(_ tokens: ArraySlice<Token>, persons: [PersonMention], termStarts: Set<Int>) -> [PersonMention] {
        persons.filter { p in
            let end = p.range.upperBound
            guard end < tokens.endIndex, tokens[end].folded == "'s" else { return true }
            return termStarts.contains(end + 1) || termStarts.contains(end + 2)
        }
    }
}
