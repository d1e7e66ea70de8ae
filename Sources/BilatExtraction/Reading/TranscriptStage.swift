import BilatModel
import Foundation

/// The stage lines that open a transcript ("Oval Office", "Kantei, Tokyo, Japan", then "3:21 P.M.
/// JST"): where the remarks were given, which is where the day's encounter took place.
///
/// Only a transcript has them: lines before a clock-time line among the body's first lines. A room is
/// a place only as a venue of a known city (`venues.tsv`: "Oval Office" → Washington); a line ending
/// in ", <Country>" gives the city written before it ("Palace Hotel Bali, Indonesia" → Bali).
enum TranscriptStage {
    /// How many of the body's first lines may hold the stage and the time.
    static let maxLines = 4

    static func place(_ article: Article, gazetteer: Gazetteer) -> String? {
        let scalars = article.text.unicodeScalars
        var i = scalars.index(scalars.startIndex, offsetBy: article.bodyStart, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var lines: [String] = []
        // Line by line, only as far as the first few: a transcript's stage is at its top.
        while i < scalars.endIndex, lines.count < maxLines {
            let end = scalars[i...].firstIndex { $0 == "\n" || $0 == "\r" } ?? scalars.endIndex
            let line = String(scalars[i..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " *\t"))
            i = end < scalars.endIndex ? scalars.index(after: end) : end
            if line.isEmpty { continue }
            if isClockTime(line) { return lines.lazy.compactMap { place(in: $0, gazetteer: gazetteer) }.first }
            // A stage line is short; a line of prose means this is no transcript.
            if line.count > 80 { return nil }
            lines.append(line)
        }
        return nil
    }

    /// "4:16 P.M. EST", "11:26 A.M. EDT", "5:41 P.M. WITA".
    static func isClockTime(_ line: some StringProtocol) -> Bool {
        let words = line.split(separator: " ")
        guard words.count >= 2, words.count <= 3 else { return false }
        let clock = words[0].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }) else { return false }
        let meridiem = words[1].uppercased().filter { $0 != "." }
        return meridiem == "AM" || meridiem == "PM"
    }

    private static func place(in line: String, gazetteer: Gazetteer) -> String? {
        let tokens = Tokenizer.tokenize(line)[...]
        for i in tokens.indices {
            if let v = gazetteer.venues.longestMatch(in: tokens, at: i), let city = v.payloads.first { return city }
        }
        // "..., Tokyo, Japan", "... Madrid, Spain": the words before the last comma, when a country follows it.
        guard let comma = tokens.lastIndex(where: { $0.text == "," }), comma > tokens.startIndex,
              let country = gazetteer.countries.longestMatch(in: tokens, at: comma + 1),
              country.range.upperBound == tokens.endIndex, country.payloads.first?.form == .name else { return nil }
        var start = comma
        while start > tokens.startIndex, start - 1 >= tokens.startIndex, tokens[start - 1].isCapitalized,
              tokens[start - 1].kind == .word, comma - start < 1 { start -= 1 }
        // A capital written before the comma, else the one word there ("Bali").
        for s in max(tokens.startIndex, comma - 3)..<comma {
            if let c = gazetteer.countries.longestMatch(in: tokens, at: s), c.range.upperBound == comma, c.payloads.first?.form == .capital {
                return gazetteer.capitals[tokens[c.range].map(\.folded).joined(separator: " ")] ?? tokens[c.range].map(\.text).joined(separator: " ")
            }
        }
        return start < comma ? tokens[start..<comma].map(\.text).joined(separator: " ") : nil
    }
}
