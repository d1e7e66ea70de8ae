import BilatModel

/// The stage lines that open a transcript ("Oval Office", "Kantei, Tokyo, Japan", then "3:21 P.M.
/// JST"): where the remarks were given, which is where the day's encounter took place.
///
/// Only a transcript has them: short lines before a clock-time line among the body's first sentences
/// (the splitter makes each line a sentence). A room is a place only as a venue of a known city
/// (`venues.tsv`: "Oval Office" → Washington); a line ending in ", <Country>" gives the town written
/// before it ("Palace Hotel Bali, Indonesia" → Bali).
enum TranscriptStage {
    /// How many stage lines may stand above the time.
    static let maxLines = 4
    /// A stage line is short: a longer sentence is prose, and the text no transcript.
    static let maxTokens = 20

    static func place(_ sentences: [TokenSentence], gazetteer: Gazetteer) -> String? {
        for (n, s) in sentences.prefix(maxLines + 1).enumerated() {
            if isClockTime(s.tokens) {
                return sentences[..<n].lazy.compactMap { place(in: $0.tokens, gazetteer: gazetteer) }.first
            }
            if s.tokens.count > maxTokens { return nil }
        }
        return nil
    }

    /// "4:16 P.M. EST", "11:26 A.M. EDT", "9:05 pm": hours, a colon, minutes, then a.m. or p.m.
    static func isClockTime(_ tokens: ArraySlice<Token>) -> Bool {
        let i = tokens.startIndex
        guard tokens.count >= 4, tokens.count <= 8, tokens[i].kind == .number, tokens[i + 1].text == ":",
              tokens[i + 2].kind == .number, tokens[i].text.count <= 2, tokens[i + 2].text.count == 2 else { return false }
        let rest = tokens[(i + 3)...].map(\.folded).joined().filter { $0 != "." }
        return rest.hasPrefix("am") || rest.hasPrefix("pm")
    }

    private static func place(in tokens: ArraySlice<Token>, gazetteer: Gazetteer) -> String? {
        for i in tokens.indices {
            if let v = gazetteer.venues.longestMatch(in: tokens, at: i), let city = v.payloads.first { return city }
        }
        // "..., Tokyo, Japan", "... Madrid, Spain": the words before the last comma, when a country ends the line.
        guard let comma = tokens.lastIndex(where: { $0.text == "," }), comma > tokens.startIndex,
              let country = gazetteer.countries.longestMatch(in: tokens, at: comma + 1),
              country.range.upperBound == tokens.endIndex, country.payloads.first?.form == .name else { return nil }
        // A capital written before the comma, else the one word there ("Bali").
        for s in max(tokens.startIndex, comma - 3)..<comma {
            if let c = gazetteer.countries.longestMatch(in: tokens, at: s), c.range.upperBound == comma, c.payloads.first?.form == .capital {
                return gazetteer.capitals[tokens[c.range].map(\.folded).joined(separator: " ")] ?? tokens[c.range].map(\.text).joined(separator: " ")
            }
        }
        let last = comma - 1
        return tokens[last].kind == .word && tokens[last].isCapitalized ? tokens[last].text : nil
    }
}
