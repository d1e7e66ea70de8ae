/// Where a fact was read: a character range of the article text, counted in Unicode scalars
/// (the same offsets Python's `str` or SQLite's `substr` on the stored text use).
public struct SourceSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A sentence of an article with its place in the text.
public struct Sentence: Hashable, Sendable, Codable {
    public var index: Int
    public var span: SourceSpan
    public var text: String

    public init(index: Int, span: SourceSpan, text: String) {
        self.index = index
        self.span = span
        self.text = text
    }
}

/// A country or territory of ISO 3166-1 with the names the engine knows it by.
public struct Country: Hashable, Sendable, Codable {
    /// ISO 3166-1 alpha-2, the key used everywhere in bilat.
    public var code: String
    public var alpha3: String
    public var name: String
    public var officialName: String?
    public var aliases: [String]
    public var demonyms: [String]
    public var capitals: [String]

    public init(code: String, alpha3: String, name: String, officialName: String? = nil,
                aliases: [String] = [], demonyms: [String] = [], capitals: [String] = []) {
        self.code = code
        self.alpha3 = alpha3
        self.name = name
        self.officialName = officialName
        self.aliases = aliases
        self.demonyms = demonyms
        self.capitals = capitals
    }
}

/// A title an official holds for a country, as the text gives it ("President", "Foreign Minister").
public struct Role: Hashable, Sendable, Codable {
    public var title: String
    public var country: String?

    public init(title: String, country: String?) {
        self.title = title
        self.country = country
    }
}

/// A named person serving a country.
public struct Official: Hashable, Sendable, Codable {
    /// Canonical full name, without titles.
    public var name: String
    /// ISO alpha-2 of the country served.
    public var country: String?
    /// The role as the article gives it at the time.
    public var role: String?
    public var spans: [SourceSpan]

    public init(name: String, country: String?, role: String?, spans: [SourceSpan] = []) {
        self.name = name
        self.country = country
        self.role = role
        self.spans = spans
    }
}

public enum MeetingMode: String, Hashable, Sendable, Codable, CaseIterable {
    case inPerson = "in_person"
    case phone
    case video
}

public enum MeetingStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case held
    case planned
}

/// An encounter between officials of different countries.
public struct Meeting: Hashable, Sendable, Codable {
    public var date: PartialDate?
    /// ISO alpha-2 codes of the sides, sorted.
    public var countries: [String]
    /// Canonical names of the officials who met, sorted.
    public var participants: [String]
    public var place: String?
    public var mode: MeetingMode
    public var status: MeetingStatus
    /// Cooperation-area keys discussed at the meeting.
    public var areas: [String]
    public var spans: [SourceSpan]

    public init(date: PartialDate?, countries: [String], participants: [String], place: String?,
                mode: MeetingMode, status: MeetingStatus, areas: [String] = [], spans: [SourceSpan] = []) {
        self.date = date
        self.countries = countries.sorted()
        self.participants = participants.sorted()
        self.place = place
        self.mode = mode
        self.status = status
        self.areas = areas
        self.spans = spans
    }
}

/// A cooperation area of the taxonomy (`trade`, `energy`, …) with where the text names it.
public struct CooperationArea: Hashable, Sendable, Codable {
    public var key: String
    public var spans: [SourceSpan]

    public init(key: String, spans: [SourceSpan] = []) {
        self.key = key
        self.spans = spans
    }
}

/// An international organization or forum, by short canonical name.
public struct Organization: Hashable, Sendable, Codable {
    public var name: String
    public var spans: [SourceSpan]

    public init(name: String, spans: [SourceSpan] = []) {
        self.name = name
        self.spans = spans
    }
}

public enum AgreementKind: String, Hashable, Sendable, Codable, CaseIterable {
    case jointStatement = "joint_statement"
    case memorandum
    case agreement
    case treaty
    case declaration
    case actionPlan = "action_plan"
    case communique
}

/// A document the sides signed or issued.
public struct Agreement: Hashable, Sendable, Codable {
    public var kind: AgreementKind
    public var date: PartialDate?
    public var countries: [String]
    public var title: String?
    public var spans: [SourceSpan]

    public init(kind: AgreementKind, date: PartialDate?, countries: [String], title: String? = nil,
                spans: [SourceSpan] = []) {
        self.kind = kind
        self.date = date
        self.countries = countries.sorted()
        self.title = title
        self.spans = spans
    }
}

public enum StatementType: String, Hashable, Sendable, Codable, CaseIterable {
    case proposal, commitment, position, assessment
}

/// Who said what: a speaker, the speech verb and the sentence.
public struct Statement: Hashable, Sendable, Codable {
    public var speaker: String
    public var country: String?
    public var verb: String
    public var text: String
    public var type: StatementType
    public var span: SourceSpan

    public init(speaker: String, country: String?, verb: String, text: String, type: StatementType,
                span: SourceSpan) {
        self.speaker = speaker
        self.country = country
        self.verb = verb
        self.text = text
        self.type = type
        self.span = span
    }
}
