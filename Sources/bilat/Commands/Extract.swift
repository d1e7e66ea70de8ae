import ArgumentParser
import BilatExtraction
import BilatModel
import BilatServices
import Foundation

extension Bilat {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the facts found in articles, without storing anything.",
            discussion: """
                Prints one JSON object per article, one per line, in the gold schema of the annotated
                corpus (published, meetings, officials, areas, organizations, agreements); a feed's
                objects carry its "id".

                Example:
                  bilat extract seeds/articles/china-canada-2026-01-16.txt --json
                """
        )

        @OptionGroup var display: DisplayOptions

        @Argument(help: "Article files, feeds (.jsonl/.ndjson) or folders (read as ingest reads them); - for stdin.")
        var files: [String]

        @Flag(help: "JSON Lines output (the only format so far; accepted for clarity).")
        var json = false

        @Option(help: "Publication date (YYYY-MM-DD) for articles whose text gives none.")
        var published: String?

        func run() throws {
            let defaults = ArticleDefaults(published: try parseDateOption(published, name: "--published"))
            try reporting {
                let extractor = Extractor(reference: try loadReference())
                var failed = false
                // A failure to write stdout (full disk) stops the reading; it is reported below.
                var outputFailure: (any Error)?
                ArticleFiles.visitPaths(files, shouldStop: { outputFailure != nil }) { entry in
                    guard case .input(let path, let kind) = entry else {
                        if case .failure(let message, _) = entry {
                            Terminal.error(message)
                            failed = true
                        } else if case .passedOver(let path, let reason) = entry {
                            Terminal.note("\(path): skipped: \(reason)")
                        }
                        return
                    }
                    ArticleFiles.visit(path: path, kind: kind, defaults: defaults, shouldStop: { outputFailure != nil }) { input in
                        switch input {
                        case .article(let article, _):
                            let gold = GoldFacts(extractor.extract(article), id: article.externalID)
                            do { try Terminal.out(gold.jsonLine + "\n") } catch { outputFailure = error }
                        case .failure(let message):
                            Terminal.error(message)
                            failed = true
                        }
                    }
                }
                if let outputFailure { throw outputFailure }
                if failed { throw Failure.badInput("some inputs could not be read") }
            }
        }
    }
}
