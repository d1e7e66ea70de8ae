/// One JSON Lines feed entry: `{"id","published","source","url","title","text"}`.
enum FeedLine {
    static func json(_ article: ComposedArticle, id: String) -> String {
        "{\"id\": \(quote(id)), \"published\": \(quote(article.published.iso)), \"source\": \(quote(article.source)), "
            + "\"url\": \(quote(article.url)), \"title\": \(quote(article.title)), \"text\": \(quote(article.text))}\n"
    }

    /// A JSON string literal (RFC 8259 escapes; other characters as UTF-8).
    static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
