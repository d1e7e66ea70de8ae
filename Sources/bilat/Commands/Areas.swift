import ArgumentParser
import BilatServices

extension Bilat {
    struct Areas: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The cooperation areas of a pair of countries, with counts by year and first and last mention.",
            discussion: HelpText.reflow("""
                Counts the articles naming both countries that name each cooperation area (trade,
                energy, ...), by publication year; most articles first.

                Examples:
                  bilat areas China India
                  bilat areas Germany Kenya --format json
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "One or two countries.")
        var countries: [String]

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        func validate() throws {
            guard (1...2).contains(countries.count) else {
                throw ValidationError("name one country or two (a pair), e.g. `bilat areas China India`")
            }
        }

        func run() throws {
            try reporting {
                let areas = try database.knowledge().areas(countries)
                let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
                if areas.isEmpty, chosen == .table {
                    Terminal.note("no cooperation areas recorded for \(countries.joined(separator: " and "))")
                    return
                }
                try Terminal.out(KnowledgeRenderer.render(areas, as: chosen))
            }
        }
    }
}
