/// One news article or readout as it enters bilat.
public struct Article: Hashable, Sendable, Codable {
    /// Hex SHA-256 of the text: the same text is the same article.
    public var id: String
    /// The feed's id for the article, when it came from a feed.
    public var externalID: String?
    public var url: String?
    public var source: String?
    public var title: String?
    public var published: PartialDate?
    /// The full text as read, metadata lines included; spans count into it.
    public var text: String
    /// Where the body starts in `text` (after front matter), in Unicode scalars.
    public var bodyStart: Int
    /// The dateline city, when the text opens with one ("BEIJING, March 19 (Xinhua) --").
    public var datelineCity: String?
    /// Month and day a wire dateline gives without a year ("BRASILIA, Nov. 20 (Xinhua)").
    public var datelineMonth: Int?
    public var datelineDay: Int?

    public init(id: String, externalID: String? = nil, url: String? = nil, source: String? = nil,
                title: String? = nil, published: PartialDate? = nil, text: String, bodyStart: Int = 0,
                datelineCity: String? = nil, datelineMonth: Int? = nil, datelineDay: Int? = nil) {
        self.id = id
        self.externalID = externalID
        self.url = url
        self.source = source
        self.title = title
        self.published = published
        self.text = text
        self.bodyStart = bodyStart
        self.datelineCity = datelineCity
        self.datelineMonth = datelineMonth
        self.datelineDay = datelineDay
    }
}

/// Everything the extractor takes out of one article.
public struct ArticleFacts: Hashable, Sendable, Codable {
    public var published: PartialDate?
    public var sentences: [Sentence]
    public var meetings: [Meeting]
    public var officials: [Official]
    public var areas: [CooperationArea]
    public var organizations: [Organization]
    public var agreements: [Agreement]
    public var statements: [Statement]
    /// Countries the article mentions, by alpha-2, with where.
    public var countries: [String]

    public init(published: PartialDate? = nil, sentences: [Sentence] = [], meetings: [Meeting] = [],
                officials: [Official] = [], areas: [CooperationArea] = [], organizations: [Organization] = [],
                agreements: [Agreement] = [], statements: [Statement] = [], countries: [String] = []) {
        self.published = published
        self.sentences = sentences
        self.meetings = meetings
        self.officials = officials
        self.areas = areas
        self.organizations = organizations
        self.agreements = agreements
        self.statements = statements
        self.countries = countries
    }

    /// How many facts, for summaries.
    public var factCount: Int {
        meetings.count + officials.count + areas.count + organizations.count + agreements.count + statements.count
    }
}
