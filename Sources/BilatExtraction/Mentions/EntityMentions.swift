import BilatModel

/// A country named in a sentence.
struct CountryMention: Sendable {
    var code: String
    var form: CountryForm
    /// Token indices into the article's tokens.
    var range: Range<Int>
    /// Written as a possessive ("Japan's").
    var possessive: Bool
}

/// Finds countries, organizations and cooperation areas named in sentences.
struct EntityMentionFinder: Sendable {
    let gazetteer: Gazetteer

    func countries(in tokens: ArraySlice<Token>) -> [CountryMention] {
        var found: [CountryMention] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            // The fields asked, not the token: a copy of a token retains and releases its strings.
            let capitalized = tokens[i].isCapitalized, word = tokens[i].word
            // "Sino-US", "Franco-German": a combining form glued to a hyphen.
            if capitalized, i + 1 < tokens.endIndex, tokens[i + 1].word == .hyphen, !tokens[i + 1].spaceBefore,
               let code = gazetteer.combiningForms[tokens[i]] {
                found.append(CountryMention(code: code, form: .combining, range: i..<(i + 1), possessive: false))
                i += 1
                continue
            }
            if tokens[i].kind == .word, capitalized || word == .the,
               let m = gazetteer.countries.longestMatch(in: tokens, at: word == .the && i + 1 < tokens.endIndex ? i + 1 : i),
               let entry = m.payloads.first {
                let first = m.range.lowerBound
                if tokens[first].isCapitalized, !entry.allCaps || tokens[first].isAllCaps {
                    let end = m.range.upperBound
                    let possessive = end < tokens.endIndex && tokens[end].word == .possessive
                    found.append(CountryMention(code: entry.code, form: entry.form, range: m.range, possessive: possessive))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return found
    }

    func organizations(in tokens: ArraySlice<Token>) -> [(name: String, range: Range<Int>)] {
        gazetteer.organizations.matches(in: tokens) { m in
            let first = tokens[m.range.lowerBound]
            return first.isCapitalized || first.kind == .number
        }.compactMap { m in m.payloads.first.map { ($0, m.range) } }
    }

    func areas(in tokens: ArraySlice<Token>) -> [(key: String, range: Range<Int>)] {
        // A capitalized word inside a sentence belongs to a name ("Commerce and Industry Minister",
        // "Economic Security Initiative"), not to a field of cooperation.
        gazetteer.areas.matches(in: tokens).filter { m in
            !(m.range.count == 1 && m.range.lowerBound > tokens.startIndex && tokens[m.range.lowerBound].isCapitalized)
        }.flatMap { m in m.payloads.filter { !$0.isEmpty }.map { ($0, m.range) } }
    }
}
