import BilatModel
import Foundation

/// What the caller knows about an article that its text may lack (`--published`, `--source`).
public struct ArticleDefaults: Sendable, Hashable {
    public var published: PartialDate?
    public var source: String?
    public var externalID: String?
    public var url: String?
    public var title: String?

    public init(published: PartialDate? = nil, source: String? = nil, externalID: String? = nil,
                url: String? = nil, title: String? = nil) {
        self.published = published
        self.source = source
        self.externalID = externalID
        self.url = url
        self.title = title
    }
}

/// Why an article could not be read.
public enum ArticleError: Error, Equatable, CustomStringConvertible {
    case empty
    case unclosedFrontMatter
    case badDate(String)
    case malformedFeedLine(String)
    case missingText
    /// A known field of a feed line holding a value it may not: `found` says what ("true", "an object").
    case badFeedField(String, found: String)

    /// What a feed line's known field may hold.
    private static func rule(for key: String) -> String {
        switch key {
        case "id": "an id must be a non-empty string or an integer (write 1.5 or true as a string)"
        case "url": "a url must be a non-empty string"
        default: "it must be a string"
        }
    }

    public var description: String {
        switch self {
        case .empty: "the article is empty"
        case .unclosedFrontMatter: "front matter opens with '---' but no closing '---' line follows"
        case .badDate(let value): "'\(value)' is not a date; write YYYY-MM-DD"
        case .malformedFeedLine(let reason): "not a feed entry: \(reason)"
        case .missingText: "the feed entry has no \"text\""
        case .badFeedField(let key, let found): "the feed entry's \"\(key)\" is \(found); " + Self.rule(for: key)
        }
    }
}

/// Reads the article formats of the corpus: seed-style `date YYYY-MM-DD CITY:`, wire datelines,
/// `---` front matter and plain readouts; and JSON Lines feed entries.
public enum ArticleReader {
    /// Reads one article from its full text.
    public static func read(text: String, defaults: ArticleDefaults = ArticleDefaults()) throws -> Article {
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ArticleError.empty }
        var meta = defaults
        var bodyStart = text.unicodeScalars.startIndex
        var ownDate: PartialDate?
        if let front = try FrontMatter.parse(text) {
            if let value = front.fields["published"] ?? front.fields["date"] { ownDate = try parseDate(value) }
            meta.title = front.fields["title"] ?? meta.title
            meta.source = front.fields["source"] ?? meta.source
            meta.url = front.fields["url"] ?? meta.url
            meta.externalID = front.fields["id"] ?? meta.externalID
            bodyStart = front.bodyStart
        }
        guard text.unicodeScalars[bodyStart...].contains(where: { !$0.properties.isWhitespace }) else {
            throw ArticleError.empty
        }
        let dateline = Dateline.parse(text.unicodeScalars[bodyStart...])
        // The text's own date (front matter, seed-style dateline) outranks a caller's default.
        meta.published = ownDate ?? dateline?.date ?? meta.published
        if meta.source == nil { meta.source = dateline?.agency }
        let scalars = text.unicodeScalars
        return Article(
            id: ContentHash.hex(text),
            externalID: meta.externalID,
            url: meta.url,
            source: meta.source,
            title: meta.title,
            published: meta.published,
            text: text,
            bodyStart: scalars.distance(from: scalars.startIndex, to: dateline?.bodyStart ?? bodyStart),
            datelineCity: dateline?.city,
            datelineMonth: dateline?.month,
            datelineDay: dateline?.day
        )
    }

    /// Reads one line of a JSON Lines feed: `{"id","published","source","url","title","text"}`.
    ///
    /// The line's own fields win over front matter in its text, and the article's identity (feed id and
    /// url) is the line's alone: a text cannot take another article's place by naming its url.
    public static func readFeedLine(_ line: String, defaults: ArticleDefaults = ArticleDefaults()) throws -> Article {
        // The usual line in one pass over its bytes; anything unusual as JSONSerialization reads it.
        let fields = try FeedFields.fast(line) ?? FeedFields.viaJSONSerialization(line)
        if let problem = fields.problem { throw ArticleError.badFeedField(problem.key, found: problem.found) }
        guard let text = fields.text else { throw ArticleError.missingText }
        var meta = defaults
        if let id = fields.id { meta.externalID = id }
        if let value = fields.published { meta.published = try parseDate(value) }
        meta.source = fields.source ?? meta.source
        meta.url = fields.url ?? meta.url
        meta.title = fields.title ?? meta.title
        var article = try read(text: text, defaults: meta)
        article.externalID = meta.externalID
        article.url = meta.url
        if let title = fields.title { article.title = title }
        if let source = fields.source { article.source = source }
        return article
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or an ISO timestamp's date part.
    public static func parseDate(_ value: String) throws -> PartialDate {
        let trimmed = FrontMatter.trimmed(value[...])
        if let date = PartialDate(iso: trimmed) { return date }
        if trimmed.count > 10, let date = PartialDate(iso: String(trimmed.prefix(10))),
           date.precision == .day, "T ".contains(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 10)]) {
            return date
        }
        throw ArticleError.badDate(value)
    }
}
