import BilatModel

/// The place an article gives for itself: the city of its dateline ("NEW DELHI, Jan 5 (PTI):"), or the
/// heading a transcript opens with, a place line above the time or date it began ("Oval Office" then
/// "4:15 P.M. EDT"; "Sokha Hotel Phnom Penh, Cambodia"). Either only where the gazetteer knows the
/// place: a dateline such as "ABOARD AIR FORCE ONE" or "UNITED NATIONS" gives none.
struct ArticlePlace: Sendable {
    let gazetteer: Gazetteer

    /// A heading is a short line: the body's first lines are looked at only this far (in scalars; in
    /// UTF-8 bytes twice as far).
    static let headingLength = 160

    func place(of article: Article) -> (name: String, rule: PlaceRule)? {
        if let city = article.datelineCity { return dateline(city).map { ($0, .dateline) } }
        return heading(of: article).map { ($0, .heading) }
    }

    /// A dateline's city as the dateline writes it, or a venue's place.
    func dateline(_ city: String) -> String? {
        let tokens = Tokenizer.tokenize(city)
        guard !tokens.isEmpty else { return nil }
        if let v = gazetteer.venues.longestMatch(in: tokens[...], at: 0), v.range.upperBound == tokens.count {
            return v.payloads.first?.place
        }
        if gazetteer.cities.entry(named: city) != nil || gazetteer.capitals[TextFolding.fold(city)] != nil { return city }
        return nil
    }

    /// The place of a transcript's heading: its first line, when the next one gives a time or a date.
    /// Read over the text's UTF-8 bytes: most bodies open with a line of prose, given up on at once.
    func heading(of article: Article) -> String? {
        var text = article.text
        let lines: [String]? = text.withUTF8 { bytes in
            // The body starts `bodyStart` scalars in: count the bytes that start a scalar.
            var i = 0, scalars = 0
            while i < bytes.count, scalars < article.bodyStart {
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                scalars += 1
            }
            var lines: [String] = []
            var lineStart = i
            var blank = true
            while i < bytes.count, lines.count < 2 {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    if !blank { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self)) }
                    lineStart = i + 1
                    blank = true
                } else {
                    if b != 0x20, b != 0x09 { blank = false }
                    // A line of prose is no heading: nothing more to look at.
                    if i - lineStart > Self.headingLength * 2 { return nil }
                }
                i += 1
            }
            return lines.count == 2 ? lines : nil
        }
        guard let lines, Self.givesTimeOrDate(Substring(lines[1]), lexicon: gazetteer.calendarWords) else { return nil }
        return place(inHeading: Tokenizer.tokenize(lines[0])[...])
    }

    /// "4:15 P.M. EDT", "11:24 A.M.", "March 12, 2024", "12 March 2024".
    static func givesTimeOrDate(_ line: Substring, lexicon calendarWords: WordSet) -> Bool {
        // A line of more than eight tokens is none: words a space apart are tokens apart, so most lines
        // of prose are given up on before they are tokenized.
        guard wordsApart(line) <= 8 else { return false }
        let tokens = Tokenizer.tokenize(String(line))
        guard let first = tokens.first, tokens.count <= 8 else { return false }
        if first.kind == .number, first.text.count <= 2, tokens.count >= 3, tokens[1].text == ":", tokens[2].kind == .number {
            return true
        }
        let year = tokens.contains { $0.kind == .number && $0.text.count == 4 }
        let named = tokens.contains { calendarWords.contains($0) }
        return year && named && tokens.allSatisfy { $0.kind != .word || calendarWords.contains($0) }
    }

    /// The number of runs between spaces or tabs that hold an ASCII letter or digit: each holds a token
    /// of its own, so a line has at least this many tokens.
    static func wordsApart(_ line: Substring) -> Int {
        var runs = 0, counted = false
        for b in line.utf8 {
            if b == 0x20 || b == 0x09 {
                counted = false
            } else if !counted, (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                runs += 1
                counted = true
            }
        }
        return runs
    }

    /// The first town of a place line that ends it or stands before a comma (and in the country named
    /// after that comma, if one is), else the place of a venue on it.
    func place(inHeading tokens: ArraySlice<Token>) -> String? {
        let words = tokens.filter { $0.kind == .word }
        guard !words.isEmpty, words.count <= 16, words.allSatisfy({ $0.isCapitalized || gazetteer.placeWords.headingWord.contains($0) }),
              !words.contains(where: { gazetteer.placeWords.remote.contains($0) }),
              let last = tokens.last(where: { $0.text != "*" }), ![".", "?", "!", ":"].contains(last.text) else { return nil }
        for k in tokens.indices where tokens[k].kind == .word && tokens[k].isCapitalized {
            guard let m = gazetteer.cities.longestMatch(in: tokens, at: k) else { continue }
            let end = m.range.upperBound
            let rest = tokens[end...].drop { $0.text == "*" }
            guard rest.isEmpty || rest.first?.word == .comma else { continue }
            if let comma = rest.first.map({ _ in rest.startIndex }), comma + 1 < tokens.endIndex,
               let c = gazetteer.countries.longestMatch(in: tokens, at: comma + 1), let e = c.payloads.first, e.form == .name,
               !m.entry.isIn(e.code) {
                continue
            }
            return PlaceReader.written(tokens, m.range)
        }
        return gazetteer.venues.matches(in: tokens, accept: { tokens[$0.range.lowerBound].isCapitalized }).first?.payloads.first?.place
    }
}
