/// A source as HTML: the article's title linked when its URL is http(s), outlet, date and the sentence.
enum HTMLSources {
    static func item(_ s: TimelineSource) -> String {
        let name = MarkupText.escaped(s.title ?? s.source ?? "untitled article")
        var html = MarkupText.followableURL(s.url).map {
            "<a href=\"\(MarkupText.escaped($0))\" rel=\"noopener noreferrer\">\(name)</a>"
        } ?? name
        if s.title != nil, let outlet = s.source { html += ", " + MarkupText.escaped(outlet) }
        if let published = s.published {
            html += ", <time datetime=\"\(published.iso)\">\(published.iso)</time>"
        }
        if !s.sentence.isEmpty { html += ": <q>" + MarkupText.escaped(s.sentence) + "</q>" }
        return html
    }
}
