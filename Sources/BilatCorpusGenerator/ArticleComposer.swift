/// The four article formats of the corpus README.
public enum ArticleFormat: String, Sendable, CaseIterable, Codable {
    /// ` date YYYY-MM-DD CITY: …`
    case seed
    /// `CITY, Mon. D (Agency) -- …`: the year comes from the feed's `published`.
    case wire
    /// A `---` block with title, published, source and url, then the body.
    case frontMatter = "front_matter"
    /// An official readout: a title line, no dateline, the date inside the text.
    case readout
}

/// One generated article: its text and what a feed line says beside it.
struct ComposedArticle {
    let format: ArticleFormat
    let text: String
    let title: String
    let published: CivilDay
    let source: String
    let url: String
    let sentenceCount: Int
}

/// Lays one report out in a format: dateline or front matter, then paragraphs of one to three sentences.
enum ArticleComposer {
    static func compose(_ event: MeetingEvent, format: ArticleFormat, index: Int, rng: inout SplitMix64) -> ComposedArticle {
        let published = event.day.adding(days: rng.chance(0.3) ? 1 : 0)
        var reporter = Reporter(event: event, published: published, official: format == .readout,
                                rng: SplitMix64(seed: rng.next()))
        let target = rng.int(20...40)
        var body = [format == .readout ? reporter.officialLead() : reporter.lead()]
        body += reporter.details()
        body += reporter.quoteSentences(1)
        body += reporter.areaSentences()
        body += reporter.documentSentences()
        body += reporter.earlierSentences()
        body += reporter.organizationSentences()
        body += reporter.plannedSentences()
        let quotes = max(0, min(4, (target - body.count) / 3))
        body += reporter.quoteSentences(quotes)
        body += reporter.backgroundSentences(max(0, target - body.count))
        let source = format == .wire ? rng.pick(Phrasebook.agencies) : rng.pick(Phrasebook.outlets)
        let title = headline(event, format: format, rng: &rng)
        let url = "https://news.example.org/\(Phrasebook.slug(source))/\(published.iso)/\(Phrasebook.slug(title))-\(index)"
        let paragraphs = paragraphs(body, rng: &rng)
        let text = layout(format: format, title: title, published: published, source: source, url: url,
                          city: event.place ?? event.host.capital, paragraphs: paragraphs)
        return ComposedArticle(format: format, text: text, title: title, published: published, source: source,
                               url: url, sentenceCount: body.count)
    }

    /// The article's text in a format: dateline (`city`) or front matter or a title line, then the body.
    static func layout(format: ArticleFormat, title: String, published: CivilDay, source: String, url: String,
                       city: String, paragraphs: String) -> String {
        switch format {
        case .seed:
            return " date \(published.iso) \(city.uppercased()): " + paragraphs + "\n"
        case .wire:
            let agency = source
            let month = agency == "Reuters" ? CivilDay.shortMonths[published.month - 1] : CivilDay.wireMonths[published.month - 1]
            let dash = agency == "Reuters" || agency == "AFP" ? "-" : "--"
            return "\(city.uppercased()), \(month) \(published.day) (\(agency)) \(dash) " + paragraphs + "\n"
        case .frontMatter:
            return "---\ntitle: \(title)\npublished: \(published.iso)\nsource: \(source)\nurl: \(url)\n---\n\n" + paragraphs + "\n"
        case .readout:
            return title + "\n\n" + paragraphs + "\n"
        }
    }

    static func headline(_ event: MeetingEvent, format: ArticleFormat, rng: inout SplitMix64) -> String {
        let host = event.host.name, guest = event.guest.name
        if format == .readout {
            return "\(event.mode == .inPerson ? "Talks" : "Conversation") between \(event.hostPerson.role) \(event.hostPerson.name) and \(event.guestPerson.role) \(event.guestPerson.name)"
        }
        return rng.pick([
            "\(event.hostPerson.shortName), \(event.guestPerson.shortName) agree to deepen \(host)-\(guest) ties",
            "\(ArticleComposer.cap(guest))'s \(event.guestPerson.shortName) and \(host)'s \(event.hostPerson.shortName) hold talks",
            "\(ArticleComposer.cap(host)) and \(guest) pledge closer cooperation",
        ])
    }

    static func cap(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    static func paragraphs(_ sentences: [String], rng: inout SplitMix64) -> String {
        var out = ""
        var i = 0
        while i < sentences.count {
            let size = i == 0 ? 1 : rng.int(1...3)
            if !out.isEmpty { out += "\n\n" }
            out += sentences[i..<min(sentences.count, i + size)].joined(separator: " ")
            i += size
        }
        return out
    }
}
