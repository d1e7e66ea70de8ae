import BilatModel
@testable import BilatStorage

// The clustering over reports rather than stored groups: the tests' way in. It groups reports as
// MeetingUnits does when they are stored, clusters the groups, and returns each meeting's reports.

/// One meeting report as the tests give it to the clustering.
struct MentionInput: Hashable, Sendable {
    var id: Int64
    /// The article's content hash.
    var articleID: String
    /// The article's integer key, one for one with `articleID`.
    var articleKey: Int64
    var position: Int
    var date: PartialDate?
    var place: String?
    var status: MeetingStatus
    var participants: Set<Int64>
    /// The meeting the mention belonged to before this clustering, for id reuse.
    var formerMeetingID: Int64?

    /// Content order, independent of when the mention was stored: finer dates first, then date,
    /// held before planned, place, then the article's content hash and the report's position in it.
    static func canonical(_ a: MentionInput, _ b: MentionInput) -> Bool {
        let (pa, pb) = (a.date?.precision ?? .year, b.date?.precision ?? .year)
        if pa != pb { return pa > pb }
        // At one precision, ISO text order is date order (4-digit years, 2-digit months and days);
        // an undated mention sorts before a year (its text was ""). No string is built.
        if a.date != b.date {
            guard let da = a.date else { return true }
            guard let db = b.date else { return false }
            return da < db
        }
        if a.status != b.status { return a.status == .held }
        if a.place != b.place { return (a.place ?? "") < (b.place ?? "") }
        return (a.articleID, a.position) < (b.articleID, b.position)
    }
}

/// The reports of one meeting of the clustering (undated ones one a meeting, last).
struct MentionCluster: Sendable {
    var mentions: [MentionInput]
    var summary: ClusterSummary

    var status: MeetingStatus { summary.status }
    var date: PartialDate? { summary.date }
    var place: String? { summary.place }
    /// Distinct dates at the finest precision: more than one is a recorded date conflict.
    var finestDates: [PartialDate] { PartialDate.distinctAtFinestPrecision(Array(summary.articlesByDate.keys)) }
}

extension MeetingClustering {
    func clusters(_ mentions: [MentionInput], mode: MeetingMode = .inPerson) -> [MentionCluster] {
        var keyOf: [Int64: MeetingUnitKey] = [:]
        for (_, reports) in Dictionary(grouping: mentions, by: \.articleKey) {
            let ordered = reports.sorted { $0.position < $1.position }
            for (mention, key) in zip(ordered, MeetingUnitKey.keys(ordered.map { ($0.date, $0.status, $0.place, $0.participants) })) {
                keyOf[mention.id] = key
            }
        }
        let dated = mentions.filter { keyOf[$0.id] != nil }
        let byKey = Dictionary(grouping: dated) { keyOf[$0.id]! }
        let keys = byKey.keys.sorted(by: MeetingUnitKey.canonical)
        let unitIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int64($0)) })
        var unitsOfArticle: [Int64: Set<Int64>] = [:]
        for mention in dated { unitsOfArticle[mention.articleKey, default: []].insert(unitIndex[keyOf[mention.id]!]!) }
        let units = keys.map { key -> UnitInput in
            let reports = byKey[key]!
            let id = unitIndex[key]!
            var places: [String: Set<Int64>] = [:]
            for report in reports { if let place = report.place { places[place, default: []].insert(report.articleKey) } }
            let links = reports.reduce(into: Set<Int64>()) { $0.formUnion(unitsOfArticle[$1.articleKey]!) }
            return UnitInput(id: id, key: key, articles: Set(reports.map(\.articleKey)).count,
                             held: Set(reports.filter { $0.status == .held }.map(\.articleKey)).count,
                             places: places.mapValues(\.count),
                             participants: reports.reduce(into: []) { $0.formUnion($1.participants) },
                             links: links.subtracting([id]), formerMeetingID: nil)
        }
        let reportsOfUnit = Dictionary(uniqueKeysWithValues: keys.map { (unitIndex[$0]!, byKey[$0]!) })
        let undated = mentions.filter { keyOf[$0.id] == nil }.sorted(by: MentionInput.canonical).map { mention in
            var summary = ClusterSummary()
            if let place = mention.place { summary.articlesByPlace[place] = 1; summary.precisionByPlace[place] = .year }
            summary.settle()
            summary.held = mention.status == .held
            summary.participants = mention.participants
            return MentionCluster(mentions: [mention], summary: summary)
        }
        return clusters(units, mode: mode).map { cluster in
            MentionCluster(mentions: cluster.units.flatMap { reportsOfUnit[$0.id]! }, summary: cluster.summary)
        } + undated
    }
}
