import BilatModel

/// The dateline that opens many articles: seed style `date 2026-01-16 BEIJING:` or wire style
/// `BRASILIA, Nov. 20 (Xinhua) --`, `WASHINGTON (Reuters) -`, `NEW DELHI, Jan 5 (PTI):`, `TEHRAN -`.
struct Dateline {
    var city: String
    var date: PartialDate?
    var month: Int?
    var day: Int?
    var agency: String?
    /// Where the prose starts after the dateline.
    var bodyStart: String.UnicodeScalarView.Index

    static func parse(_ text: Substring.UnicodeScalarView) -> Dateline? {
        var cursor = ScalarCursor(text)
        cursor.skipWhitespace()
        if cursor.consume("date ") {
            return parseSeedStyle(&cursor)
        }
        return parseWireStyle(&cursor)
    }

    /// `date YYYY-MM-DD CITY:`
    private static func parseSeedStyle(_ cursor: inout ScalarCursor) -> Dateline? {
        cursor.skipSpaces()
        guard let iso = cursor.take(while: { $0 == "-" || $0.properties.numericType != nil }),
              let date = PartialDate(iso: iso), date.precision == .day else { return nil }
        cursor.skipSpaces()
        guard let city = cursor.take(while: { $0 != ":" && $0 != "\n" }), cursor.consume(":") else { return nil }
        let name = cityName(city)
        guard !name.isEmpty else { return nil }
        cursor.skipSpaces()
        return Dateline(city: name, date: date, month: nil, day: nil, agency: nil, bodyStart: cursor.index)
    }

    /// `CITY[, Mon. D | , Region] [(Agency)] --|-|—|:`
    private static func parseWireStyle(_ cursor: inout ScalarCursor) -> Dateline? {
        guard let city = takeCapitalWords(&cursor),
              city.unicodeScalars.filter({ $0.properties.isUppercase }).count >= 2 else { return nil }
        let name = cityName(city)
        var month: Int?
        var day: Int?
        if cursor.consume(",") {
            cursor.skipSpaces()
            var lookahead = cursor
            if let word = lookahead.take(while: { $0.properties.isAlphabetic }), let m = MonthNames.number(of: word) {
                _ = lookahead.consume(".")
                lookahead.skipSpaces()
                guard let digits = lookahead.take(while: { $0.properties.numericType != nil }), let d = Int(digits),
                      (1...31).contains(d) else { return nil }
                (month, day) = (m, d)
                cursor = lookahead
            } else {
                // A region or country after the city: "KAZAN, Russia (Reuters) -", "RAROTONGA, Cook Islands -".
                guard cursor.take(while: { $0 != "(" && $0 != "\n" && $0 != "-" && $0 != "\u{2014}" && $0 != ":" })
                    != nil else { return nil }
            }
        }
        cursor.skipSpaces()
        var agency: String?
        if cursor.consume("(") {
            guard let inside = cursor.take(while: { $0 != ")" && $0 != "\n" }), cursor.consume(")") else { return nil }
            agency = inside
            cursor.skipSpaces()
        }
        let hasSeparator = cursor.consume("--") || cursor.consume("-") || cursor.consume("\u{2014}")
            || cursor.consume("\u{2013}") || (cursor.consume(":") && (agency != nil || month != nil))
        guard hasSeparator, !name.isEmpty else { return nil }
        cursor.skipSpaces()
        return Dateline(city: name, date: nil, month: month, day: day, agency: agency, bodyStart: cursor.index)
    }

    /// Words in capitals separated by single spaces ("NEW DELHI", "PARIS/WARSAW", "PORT-AU-PRINCE").
    private static func takeCapitalWords(_ cursor: inout ScalarCursor) -> String? {
        var words: [String] = []
        var probe = cursor
        while true {
            var attempt = probe
            guard let word = attempt.take(while: isCityScalar),
                  word.unicodeScalars.contains(where: { $0.properties.isUppercase }) else { break }
            words.append(word)
            probe = attempt
            cursor = probe
            guard probe.consume(" ") else { break }
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func isCityScalar(_ s: Unicode.Scalar) -> Bool {
        (s.properties.isAlphabetic && !s.properties.isLowercase) || s == "." || s == "/" || s == "'" || s == "-"
    }

    /// "NEW DELHI" → "New Delhi"; of "PARIS/WARSAW" the first city.
    static func cityName(_ raw: String) -> String {
        asciiCityName(raw) ?? generalCityName(raw)
    }

    /// Words kept in lower case after the first word ("Rio de Janeiro", "Dar es Salaam").
    private static let particleWords = Lexicon.english.wordLists.words(.cityParticles)
    private static let particles = Set(particleWords)
    private static let particleBytes: [[UInt8]] = particleWords.map { Array($0.utf8) }

    /// `cityName` of any text, through Foundation: the way for a name that is not ASCII, and the
    /// reference the ASCII path is tested against.
    static func generalCityName(_ raw: String) -> String {
        let first = raw.split(separator: "/").first.map(String.init) ?? raw
        let words = first.split(separator: " ").enumerated().map { index, word -> String in
            let lower = word.lowercased()
            if index > 0, particles.contains(lower) { return lower }
            return lower.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: "-")
        }
        return words.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "-.")))
    }

    /// `cityName` of an ASCII name, byte by byte, without Foundation's trimming (which bridges to
    /// NSString) and the arrays of strings; nil when `raw` is not ASCII.
    static func asciiCityName(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // The first non-empty part between slashes, or the whole when there is none.
            var part = bytes[...]
            if let firstPart = bytes.split(separator: UInt8(ascii: "/")).first { part = firstPart }
            var out: [UInt8] = []
            out.reserveCapacity(part.count)
            for (index, word) in part.split(separator: UInt8(ascii: " ")).enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                let lower = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
                if index > 0, particleBytes.contains(lower) {
                    out += lower
                    continue
                }
                // Each piece between hyphens capitalised.
                var startOfPiece = true
                for byte in lower {
                    out.append(startOfPiece && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
                    startOfPiece = byte == UInt8(ascii: "-")
                }
            }
            // Trimmed of white space, line breaks, hyphens and full stops at both ends (the ASCII members
            // of `.whitespacesAndNewlines` are tab, line feed, vertical tab, form feed, carriage return, space).
            func trimmed(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x2D || byte == 0x2E }
            guard let first = out.firstIndex(where: { !trimmed($0) }), let last = out.lastIndex(where: { !trimmed($0) }) else {
                return ""
            }
            return String(decoding: out[first...last], as: UTF8.self)
        }
    }
}

import Foundation

/// English month names and their abbreviations: the lexicon's (`months.tsv`), which a dateline is read
/// with before any reference data.
enum MonthNames {
    private static let numbers = Lexicon.english.months

    static func number(of word: String) -> Int? { numbers[word.lowercased()] }
}

/// A forward cursor over unicode scalars for small hand-written parsers.
struct ScalarCursor {
    let scalars: Substring.UnicodeScalarView
    var index: String.UnicodeScalarView.Index

    init(_ scalars: Substring.UnicodeScalarView) {
        self.scalars = scalars
        index = scalars.startIndex
    }

    mutating func skipWhitespace() {
        while index < scalars.endIndex, scalars[index].properties.isWhitespace { index = scalars.index(after: index) }
    }

    mutating func skipSpaces() {
        while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" {
            index = scalars.index(after: index)
        }
    }

    mutating func consume(_ literal: String) -> Bool {
        var i = index
        for s in literal.unicodeScalars {
            guard i < scalars.endIndex, scalars[i] == s else { return false }
            i = scalars.index(after: i)
        }
        index = i
        return true
    }

    /// The longest non-empty run of scalars satisfying `predicate`, or nil (cursor unmoved).
    mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String? {
        var i = index
        var out = String.UnicodeScalarView()
        while i < scalars.endIndex, predicate(scalars[i]), out.count < 200 {
            out.append(scalars[i])
            i = scalars.index(after: i)
        }
        guard !out.isEmpty else { return nil }
        index = i
        return String(out)
    }
}
