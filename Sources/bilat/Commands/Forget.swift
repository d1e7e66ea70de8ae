import ArgumentParser
import BilatServices
import BilatStorage

extension Bilat {
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an article and every fact only it supported.",
            discussion: HelpText.reflow("""
                ARTICLE is the article's id (the SHA-256 of its text), a unique prefix of it of at least
                8 hex digits, its url or its feed id. Meetings the article alone reported disappear;
                meetings other articles also report stay, re-derived from their remaining reports.
                Each article is forgotten in a transaction of its own.

                Forgetting is idempotent: an ARTICLE that names no stored article (forgotten before, or
                never ingested) is reported as "not stored" and is no error, and the others are still
                forgotten. Exit 0 when every ARTICLE is absent afterwards; 65 when an id prefix is
                shared by several articles (give more of the id; the other ARTICLEs are forgotten);
                64 for an empty ARTICLE (then nothing is forgotten).

                Examples:
                  bilat forget 3f2a9c1e
                  bilat forget https://news.example/world/asia/modi-xi-kazan-talks
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "Article id, id prefix (8+ hex digits), url or feed id.")
        var articles: [String]

        func validate() throws {
            guard !articles.isEmpty else { throw ValidationError("name the article to forget, e.g. `bilat forget 3f2a9c1e`") }
            if let blank = articles.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("ARTICLE \(blank + 1) is empty: give an article's id, an id prefix of 8+ hex digits, "
                                      + "its url or its feed id")
            }
        }

        func run() throws {
            try reporting {
                // Nothing to forget where there is no knowledge base; none is made for it.
                if try database.postgresURL() == nil { try database.requireExistingFile() }
                let store = try database.writableKnowledgeStore()
                var ambiguous = 0
                for reference in articles {
                    switch try store.findArticle(reference) {
                    case .none:
                        let trimmed = reference.trimmingCharacters(in: .whitespaces)
                        let shortPrefix = trimmed.count < 8 && trimmed.allSatisfy(\.isHexDigit)
                        Terminal.note("not stored: no article has the id, url or feed id '\(reference)'"
                                      + (shortPrefix ? " (an id prefix needs 8 or more hex digits)" : "")
                                      + "; nothing to forget")
                    case .ambiguous(let ids):
                        ambiguous += 1
                        Terminal.error("'\(reference)' matches several articles ("
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
                if ambiguous > 0 { throw ExitCode(65) }
            }
        }
    }
}
