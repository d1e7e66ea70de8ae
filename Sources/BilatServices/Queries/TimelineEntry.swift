import BilatModel
import BilatStorage

/// One dated event of a pair's history: a meeting, an agreement or a statement.
public struct TimelineEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case meeting, agreement, statement
    }

    public var kind: Kind
    public var id: Int64
    public var date: PartialDate?
    /// One line saying what happened.
    public var headline: String
    public var countries: [String]
    public var place: String?
    public var sourceCount: Int
    public var sourceURLs: [String]

    public init(kind: Kind, id: Int64, date: PartialDate?, headline: String, countries: [String], place: String?,
                sourceCount: Int, sourceURLs: [String]) {
        self.kind = kind
        self.id = id
        self.date = date
        self.headline = headline
        self.countries = countries
        self.place = place
        self.sourceCount = sourceCount
        self.sourceURLs = sourceURLs
    }

    /// Date order, undated last; within a day meetings, then agreements, then statements.
    static func chronological(_ a: TimelineEntry, _ b: TimelineEntry) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            let order: [Kind] = [.meeting, .agreement, .statement]
            let (i, j) = (order.firstIndex(of: a.kind)!, order.firstIndex(of: b.kind)!)
            return i != j ? i < j : a.id < b.id
        }
    }
}
