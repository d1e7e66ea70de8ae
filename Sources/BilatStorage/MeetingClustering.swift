import BilatModel

extension PartialDate {
    /// The distinct dates of the finest precision among `dates`, sorted: more than one is a conflict.
    static func distinctAtFinestPrecision(_ dates: [PartialDate]) -> [PartialDate] {
        guard let finest = dates.map(\.precision).max() else { return [] }
        return Set(dates.filter { $0.precision == finest }).sorted()
    }
}

/// The report group a dated mention belongs to, within its bucket (countries, mode, year).
///
/// Every report of one day is one group (a day's reports are one meeting, whatever their place or
/// status). Month and year reports group by date, status and place; the second report of one article
/// with the same key is a group of its own (`rank` 1), and so on, so that an article that reports two
/// meetings of one month keeps them apart. The clustering places groups, not reports: its work is
/// bounded by the number of groups in a bucket — about its number of meetings —, not by the number of
/// reports, and a thousand copies of one report add nothing to it but counts.
struct MeetingUnitKey: Hashable, Sendable {
    var date: PartialDate
    /// nil for a day group.
    var status: MeetingStatus?
    /// nil for a day group and for a report that names no place.
    var place: String?
    /// The officials the reports name, sorted (empty for a day group): reports naming other people may
    /// belong to other meetings, so they are placed apart.
    var participants: [Int64] = []
    var rank: Int

    /// Keys of one article's reports of one bucket, in position order (nil for an undated report).
    static func keys(_ reports: [(date: PartialDate?, status: MeetingStatus, place: String?, participants: Set<Int64>)])
        -> [MeetingUnitKey?] {
        var seen: [MeetingUnitKey: Int] = [:]
        return reports.map { report in
            guard let date = report.date else { return nil }
            if date.precision == .day { return MeetingUnitKey(date: date, status: nil, place: nil, rank: 0) }
            var key = MeetingUnitKey(date: date, status: report.status, place: report.place,
                                     participants: report.participants.sorted(), rank: 0)
            let rank = seen[key, default: 0]
            seen[key] = rank + 1
            key.rank = rank
            return key
        }
    }

    /// The participants as stored: ids joined by commas.
    var participantsText: String { participants.map(String.init).joined(separator: ",") }

    /// Content order: finer dates first, then date, held before planned, place, rank.
    static func canonical(_ a: MeetingUnitKey, _ b: MeetingUnitKey) -> Bool {
        if a.date.precision != b.date.precision { return a.date.precision > b.date.precision }
        if a.date != b.date { return a.date < b.date }
        if a.status != b.status { return a.status == .held }
        if a.place != b.place { return (a.place ?? "") < (b.place ?? "") }
        if a.participants != b.participants { return a.participants.lexicographicallyPrecedes(b.participants) }
        return a.rank < b.rank
    }
}

/// A report group with what its reports add up to (counts of distinct articles).
struct UnitInput: Sendable {
    var id: Int64
    var key: MeetingUnitKey
    var articles: Int
    /// Articles of the group that report the meeting held.
    var held: Int
    /// Articles naming each place.
    var places: [String: Int]
    var participants: Set<Int64>
    /// Groups of the same bucket that share an article with this one.
    var links: Set<Int64>
    var formerMeetingID: Int64?
}

/// What a meeting's groups add up to, updated as groups join. Groups of one meeting never share an
/// article (a day joins the day before only when no article reports both; a month or year group joins
/// only a meeting none of its articles is in), so counts of articles add up exactly.
struct ClusterSummary: Sendable {
    var unitIDs: Set<Int64> = []
    var linked: Set<Int64> = []
    var held = false
    var articlesByDate: [PartialDate: Int] = [:]
    var articlesByPlace: [String: Int] = [:]
    var precisionByPlace: [String: DatePrecision] = [:]
    var participants: Set<Int64> = []
    var first: MeetingUnitKey?
    /// `date` and `place`, kept as groups join: choosing a home asks them of every candidate.
    private(set) var date: PartialDate?
    private(set) var place: String?

    init() {}

    init(_ unit: UnitInput) { add(unit) }

    mutating func add(_ unit: UnitInput) {
        unitIDs.insert(unit.id)
        linked.formUnion(unit.links)
        if unit.held > 0 { held = true }
        articlesByDate[unit.key.date, default: 0] += unit.articles
        for (place, count) in unit.places {
            articlesByPlace[place, default: 0] += count
            precisionByPlace[place] = max(precisionByPlace[place] ?? .year, unit.key.date.precision)
        }
        participants.formUnion(unit.participants)
        if first.map({ MeetingUnitKey.canonical(unit.key, $0) }) ?? true { first = unit.key }
        settle()
    }

    mutating func add(_ other: ClusterSummary) {
        unitIDs.formUnion(other.unitIDs)
        linked.formUnion(other.linked)
        held = held || other.held
        articlesByDate.merge(other.articlesByDate, uniquingKeysWith: +)
        articlesByPlace.merge(other.articlesByPlace, uniquingKeysWith: +)
        precisionByPlace.merge(other.precisionByPlace, uniquingKeysWith: max)
        participants.formUnion(other.participants)
        if let theirs = other.first, first.map({ MeetingUnitKey.canonical(theirs, $0) }) ?? true { first = theirs }
        settle()
    }

    /// Derives `date` and `place` from the counts.
    mutating func settle() {
        date = majorityDate
        place = majorityPlace
    }

    /// Held when any source reports it held (a later report settles an announced meeting).
    var status: MeetingStatus { held ? .held : .planned }

    /// The most precise date; when sources differ at that precision, the one most articles give,
    /// then the earliest.
    private var majorityDate: PartialDate? {
        guard let finest = articlesByDate.keys.map(\.precision).max() else { return nil }
        return articlesByDate.filter { $0.key.precision == finest }.min { a, b in
            a.value != b.value ? a.value > b.value : a.key < b.key
        }?.key
    }


    /// The place most articles give; ties go to the place of the most precise report, then alphabetical.
    private var majorityPlace: String? {
        articlesByPlace.min { a, b in
            if a.value != b.value { return a.value > b.value }
            let (pa, pb) = (precisionByPlace[a.key]!, precisionByPlace[b.key]!)
            if pa != pb { return pa > pb }
            return a.key < b.key
        }?.key
    }

    /// No article reports both.
    func isDisjoint(with unit: UnitInput) -> Bool { unit.links.isDisjoint(with: unitIDs) }
    func isDisjoint(with other: ClusterSummary) -> Bool { linked.isDisjoint(with: other.unitIDs) }
}

/// The groups of one meeting.
struct UnitCluster: Sendable {
    var units: [UnitInput]
    var summary: ClusterSummary
}

/// Groups the report groups of one dated bucket (same countries, mode and year) into meetings,
/// deterministically: the result depends only on the groups' content, never on the order they were
/// stored in.
///
/// 1. The reports of one day are one group, hence one meeting.
/// 2. Two day meetings one day apart are one meeting with a recorded date conflict when they share
///    the status and no article reports both, and: met in person, they name the same place and their
///    participants overlap (or one side names none); by phone or video, one side's participants are all
///    among the other's, whatever the place (where a call was held is where each side sat, and its day
///    is the day of the side that reports it: Monday evening in Washington is Tuesday morning in
///    Beijing). Otherwise different days are different meetings.
/// 3. Month, then year, groups (in content order) join a compatible meeting: date inside it, same
///    status, place equal or unnamed on one side, no article already in it. Among several, the one
///    with the same place wins, then the most shared participants, then the finer date, then the
///    earliest. With none, the group starts a meeting of its own; so two reports of one month naming
///    different places stay two meetings.
///
/// Undated reports are one meeting each (nothing tells two undated meetings apart): they never
/// reach the clustering.
struct MeetingClustering: Sendable {
    /// Month groups look for a home among the meetings of their month only (false: among all, as the
    /// test that compares both does).
    var monthIndex = true

    func clusters(_ units: [UnitInput], mode: MeetingMode) -> [UnitCluster] {
        let sorted = units.sorted { MeetingUnitKey.canonical($0.key, $1.key) }
        var clusters: [UnitCluster] = []
        // Days in date order; a day group merges into the meeting of the day before when rule 2 holds.
        var lastDay: PartialDate?
        for unit in sorted where unit.key.date.precision == .day {
            let next = ClusterSummary(unit)
            if let lastDay, lastDay.adding(days: 1) == unit.key.date, let previous = clusters.last,
               isDateConflict(previous.summary, next, mode: mode) {
                clusters[clusters.count - 1].units.append(unit)
                clusters[clusters.count - 1].summary.add(next)
            } else {
                clusters.append(UnitCluster(units: [unit], summary: next))
            }
            lastDay = unit.key.date
        }
        // The meetings a month group may join have a date in its month: found through the months their
        // groups' dates fall in (a superset; the date is checked), not by asking every meeting of the year.
        var byMonth: [Int: [Int]] = [:]
        func monthKey(_ date: PartialDate) -> Int? { date.month.map { date.year * 12 + $0 } }
        for (i, cluster) in clusters.enumerated() {
            for key in Set(cluster.summary.articlesByDate.keys.compactMap(monthKey)) { byMonth[key, default: []].append(i) }
        }
        for precision in [DatePrecision.month, .year] {
            for unit in sorted where unit.key.date.precision == precision {
                let month = monthKey(unit.key.date)
                let candidates = monthIndex ? month.map { byMonth[$0, default: []].sorted() } ?? Array(clusters.indices)
                    : Array(clusters.indices)
                if let index = bestHome(for: unit, in: clusters, among: candidates) {
                    clusters[index].units.append(unit)
                    clusters[index].summary.add(unit)
                    if let month, byMonth[month]?.contains(index) != true { byMonth[month, default: []].append(index) }
                } else {
                    clusters.append(UnitCluster(units: [unit], summary: ClusterSummary(unit)))
                    if let month { byMonth[month, default: []].append(clusters.count - 1) }
                }
            }
        }
        let keyed = clusters.map { (cluster: $0, key: OrderKey(date: $0.summary.date, first: $0.summary.first!)) }
        return keyed.sorted { OrderKey.precedes($0.key, $1.key) }.map(\.cluster)
    }

    /// What the output order compares: a meeting's date and its first group in content order.
    struct OrderKey {
        var date: PartialDate?
        var first: MeetingUnitKey

        static func precedes(_ a: OrderKey, _ b: OrderKey) -> Bool {
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return MeetingUnitKey.canonical(a.first, b.first)
            }
        }
    }

    private func isDateConflict(_ a: ClusterSummary, _ b: ClusterSummary, mode: MeetingMode) -> Bool {
        guard a.status == b.status, a.isDisjoint(with: b) else { return false }
        if mode != .inPerson {
            // The same call: one side's people are all among the other's (a call of the same leader with
            // another of the other country's, the day after, is another call).
            return a.participants.isSubset(of: b.participants) || b.participants.isSubset(of: a.participants)
        }
        guard let place = a.place, place == b.place else { return false }
        let (pa, pb) = (a.participants, b.participants)
        return pa.isEmpty || pb.isEmpty || !pa.isDisjoint(with: pb)
    }

    private func bestHome(for unit: UnitInput, in clusters: [UnitCluster], among indices: [Int]) -> Int? {
        let date = unit.key.date
        let status: MeetingStatus = unit.held > 0 ? .held : .planned
        let candidates = indices.filter { i in
            guard let clusterDate = clusters[i].summary.date, clusterDate.isCompatible(with: date),
                  clusters[i].summary.status == status, clusters[i].summary.isDisjoint(with: unit) else { return false }
            guard let place = unit.key.place else { return true }
            return clusters[i].summary.articlesByPlace.isEmpty || clusters[i].summary.articlesByPlace[place] != nil
        }
        guard candidates.count > 1 else { return candidates.first }
        return candidates.min { i, j in
            let (a, b) = (clusters[i].summary, clusters[j].summary)
            let (sameA, sameB) = (a.place != nil && a.place == unit.key.place, b.place != nil && b.place == unit.key.place)
            if sameA != sameB { return sameA }
            let (sharedA, sharedB) = (a.participants.intersection(unit.participants).count,
                                      b.participants.intersection(unit.participants).count)
            if sharedA != sharedB { return sharedA > sharedB }
            let (da, db) = (a.date!, b.date!)
            if da.precision != db.precision { return da.precision > db.precision }
            return OrderKey.precedes(OrderKey(date: da, first: a.first!), OrderKey(date: db, first: b.first!))
        }
    }
}
