
/// What the articles saved in a write transaction leave to be derived at its end: the meeting
/// buckets to re-cluster and the sentences to add to the full-text index.
///
/// Deferring both to the end of the transaction is what makes a batch cheap: a busy bucket (two
/// countries' meetings of a year) is reloaded and re-clustered once a batch instead of once an
/// article, and FTS5, which flushes its pending terms to a new segment whenever a savepoint opens,
/// writes one segment a batch instead of one an article. The sentences come last because every
/// statement that opens a savepoint after them would flush them.
struct DerivedWrites {
    /// Articles saved whose reports have not joined their groups yet.
    var articles: [Int64] = []
    var buckets = Set<MeetingBucket>()
    /// Report groups that gained reports in the transaction: only these (and groups that change meeting)
    /// have derived rows to write.
    var units = Set<Int64>()
    /// Undated reports stored in the transaction: each becomes a meeting of its own.
    var undated: [Int64] = []
    /// Sentence rowids with the text the index takes: the article text at the sentence's offsets,
    /// which is what the delete triggers tell the index when the article goes.
    var sentences: [(id: Int64, text: String)] = []

    /// Adds what another article left pending.
    mutating func formUnion(_ other: DerivedWrites) {
        articles += other.articles
        buckets.formUnion(other.buckets)
        units.formUnion(other.units)
        undated += other.undated
        sentences += other.sentences
    }

    /// Adds the articles' reports to their groups, re-clusters the buckets, then indexes the sentences;
    /// leaves nothing pending. The groups are counted here, not as each article is saved, so that a
    /// writer sharing the database (PostgreSQL) locks the buckets only now, all at once and in order,
    /// and holds them only for this last step of its transaction.
    mutating func apply(_ db: any WriteConnection) throws {
        let groups = MeetingUnits(db: db)
        if db.backend.locks {
            var touched = Set<MeetingBucket>()
            for key in articles { touched.formUnion(try groups.datedBuckets(ofArticle: key)) }
            for bucket in touched.sorted() { try db.lockBucket(bucket) }
        }
        for key in articles {
            let grouped = try groups.add(articleKey: key)
            buckets.formUnion(grouped.buckets)
            units.formUnion(grouped.units)
            undated += grouped.undated
        }
        let consolidation = MeetingConsolidation(db: db)
        try consolidation.recompute(buckets, touched: units)
        try consolidation.addUndated(undated)
        try db.indexSentences(sentences)
        self = DerivedWrites()
    }
}
