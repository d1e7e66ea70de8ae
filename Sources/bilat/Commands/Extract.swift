import ArgumentParser
import BilatExtraction
import BilatModel
import BilatServices
import Foundation

extension Bilat {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the facts found in articles, without storing anything.",
            discussion: HelpText.reflow("""
                Prints one JSON object per article, one per line, in the gold schema of the annotated
                corpus (published, meetings, officials, areas, organizations, agreements); a feed's
                objects carry its "id".

                Example:
                  bilat extract seeds/articles/china-canada-2026-01-16.txt --json
                """)
        )

        @OptionGroup var display: DisplayOptions
        @OptionGroup var folders: FolderOptions

        @Argument(help: "Article files, feeds (.jsonl/.ndjson) or folders (read as ingest reads them); - for stdin.")
        var files: [String]

        @Flag(help: "Same as --format ndjson.")
        var json = false

        /// One format for now: one JSON object a line (ndjson), the gold schema.
        enum Format: String, CaseIterable, ExpressibleByArgument { case ndjson }

        @Option(help: "ndjson: one JSON object per article, a line (the only format; the default).")
        var format: Format = .ndjson

        @Option(help: "Publication date (YYYY-MM-DD) for articles whose text gives none.",
                transform: { try DateOption.parse($0) })
        var published: BilatModel.PartialDate?

        func run() throws {
            let defaults = ArticleDefaults(published: published)
            try reporting {
                let extractor = Extractor(reference: try loadReference())
                var failed = false
                var missing = false
                // A failure to write stdout (full disk) stops the reading; it is reported below.
                var outputFailure: (any Error)?
                ArticleFiles.visitPaths(files, selection: folders.selection, shouldStop: { outputFailure != nil }) { entry in
                    guard case .input(let path, let kind) = entry else {
                        if case .failure(let message, let absent) = entry {
                            Terminal.error(message)
                            failed = true
                            if absent { missing = true }
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
                if missing { throw Failure.missingInput("some inputs are missing") }
                if failed { throw Failure.badInput("some inputs could not be read") }
            }
        }
    }
}
