import ArgumentParser
import BilatExtraction
import BilatServices
import Foundation

extension Bilat {
    struct EvalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the extractor against annotated articles.",
            discussion: HelpText.reflow("""
                Runs the extractor on every article of the directories that has a gold file (NNN.txt beside
                NNN.gold.json; a feed-X.jsonl beside feed-X.gold.json, keyed by id) and scores it as the
                corpus README says: meetings match on countries, date at the gold's precision, mode and
                status, with date, place and participants scored on matched meetings; officials on name and
                country; areas, organizations and agreements as sets. Prints precision, recall and F1 per
                category, the articles with the most misses, and last `overall F1 X.XXX`, the mean of the
                five category F1s (meetings, officials, areas, organizations, agreements).

                Example:
                  bilat eval Tests/Fixtures/corpus/dev Tests/Fixtures/corpus/multi
                """)
        )

        @Argument(help: "Corpus directories holding articles and their gold files.")
        var directories: [String]

        @OptionGroup var output: DetailFormatOptions

        @Flag(name: .long, help: "List each article's differences from its gold under the worst articles.")
        var details = false

        @Option(help: "How many of the worst articles to list.")
        var worst = 5

        func run() throws {
            try reporting {
                let cases: [EvaluationCase]
                do {
                    cases = try EvaluationCorpus.load(directories: directories.map { URL(fileURLWithPath: $0) })
                } catch let error as EvaluationError {
                    throw Failure.missingInput(error.description)
                }
                // Nothing to score is no perfect score.
                guard !cases.isEmpty else {
                    throw Failure.missingInput("no annotated article in \(directories.joined(separator: ", ")): an article "
                                               + "needs its gold beside it (NNN.txt and NNN.gold.json, or feed-X.jsonl and feed-X.gold.json)")
                }
                let report = Evaluator.run(cases, extractor: Extractor(reference: try loadReference()))
                if output.isJSON {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                    let data = try encoder.encode(report)
                    try Terminal.out(String(decoding: data, as: UTF8.self) + "\n")
                } else {
                    try Terminal.out(report.renderText(worstCount: worst, showDifferences: details) + "\n")
                }
            }
        }
    }
}
