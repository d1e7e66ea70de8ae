import ArgumentParser
import BilatServices
import BilatStorage

/// Reporting for knowledge-base commands: an unknown person or area is a usage error (64).
func reportingKnowledge(_ body: () throws -> Void) throws {
    try reporting {
        do {
            try body()
        } catch let unknown as UnknownNameError {
            Terminal.error(unknown.description)
            throw ExitCode(64)
        }
    }
}

extension DatabaseOptions {
    /// One store for both services (it was opened twice).
    func knowledge() throws -> KnowledgeService {
        let store = try queryStore()
        return KnowledgeService(queries: store, relations: try relations(on: store))
    }
}

extension Bilat {
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an article and every fact only it supported.",
            discussion: """
                ARTICLE is the article's id (the SHA-256 of its text), a unique prefix of it of at least
                8 hex digits, its url or its feed id. Meetings the article alone reported disappear;
                meetings other articles also report stay, re-derived from their remaining reports.

                Examples:
                  bilat forget 3f2a9c1e
                  bilat forget https://news.example/world/asia/modi-xi-kazan-talks
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "Article id, id prefix (8+ hex digits), url or feed id.")
        var articles: [String]

        func validate() throws {
            guard !articles.isEmpty else { throw ValidationError("name the article to forget, e.g. `bilat forget 3f2a9c1e`") }
        }

        func run() throws {
            try reporting {
                let store = try database.writableStore()
                for reference in articles {
                    switch try store.findArticle(reference) {
                    case .none:
                        throw Failure.badInput("no article '\(reference)': give its id, an id prefix of 8+ hex digits, "
                                               + "its url or its feed id")
                    case .ambiguous(let ids):
                        throw Failure.badInput("'\(reference)' matches several articles ("
                                               + ids.map { String($0.prefix(16)) }.joined(separator: ", ")
                                               + "); give more of the id")
                    case .found(let article):
                        do {
                            try store.forget(articleID: article.id)
                        } catch let error where StorageError.databaseProblem(error) == .corrupt {
                            store.distrust()
                            throw error
                        }
                        Terminal.note("forgot article \(article.id.prefix(16))" + (article.title.map { " \"\($0)\"" } ?? "")
                                      + (article.url.map { " \($0)" } ?? ""))
                    }
                }
            }
        }
    }
}
