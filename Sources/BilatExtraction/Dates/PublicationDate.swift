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
        // Front matter without a date: the publisher gave none, and prose dates are events, not publication.
        if article.bodyStart > 0, article.title != nil, article.datelineMonth == nil { return nil }
        let reader = DateResolver(lexicon: lexicon, published: nil)
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
}
