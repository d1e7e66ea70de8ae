/// The annotated-corpus schema (corpus/README.md): what `bilat extract --json` prints and what
/// gold files hold. Arrays are compared as sets.
public struct GoldFacts: Hashable, Sendable, Codable {
    public struct GoldMeeting: Hashable, Sendable, Codable {
        public var date: String?
        public var countries: [String]
        public var participants: [String]
        public var place: String?
        public var mode: String
        public var status: String

        public init(date: String?, countries: [String], participants: [String], place: String?,
                    mode: String, status: String) {
            self.date = date
            self.countries = countries
            self.participants = participants
            self.place = place
            self.mode = mode
            self.status = status
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(countries, forKey: .countries)
            try c.encode(participants, forKey: .participants)
            try c.encode(place, forKey: .place)
            try c.encode(mode, forKey: .mode)
            try c.encode(status, forKey: .status)
        }
    }

    public struct GoldOfficial: Hashable, Sendable, Codable {
        public var name: String
        public var country: String?
        public var role: String?

        public init(name: String, country: String?, role: String?) {
            self.name = name
            self.country = country
            self.role = role
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(country, forKey: .country)
            try c.encode(role, forKey: .role)
        }
    }

    public struct GoldAgreement: Hashable, Sendable, Codable {
        public var kind: String
        public var date: String?
        public var countries: [String]

        public init(kind: String, date: String?, countries: [String]) {
            self.kind = kind
            self.date = date
            self.countries = countries
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(date, forKey: .date)
            try c.encode(countries, forKey: .countries)
        }
    }

    /// A feed article's id; absent for single articles.
    public var id: String?
    public var published: String?
    public var meetings: [GoldMeeting]
    public var officials: [GoldOfficial]
    public var areas: [String]
    public var organizations: [String]
    public var agreements: [GoldAgreement]

    public init(id: String? = nil, published: String?, meetings: [GoldMeeting], officials: [GoldOfficial],
                areas: [String], organizations: [String], agreements: [GoldAgreement]) {
        self.id = id
        self.published = published
        self.meetings = meetings
        self.officials = officials
        self.areas = areas
        self.organizations = organizations
        self.agreements = agreements
    }

    /// The gold view of extracted facts (spans and statements are not part of the gold schema).
    public init(_ facts: ArticleFacts, id: String? = nil) {
        self.id = id
        published = facts.published?.iso
        meetings = facts.meetings.map {
            GoldMeeting(date: $0.date?.iso, countries: $0.countries.sorted(), participants: $0.participants.sorted(),
                        place: $0.place, mode: $0.mode.rawValue, status: $0.status.rawValue)
        }
        officials = facts.officials.map { GoldOfficial(name: $0.name, country: $0.country, role: $0.role) }
        areas = facts.areas.map(\.key).sorted()
        organizations = facts.organizations.map(\.name).sorted()
        agreements = facts.agreements.map {
            GoldAgreement(kind: $0.kind.rawValue, date: $0.date?.iso, countries: $0.countries.sorted())
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, published, meetings, officials, areas, organizations, agreements
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        meetings = try c.decodeIfPresent([GoldMeeting].self, forKey: .meetings) ?? []
        officials = try c.decodeIfPresent([GoldOfficial].self, forKey: .officials) ?? []
        areas = try c.decodeIfPresent([String].self, forKey: .areas) ?? []
        organizations = try c.decodeIfPresent([String].self, forKey: .organizations) ?? []
        agreements = try c.decodeIfPresent([GoldAgreement].self, forKey: .agreements) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(published, forKey: .published)
        try c.encode(meetings, forKey: .meetings)
        try c.encode(officials, forKey: .officials)
        try c.encode(areas, forKey: .areas)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(agreements, forKey: .agreements)
    }
}
