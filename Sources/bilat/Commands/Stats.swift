import ArgumentParser
import BilatServices

extension Bilat {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts of articles, meetings, officials and country pairs; the most active pairs.",
            discussion: HelpText.reflow("""
                Examples:
                  bilat stats
                  bilat stats --top 20 --format json
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Option(help: "How many of the most active pairs to list.")
        var top = 10

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        func run() throws {
            try reporting {
                let stats = try database.knowledge().stats(topPairs: top)
                try Terminal.out(KnowledgeRenderer.render(stats, as: format ?? (Terminal.stdoutIsTerminal ? .table : .json)))
            }
        }
    }
}
