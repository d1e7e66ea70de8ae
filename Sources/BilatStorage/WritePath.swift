import BilatModel
import Foundation

/// The write path's entry points, the same for every backend (``WriteConnection``): a batch of
/// articles saved in the caller's transaction, and an article forgotten.
public enum WritePath {
    /// Saves the articles in order, each in a savepoint of the caller's transaction (`savepoint` runs
    /// its body in one, rolled back when the body throws): an article the store refuses is a failure
    /// of its own and the rest are saved; an error `isFatal` calls fatal (the database as a whole: full,
    /// gone, or a conflict with another writer) ends the batch. The meetings are derived once, at the
    /// end, for every bucket the batch touched.
    public static func save(_ batch: [(article: Article, facts: ArticleFacts)], ingestedAt: String,
                            on connection: any WriteConnection,
                            savepoint: (() throws -> Void) throws -> Void,
                            isFatal: (any Error) -> Bool) throws -> [Result<SaveOutcome, any Error>] {
        var results: [Result<SaveOutcome, any Error>] = []
        results.reserveCapacity(batch.count)
        var derived = DerivedWrites()
        // The urls and feed ids saved in this batch: an article replacing one of them deletes sentences
        // that are not indexed yet, so what is pending is derived first.
        var versioned = Set<String>()
        for item in batch {
            let names = [item.article.url.map { "url:" + $0 }, item.article.externalID.map { "id:" + $0 }]
                .compactMap { $0 }
            if names.contains(where: versioned.contains) { try derived.apply(connection) }
            var own = DerivedWrites()
            var outcome = SaveOutcome.unchanged
            do {
                try savepoint {
                    outcome = try ArticleWriter(db: connection).save(item.article, facts: item.facts,
                                                                     ingestedAt: ingestedAt, derived: &own)
                }
                derived.formUnion(own)
                versioned.formUnion(names)
                results.append(.success(outcome))
            } catch let error where isFatal(error) {
                throw error
            } catch {
                results.append(.failure(error))
            }
        }
        try derived.apply(connection)
        return results
    }

    /// Removes the article and whatever only it supported, and derives again the meetings it was in.
    public static func forget(articleID: String, on connection: any WriteConnection) throws {
        let buckets = try ArticleRemoval(db: connection).remove(articleID: articleID)
        try MeetingConsolidation(db: connection).recompute(buckets)
    }

    /// The ids of the articles whose text is stored and that bring no date or source the stored one lacks:
    /// saving them would change nothing, so an ingest need not extract them.
    public static func storedUnchanged(_ articles: [Article], on connection: any WriteConnection) throws -> Set<String> {
        var ids = Set<String>()
        for article in articles where try ArticleWriter.isUnchanged(connection, article) { ids.insert(article.id) }
        return ids
    }

    /// True when an article with this content hash is stored.
    public static func isStored(id: String, on connection: any WriteConnection) throws -> Bool {
        try ArticleWriter.exists(connection, id: id)
    }

    /// The locks of creating the articles' agreements (``CreationLock``), sorted: a writer that shares
    /// the database takes them all, in this order, the first time it must create an agreement, so that
    /// two writers of the same events never wait on each other's in a cycle.
    public static func agreementLocks(of batch: [(article: Article, facts: ArticleFacts)]) -> [CreationLock] {
        Set(batch.flatMap { $0.facts.agreements.map { CreationLock.agreement(AgreementRecord($0)) } }).sorted()
    }

    /// The sentences of the articles: the ids a batch takes at most.
    public static func sentenceCount(of batch: [(article: Article, facts: ArticleFacts)]) -> Int {
        batch.reduce(0) { $0 + $1.facts.sentences.count }
    }
}
