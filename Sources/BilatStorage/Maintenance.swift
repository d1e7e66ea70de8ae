import BilatModel

/// A stored article as `forget` and provenance show it.
public struct ArticleSummary: Sendable, Hashable, Codable {
    public var id: String
    public var externalID: String?
    public var url: String?
    public var source: String?
    public var title: String?
    public var published: PartialDate?

    public init(id: String, externalID: String?, url: String?, source: String?, title: String?,
                published: PartialDate?) {
        self.id = id
        self.externalID = externalID
        self.url = url
        self.source = source
        self.title = title
        self.published = published
    }
}

/// How a user's reference to an article (id, id prefix, url or feed id) resolved.
public enum ArticleMatch: Sendable, Hashable {
    case found(ArticleSummary)
    case none
    /// An id prefix that several articles share; their ids.
    case ambiguous([String])
}

/// One broken rule of the knowledge base, as `bilat db check` reports it.
public struct IntegrityProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule, e.g. `meeting-without-source`.
    public var check: String
    public var detail: String

    public init(check: String, detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String { "\(check): \(detail)" }
}

/// Looking after the stored knowledge: forgetting articles and checking invariants.
public protocol KnowledgeBaseMaintenance: Sendable {
    /// The article named by its id, a unique id prefix of at least 8 hex digits, its url or its feed id.
    func findArticle(_ reference: String) throws -> ArticleMatch
    /// Removes the article and whatever only it supported, re-deriving the meetings it touched, in one transaction.
    func forget(articleID: String) throws
    /// SQLite's integrity and foreign-key checks and the knowledge base's own invariants; empty when clean.
    func integrityProblems() throws -> [IntegrityProblem]
}
