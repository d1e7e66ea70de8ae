import BilatModel

/// One stored meeting report as the clustering sees it.
struct MentionInput: Hashable, Sendable {
    var id: Int64
    /// The article's content hash: what the canonical order compares.
    var articleID: String
    /// The article's integer key, one for one with `articleID`: what the sets of articles hold
    /// (hashing a 64-character id was a fifth of the clustering).
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

extension PartialDate {
    /// The distinct dates of the finest precision among `dates`, sorted: more than one is a conflict.
    static func distinctAtFinestPrecision(_ dates: [PartialDate]) -> [PartialDate] {
        guard let finest = dates.map(\.precision).max() else { return [] }
        return Set(dates.filter { $0.precision == finest }).sorted()
    }
}

/// The mentions of one meeting and what they add up to.
struct MentionCluster: Sendable {
    var mentions: [MentionInput]

    var articles: Set<Int64> { Set(mentions.map(\.articleKey)) }
    var participants: Set<Int64> { mentions.reduce(into: []) { $0.formUnion($1.participants) } }
    var places: Set<String> { Set(mentions.compactMap(\.place)) }

    /// Held when any source reports it held (a later report settles an announced meeting).
    var status: MeetingStatus { mentions.contains { $0.status == .held } ? .held : .planned }

    /// The most precise date; when sources differ at that precision, the one most articles give,
    /// then the earliest.
    var date: PartialDate? { MentionCluster.majority(mentions.compactMap(\.date), of: mentions, \.date) }

    /// Distinct dates at the finest precision: more than one is a recorded date conflict.
    var finestDates: [PartialDate] { PartialDate.distinctAtFinestPrecision(mentions.compactMap(\.date)) }

    /// The place most articles give; ties go to the place of the most precise report, then alphabetical.
    var place: String? {
        var articlesByPlace: [String: Set<Int64>] = [:]
        var precisionByPlace: [String: DatePrecision] = [:]
        for mention in mentions {
            guard let place = mention.place else { continue }
            articlesByPlace[place, default: []].insert(mention.articleKey)
            let precision = mention.date?.precision ?? .year
            precisionByPlace[place] = max(precisionByPlace[place] ?? .year, precision)
        }
        return articlesByPlace.keys.min { a, b in
            let (ca, cb) = (articlesByPlace[a]!.count, articlesByPlace[b]!.count)
            if ca != cb { return ca > cb }
            if precisionByPlace[a]! != precisionByPlace[b]! { return precisionByPlace[a]! > precisionByPlace[b]! }
            return a < b
        }
    }

    private static func majority(_ dates: [PartialDate], of mentions: [MentionInput],
                                 _ key: KeyPath<MentionInput, PartialDate?>) -> PartialDate? {
        guard let finest = dates.map(\.precision).max() else { return nil }
        var articlesByDate: [PartialDate: Set<Int64>] = [:]
        for mention in mentions {
            if let date = mention[keyPath: key], date.precision == finest {
                articlesByDate[date, default: []].insert(mention.articleKey)
            }
        }
        return articlesByDate.keys.min { a, b in
            let (ca, cb) = (articlesByDate[a]!.count, articlesByDate[b]!.count)
            return ca != cb ? ca > cb : a < b
        }
    }
}

/// Groups the mentions of one bucket (same countries, mode and year) into meetings, deterministically:
/// the result depends only on the mentions' content, never on the order they were stored in.
///
/// 1. Undated mentions are one meeting each: nothing tells two undated meetings apart.
/// 2. Day-precision mentions with the same day are one meeting, whatever their place or status
///    (held wins over planned: the later report settles it).
/// 3. Two day meetings one day apart are one meeting with a recorded date conflict when they share
///    the status and a named place, no article reports both, and their participants overlap (or one
///    side names none); otherwise different days are different meetings.
/// 4. Month, then year, mentions (in canonical order) join a compatible meeting: date inside it,
///    same status, place equal or unnamed on one side, no article already in it. Among several,
///    the one with the same place wins, then the most shared participants, then the finer date,
///    then the earliest. With none, the mention starts a meeting of its own; so two reports of one
///    month naming different places stay two meetings.
struct MeetingClustering: Sendable {
    func clusters(_ mentions: [MentionInput]) -> [MentionCluster] {
        let sorted = mentions.sorted(by: MentionInput.canonical)
        var result = sorted.filter { $0.date == nil }.map { MentionCluster(mentions: [$0]) }
        var dated = dayClusters(sorted.filter { $0.date?.precision == .day })
        // What bestHome compares, kept per cluster and recomputed only for the cluster that grows:
        // deriving it for every cluster at every mention made a busy bucket quadratic in its size.
        var summaries = dated.map(ClusterSummary.init)
        for precision in [DatePrecision.month, .year] {
            for mention in sorted where mention.date?.precision == precision {
                if let index = bestHome(for: mention, summaries: summaries) {
                    dated[index].mentions.append(mention)
                    summaries[index] = ClusterSummary(dated[index])
                } else {
                    dated.append(MentionCluster(mentions: [mention]))
                    summaries.append(ClusterSummary(dated[dated.count - 1]))
                }
            }
        }
        result += dated
        // Sort on keys computed once a cluster.
        let keyed = result.map { cluster in
            (cluster: cluster, key: OrderKey(date: cluster.date, first: cluster.mentions.min(by: MentionInput.canonical)!))
        }
        return keyed.sorted { OrderKey.precedes($0.key, $1.key) }.map(\.cluster)
    }

    /// What the output order compares: a cluster's date and its first mention in content order.
    struct OrderKey {
        var date: PartialDate?
        var first: MentionInput

        /// By date (undated last), then the first mention's content order.
        static func precedes(_ a: OrderKey, _ b: OrderKey) -> Bool {
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return MentionInput.canonical(a.first, b.first)
            }
        }
    }

    /// The derived attributes of a cluster that choosing a home for a mention reads.
    struct ClusterSummary {
        var date: PartialDate?
        var status: MeetingStatus
        var articles: Set<Int64>
        var places: Set<String>
        var place: String?
        var participants: Set<Int64>
        /// The cluster's first mention in content order (the output order's tie-break).
        var first: MentionInput

        init(_ cluster: MentionCluster) {
            first = cluster.mentions.min(by: MentionInput.canonical)!
            date = cluster.date
            status = cluster.status
            articles = cluster.articles
            places = cluster.places
            place = cluster.place
            participants = cluster.participants
        }
    }

    private func dayClusters(_ mentions: [MentionInput]) -> [MentionCluster] {
        let byDay = Dictionary(grouping: mentions) { $0.date! }
        var merged: [MentionCluster] = []
        var lastDay: PartialDate?
        for day in byDay.keys.sorted() {
            let next = MentionCluster(mentions: byDay[day]!)
            if let previous = merged.last, let lastDay, lastDay.adding(days: 1) == day,
               isDateConflict(previous, next) {
                merged[merged.count - 1].mentions += next.mentions
            } else {
                merged.append(next)
            }
            lastDay = day
        }
        return merged
    }

    private func isDateConflict(_ a: MentionCluster, _ b: MentionCluster) -> Bool {
        guard a.status == b.status, let place = a.place, place == b.place,
              a.articles.isDisjoint(with: b.articles) else { return false }
        let (pa, pb) = (a.participants, b.participants)
        return pa.isEmpty || pb.isEmpty || !pa.isDisjoint(with: pb)
    }

    private func bestHome(for mention: MentionInput, summaries: [ClusterSummary]) -> Int? {
        guard let date = mention.date else { return nil }
        let candidates = summaries.indices.filter { i in
            let cluster = summaries[i]
            guard let clusterDate = cluster.date, clusterDate.isCompatible(with: date),
                  cluster.status == mention.status, !cluster.articles.contains(mention.articleKey) else { return false }
            guard let place = mention.place else { return true }
            let places = cluster.places
            return places.isEmpty || places.contains(place)
        }
        return candidates.min { i, j in
            let (a, b) = (summaries[i], summaries[j])
            let (sameA, sameB) = (a.place != nil && a.place == mention.place, b.place != nil && b.place == mention.place)
            if sameA != sameB { return sameA }
            let (sharedA, sharedB) = (a.participants.intersection(mention.participants).count,
                                      b.participants.intersection(mention.participants).count)
            if sharedA != sharedB { return sharedA > sharedB }
            let (da, db) = (a.date!, b.date!)
            if da.precision != db.precision { return da.precision > db.precision }
            // The output order, on the summaries: recomputing each cluster's majority date and first
            // mention at every comparison was 40 % of a save into a 100,000-article database.
            return OrderKey.precedes(OrderKey(date: da, first: a.first), OrderKey(date: db, first: b.first))
        }
    }
}
