import ArgumentParser
import BilatServices

extension Bilat {
    struct Countries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every country with the codes, names, aliases and demonyms bilat knows.",
            discussion: HelpText.reflow("""
                Any of these names a country in other commands.

                Examples:
                  bilat countries
                  bilat countries --format csv > countries.csv
                """)
        )

        @OptionGroup var display: DisplayOptions

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        func run() throws {
            try reporting {
                let countries = try loadReference(places: false).countries
                try Terminal.out(CountryRenderer.render(countries, as: format ?? (Terminal.stdoutIsTerminal ? .table : .json)))
            }
        }
    }
}
