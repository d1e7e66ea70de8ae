import BilatModel

/// Decides an article's date: its metadata date, else the first full date its text gives ("On
/// January 21, 2025, ..."), else a wire dateline's month and day with a year the text gives.
enum PublicationDate {
    static func resolve(_ article: Article, sentences: [TokenSentence], lexicon: Lexicon) -> PartialDate? {
        if let p = article.published {
            // A wire dateline carries the day; metadata may give only the year.
            if p.precision == .year, let m = article.datelineMonth, let d = article.datelineDay {
                return PartialDate(year: p.year, month: m, day: d) ?? p
            }
            return p
        }
        let reader = DateResolver(lexicon: lexicon, published: nil)
        // A line of its own that is only a date, at the top of the body ("(12 March 2024)", "March 12,
        // 2024, 15:30"): the date a government page prints under its title.
        for s in sentences.prefix(3) {
            if let date = dateLine(s.tokens, reader: reader, lexicon: lexicon) { return date }
        }
        // Front matter without a date: the publisher gave none, and prose dates are events, not publication.
        if article.bodyStart > 0, article.title != nil, article.datelineMonth == nil { return nil }
        // Readouts open with the date of the event they report; analysis pieces have none up front.
        for s in sentences.prefix(3) {
            let asides = AsideFinder.asides(in: s.tokens)
            for e in reader.expressions(in: s.tokens, future: false) where e.date.precision == .day && !asides.contains(e.range.lowerBound) {
                return e.date
            }
        }
        // A wire dateline's month and day, in the latest year the text names: stories look back.
        if let m = article.datelineMonth, let d = article.datelineDay {
            let years = sentences.flatMap { reader.expressions(in: $0.tokens, future: false).map(\.date.year) }
            if let year = years.max() { return PartialDate(year: year, month: m, day: d) }
        }
        return nil
    }

    /// Time-of-day words a date line may carry beside the date.
    private static let clockWords = Lexicon.words(.clockWords)

    /// The date of a line that holds nothing but one full date (day or month precision), with at most
    /// a weekday, a time of day and punctuation around it; nil for any other line.
    static func dateLine(_ tokens: ArraySlice<Token>, reader: DateResolver, lexicon: Lexicon) -> PartialDate? {
        guard tokens.count <= 16 else { return nil }
        let found = reader.expressions(in: tokens, future: false)
        guard found.count == 1, let e = found.first, !e.relative, e.date.precision != .year else { return nil }
        for i in tokens.indices where !e.range.contains(i) {
            let t = tokens[i]
            switch t.kind {
            case .punctuation: continue
            case .number: if t.folded.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." || $0 == "h" }) { continue }
            case .word: if lexicon.weekdayTable[t] != nil || clockWords.contains(t) { continue }
            }
            return nil
        }
        return e.date
    }
}
