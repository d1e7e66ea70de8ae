import BilatModel

/// Dates a narrative gives relative to the time it is telling of, not to publication: "that day",
/// "the following day", "a week earlier", "in June of that year", "the next year". An analysis that
/// walks through past encounters moves its reference time with each dated event it reports.
struct NarrativeTime: Sendable {
    let months: WordTable<Int>

    /// Words that count days and weeks ("two days earlier").
    static let counts = Lexicon.numbers(.timeCounts)

    private func word(_ tokens: ArraySlice<Token>, _ i: Int) -> Word? {
        i >= tokens.startIndex && i < tokens.endIndex ? tokens[i].word : nil
    }

    /// The expressions of a sentence that refer to the reference time, resolved against it.
    func expressions(in tokens: ArraySlice<Token>, reference: PartialDate) -> [DateExpression] {
        var found: [DateExpression] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            // The test in the loop, not in the call: most tokens open nothing, and a call per token cost
            // more than the test.
            if Self.mayStart(tokens[i]), let e = expression(at: i, in: tokens, reference: reference) {
                found.append(e)
                i = e.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether a token can open an expression: a number, a capitalized word (a month), "that", "the" or
    /// a count word of `counts` ("a", "one" … "ten": first letters a, o, t, f, s, five letters at most; a
    /// test checks that every count word passes). A switch, not a table: it is asked of every token of
    /// every dated narrative.
    @inline(__always)
    static func mayStart(_ token: Token) -> Bool {
        if token.kind == .number || token.isCapitalized { return true }
        switch token.firstByte {
        case UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "s"):
            return token.folded.utf8.count <= 5
        default: return false
        }
    }

    private func expression(at i: Int, in tokens: ArraySlice<Token>, reference ref: PartialDate) -> DateExpression? {
        // The caller asks `mayStart` before it calls.
        let w = tokens[i].word
        let next = word(tokens, i + 1)
        // "that day", "the same day", "that year", "the same month".
        if w == .that, let unit = next, Self.isUnit(unit) {
            return DateExpression(range: i..<(i + 2), date: truncate(ref, unit), relative: true)
        }
        if w == .the, next == .same, let unit = word(tokens, i + 2), Self.isUnit(unit) {
            return DateExpression(range: i..<(i + 3), date: truncate(ref, unit), relative: true)
        }
        // "the following day", "the next day", "the previous day", "the day before", "the following year".
        if w == .the, let unit = word(tokens, i + 2), Self.isUnit(unit) {
            let shift: Int? = next == .following || next == .next ? 1 : (next == .previous ? -1 : nil)
            if let shift, let date = shifted(ref, unit, by: shift) {
                return DateExpression(range: i..<(i + 3), date: date, relative: true)
            }
        }
        let third = word(tokens, i + 2)
        if w == .the, next == .day, third == .before || third == .after,
           i + 3 >= tokens.endIndex || [.comma, .period, .semicolon].contains(tokens[i + 3].word),
           let date = ref.day != nil ? ref.adding(days: third == .before ? -1 : 1) : nil {
            return DateExpression(range: i..<(i + 3), date: date, relative: true)
        }
        // "a week earlier", "two days later".
        if let n = Self.counts[tokens[i]] ?? (tokens[i].kind == .number ? Int(tokens[i].text) : nil),
           let unit = next, [.day, .days, .week, .weeks].contains(unit),
           let direction = third, [.earlier, .later, .before].contains(direction), ref.day != nil {
            let days = n * (unit == .week || unit == .weeks ? 7 : 1) * (direction == .later ? 1 : -1)
            if let date = ref.adding(days: days) { return DateExpression(range: i..<(i + 3), date: date, relative: true) }
        }
        // "June of that year", "in June that year".
        if tokens[i].isCapitalized, let m = months[tokens[i]] {
            var j = i + 1
            if word(tokens, j) == .of { j += 1 }
            if word(tokens, j) == .that, word(tokens, j + 1) == .year, let date = PartialDate(year: ref.year, month: m) {
                return DateExpression(range: i..<(j + 2), date: date, relative: true)
            }
        }
        return nil
    }

    /// "day", "month" or "year".
    private static func isUnit(_ word: Word) -> Bool { word == .day || word == .month || word == .year }

    private func truncate(_ ref: PartialDate, _ unit: Word) -> PartialDate {
        switch unit {
        case .year: return ref.truncated(to: .year)
        case .month: return ref.month == nil ? ref : ref.truncated(to: .month)
        default: return ref
        }
    }

    private func shifted(_ ref: PartialDate, _ unit: Word, by n: Int) -> PartialDate? {
        switch unit {
        case .year: return PartialDate(year: ref.year + n)
        case .month:
            guard let m = ref.month else { return nil }
            let total = ref.year * 12 + (m - 1) + n
            return PartialDate(year: total / 12, month: total % 12 + 1)
        default: return ref.day == nil ? nil : ref.adding(days: n)
        }
    }
}
