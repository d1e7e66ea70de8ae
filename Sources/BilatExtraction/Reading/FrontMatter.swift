import Foundation

/// A `---` delimited block of `key: value` lines at the top of an article.
struct FrontMatter {
    var fields: [String: String]
    /// Where the body starts, after the closing `---` line.
    var bodyStart: String.UnicodeScalarView.Index

    /// The front matter of `text`, nil when the text does not open with `---`.
    static func parse(_ text: String) throws -> FrontMatter? {
        let scalars = text.unicodeScalars
        // Most articles do not open with `---`, and their first line is a whole paragraph: told from
        // its first scalar that is not a space or a tab, if that is ASCII (trimming keeps it).
        if let first = scalars.first(where: { $0 != " " && $0 != "\t" }), first.isASCII, first != "-" { return nil }
        var lines = LineCursor(scalars)
        guard let first = lines.next(), trimmed(first.text[...]) == "---" else { return nil }
        var fields: [String: String] = [:]
        while let line = lines.next() {
            let content = trimmed(line.text[...])
            if content == "---" { return FrontMatter(fields: fields, bodyStart: line.end) }
            guard let colon = content.firstIndex(of: ":") else { continue }
            let key = trimmed(content[..<colon]).lowercased()
            var value = trimmed(content[content.index(after: colon)...])
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty, !value.isEmpty { fields[key] = value }
        }
        throw ArticleError.unclosedFrontMatter
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, which is slow on Linux (it bridges to NSString): the
    /// spaces and tabs at the ends are dropped here, and Foundation is asked only when an end is then
    /// not ASCII (the only ASCII scalars of `.whitespaces` are space and tab).
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        while start < end, scalars[scalars.index(before: end)] == " " || scalars[scalars.index(before: end)] == "\t" {
            end = scalars.index(before: end)
        }
        guard start == end || (scalars[start].isASCII && scalars[scalars.index(before: end)].isASCII) else {
            return String(text).trimmingCharacters(in: .whitespaces)
        }
        return String(Substring(scalars[start..<end]))
    }
}

/// Walks the lines of a scalar view, giving each line's text and the index after its line break.
struct LineCursor {
    private let scalars: String.UnicodeScalarView
    private let utf8: String.UTF8View
    private var position: String.UnicodeScalarView.Index

    init(_ scalars: String.UnicodeScalarView) {
        self.scalars = scalars
        utf8 = String(scalars).utf8
        position = scalars.startIndex
    }

    mutating func next() -> (text: String, end: String.UnicodeScalarView.Index)? {
        guard position < scalars.endIndex else { return nil }
        // The line feed looked for among the UTF-8 bytes: an index of the byte 0x0A is that scalar's.
        let end = utf8[position...].firstIndex(of: 0x0A) ?? scalars.endIndex
        var text = String(Substring(scalars[position..<end]))
        // By scalar: String.hasSuffix compares canonically, normalizing from the end, which is quadratic
        // when the line ends in one long grapheme cluster (a letter and thousands of combining marks).
        if text.unicodeScalars.last == "\r" { text.unicodeScalars.removeLast() }
        position = end < scalars.endIndex ? scalars.index(after: end) : end
        return (text, position)
    }
}
