import BilatModel

/// A date a sentence gives, resolved against the publication date.
struct DateExpression: Sendable {
    /// Token indices of the expression.
    var range: Range<Int>
    var date: PartialDate
    /// Said relative to publication ("on Friday", "last month"), as opposed to written out.
    var relative: Bool
}

/// Reads date expressions ("on Friday", "last November", "October last year", "Nov. 29",
/// "29 November 2023", "in mid-2024", "next month") and resolves them against the publication date.
/// A date without a year is placed in the past of publication, or in its future when `future`.
struct DateResolver: Sendable {
    let lexicon: Lexicon
    let published: PartialDate?

    func expressions(in tokens: ArraySlice<Token>, future: Bool) -> [DateExpression] {
        var found: [DateExpression] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            // The test in the loop, not in the call: most tokens open nothing (see `NarrativeTime`).
            if Self.mayStart(tokens[i]), let e = expression(at: i, in: tokens, future: future) {
                found.append(e)
                i = e.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The expressions of a sentence, with those that refer to the narrative's reference time ("that
    /// day", "the following day", "June of that year") resolved against `reference` when one is known.
    func expressions(in tokens: ArraySlice<Token>, future: Bool, reference: PartialDate?) -> [DateExpression] {
        guard let reference else { return expressions(in: tokens, future: future) }
        let narrative = NarrativeTime(months: lexicon.monthTable).expressions(in: tokens, reference: reference)
        let plain = expressions(in: tokens, future: future).filter { e in !narrative.contains { $0.range.overlaps(e.range) } }
        return (narrative + plain).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func word(_ tokens: ArraySlice<Token>, _ i: Int) -> Word? {
        i >= tokens.startIndex && i < tokens.endIndex ? tokens[i].word : nil
    }

    private func yearValue(_ tokens: ArraySlice<Token>, _ i: Int) -> Int? {
        guard i < tokens.endIndex, tokens[i].kind == .number, tokens[i].text.count == 4,
              let y = Int(tokens[i].text), (1900...2100).contains(y) else { return nil }
        return y
    }

    private func dayValue(_ tokens: ArraySlice<Token>, _ i: Int) -> Int? {
        guard i >= tokens.startIndex, i < tokens.endIndex, tokens[i].kind == .number else { return nil }
        // Read over the folded bytes: a number token opens with ASCII digits ("29", "29th", "1,000"), and
        // a day is those digits alone or with an ordinal's ending.
        var d = 0, digits = 0
        var ending: UInt16 = 0, endingCount = 0
        for b in tokens[i].folded.utf8 {
            if endingCount == 0, b >= 0x30, b <= 0x39 {
                digits += 1
                if d <= 31 { d = d * 10 + Int(b - 0x30) }
            } else {
                endingCount += 1
                if endingCount > 2 { return nil }
                ending = ending << 8 | UInt16(b)
            }
        }
        guard digits > 0, (1...31).contains(d) else { return nil }
        // "st", "nd", "rd", "th", two bytes in one number.
        let ordinal = ending == 0x7374 || ending == 0x6E64 || ending == 0x7264 || ending == 0x7468
        return endingCount == 0 || (endingCount == 2 && ordinal) ? d : nil
    }

    private func month(_ tokens: ArraySlice<Token>, _ i: Int) -> Int? {
        guard i >= tokens.startIndex, i < tokens.endIndex, tokens[i].kind == .word, tokens[i].isCapitalized else { return nil }
        // "May" is a month only beside a day, a year or a date preposition.
        return lexicon.monthTable[tokens[i]]
    }

    /// The token after a month abbreviation's period.
    private func afterPeriod(_ tokens: ArraySlice<Token>, _ i: Int) -> Int {
        i < tokens.endIndex && tokens[i].text == "." && !tokens[i].spaceBefore ? i + 1 : i
    }

    private func expression(at i: Int, in tokens: ArraySlice<Token>, future: Bool) -> DateExpression? {
        // The caller asks `mayStart` before it calls.
        let w = tokens[i].word
        guard let pub = published else { return absolute(at: i, in: tokens) }
        // Relative expressions.
        switch w {
        case .yesterday?: return DateExpression(range: i..<(i + 1), date: pub.adding(days: -1) ?? pub, relative: true)
        case .today?, .tonight?: return DateExpression(range: i..<(i + 1), date: pub, relative: true)
        case .last?, .next?, .this?, .earlier?, .later?:
            var j = i + 1
            if w == .earlier || w == .later, word(tokens, j) == .this || word(tokens, j) == .in { j += 1 }
            if w == .earlier || w == .later, word(tokens, j) == .the { j += 1 }
            guard j >= tokens.startIndex, j < tokens.endIndex else { return nil }
            let unit = tokens[j].word
            let shift = w == .last ? -1 : (w == .next ? 1 : 0)
            if unit == .year {
                return DateExpression(range: i..<(j + 1), date: PartialDate(year: pub.year + shift)!, relative: true)
            }
            if unit == .month, let m = pub.month {
                let total = pub.year * 12 + (m - 1) + shift
                return DateExpression(range: i..<(j + 1), date: PartialDate(year: total / 12, month: total % 12 + 1)!, relative: true)
            }
            if unit == .week, let d = pub.adding(days: 7 * shift) {
                return DateExpression(range: i..<(j + 1), date: d.truncated(to: .month), relative: true)
            }
            if [.autumn, .fall, .summer, .spring, .winter].contains(unit) {
                return DateExpression(range: i..<(j + 1), date: PartialDate(year: pub.year + shift)!, relative: true)
            }
            if unit == .day || unit == .evening || unit == .morning || unit == .afternoon, w != .next, w != .last {
                return DateExpression(range: i..<(j + 1), date: pub, relative: true)
            }
            if w == .last || w == .next, let m = month(tokens, j) {
                return monthOnly(m, range: i..<(j + 1), future: w == .next, pub: pub, strictly: true)
            }
            return nil
        default: break
        }
        if let weekday = lexicon.weekdayTable[tokens[i]], tokens[i].isCapitalized, let pw = pub.weekday {
            var delta = future ? (weekday - pw + 7) % 7 : -((pw - weekday + 7) % 7)
            if future && delta == 0 { delta = 7 }
            if let d = pub.adding(days: delta) { return DateExpression(range: i..<(i + 1), date: d, relative: true) }
        }
        if let e = absolute(at: i, in: tokens) { return e }
        // A month and day, or a month alone, without a year.
        if let m = month(tokens, i) {
            let j = afterPeriod(tokens, i + 1)
            if let d = dayValue(tokens, j) {
                var end = j + 1
                var year = pub.year
                if word(tokens, end) == .last, word(tokens, end + 1) == .year { year -= 1; end += 2 }
                else if word(tokens, end) == .next, word(tokens, end + 1) == .year { year += 1; end += 2 }
                else if let dd = PartialDate(year: year, month: m, day: d) {
                    if !future && dd > pub && !dd.isCompatible(with: pub) { year -= 1 }
                    if future && dd < pub && !dd.isCompatible(with: pub) { year += 1 }
                }
                if let date = PartialDate(year: year, month: m, day: d) {
                    return DateExpression(range: i..<end, date: date, relative: true)
                }
            }
            if word(tokens, i + 1) == .last || word(tokens, i + 1) == .next, word(tokens, i + 2) == .year {
                let y = pub.year + (word(tokens, i + 1) == .last ? -1 : 1)
                return DateExpression(range: i..<(i + 3), date: PartialDate(year: y, month: m)!, relative: true)
            }
            if word(tokens, i + 1) == .this, word(tokens, i + 2) == .year {
                return DateExpression(range: i..<(i + 3), date: PartialDate(year: pub.year, month: m)!, relative: true)
            }
            if m != 5 || [.in, .since, .until, .by, .of, .mid, .late, .early, .hyphen].contains(word(tokens, i - 1)) {
                return monthOnly(m, range: i..<(i + 1), future: future, pub: pub, strictly: false)
            }
        }
        // A day and month without a year ("on 30 August", "6 May").
        if let d = dayValue(tokens, i), let m = month(tokens, i + 1) {
            var year = pub.year
            if let dd = PartialDate(year: year, month: m, day: d) {
                if !future && dd > pub && !dd.isCompatible(with: pub) { year -= 1 }
                if future && dd < pub && !dd.isCompatible(with: pub) { year += 1 }
            }
            if let date = PartialDate(year: year, month: m, day: d) {
                return DateExpression(range: i..<(i + 2), date: date, relative: true)
            }
        }
        return nil
    }

    /// Whether a token can open an expression: a number, a capitalized word (a month or weekday), or
    /// one of the words the relative rules open with ("yesterday", "today", "tonight", "last", "next",
    /// "this", "earlier", "later"); no other word opens one. Asked of every token of every sentence: a
    /// first letter let "the", "to", "that", "new" through to every rule.
    @inline(__always)
    private static func mayStart(_ token: Token) -> Bool {
        if token.kind == .number || token.isCapitalized { return true }
        switch token.word {
        case .yesterday?, .today?, .tonight?, .last?, .next?, .this?, .earlier?, .later?: return true
        default: return false
        }
    }

    private func monthOnly(_ m: Int, range: Range<Int>, future: Bool, pub: PartialDate, strictly: Bool) -> DateExpression? {
        let pm = pub.month ?? 12
        var year = pub.year
        if future {
            if m < pm || (strictly && m == pm) { year += 1 }
        } else if m > pm || (strictly && m == pm) {
            year -= 1
        }
        return PartialDate(year: year, month: m).map { DateExpression(range: range, date: $0, relative: true) }
    }

    /// Dates written with their year: "29 August 2025", "February 7, 2025", "October 2024", "in 2008", "mid-2024".
    private func absolute(at i: Int, in tokens: ArraySlice<Token>) -> DateExpression? {
        if let d = dayValue(tokens, i), let m = month(tokens, i + 1) {
            let j = afterPeriod(tokens, i + 2)
            if let y = yearValue(tokens, j), let date = PartialDate(year: y, month: m, day: d) {
                return DateExpression(range: i..<(j + 1), date: date, relative: false)
            }
        }
        if let m = month(tokens, i) {
            let j = afterPeriod(tokens, i + 1)
            if let d = dayValue(tokens, j) {
                var k = j + 1
                if word(tokens, k) == .comma { k += 1 }
                if let y = yearValue(tokens, k), let date = PartialDate(year: y, month: m, day: d) {
                    return DateExpression(range: i..<(k + 1), date: date, relative: false)
                }
            }
            if let y = yearValue(tokens, j), let date = PartialDate(year: y, month: m) {
                return DateExpression(range: i..<(j + 1), date: date, relative: false)
            }
        }
        if let y = yearValue(tokens, i) {
            // Not a count ("2025 people") nor part of a range of numbers.
            return DateExpression(range: i..<(i + 1), date: PartialDate(year: y)!, relative: false)
        }
        return nil
    }
}
