import Foundation

/// A `---` delimited block of `key: value` lines at the top of an article.
struct FrontMatter {
    var fields: [String: String]
    /// Where the body starts, after the closing `---` line.
    var bodyStart: String.UnicodeScalarView.Index

    /// The front matter of `text`, nil when the text does not open with `---`.
    static func parse(_ text: String) throws -> FrontMatter? {
        let scalars = text.unicodeScalars
        var lines = LineCursor(scalars)
        // Foundation's trimming is slow on Linux: a first line without a hyphen is no opening `---`.
        guard let first = lines.next(), first.text.utf8.contains(UInt8(ascii: "-")),
              first.text.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        var fields: [String: String] = [:]
        while let line = lines.next() {
            let content = line.text.trimmingCharacters(in: .whitespaces)
            if content == "---" { return FrontMatter(fields: fields, bodyStart: line.end) }
            guard let colon = content.firstIndex(of: ":") else { continue }
            let key = content[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty, !value.isEmpty { fields[key] = value }
        }
        throw ArticleError.unclosedFrontMatter
    }
}

/// Walks the lines of a scalar view, giving each line's text and the index after its line break.
struct LineCursor {
    private let scalars: String.UnicodeScalarView
    private var position: String.UnicodeScalarView.Index

    init(_ scalars: String.UnicodeScalarView) {
        self.scalars = scalars
        position = scalars.startIndex
    }

    mutating func next() -> (text: String, end: String.UnicodeScalarView.Index)? {
        guard position < scalars.endIndex else { return nil }
        var end = position
        while end < scalars.endIndex, scalars[end] != "\n" { end = scalars.index(after: end) }
        var text = String(String.UnicodeScalarView(scalars[position..<end]))
        // By scalar: String.hasSuffix compares canonically, normalizing from the end, which is quadratic
        // when the line ends in one long grapheme cluster (a letter and thousands of combining marks).
        if text.unicodeScalars.last == "\r" { text.unicodeScalars.removeLast() }
        position = end < scalars.endIndex ? scalars.index(after: end) : end
        return (text, position)
    }
}
