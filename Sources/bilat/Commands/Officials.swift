import ArgumentParser
import BilatServices

extension Bilat {
    struct Officials: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the officials of a country (or all), with their roles and the dates they were seen.",
            discussion: HelpText.reflow("""
                One person is one entry across articles ("Xi Jinping", "President Xi" and "Xi" together).
                Roles show the first and last publication dates of the articles giving them. Most
                meetings first.

                Examples:
                  bilat officials China
                  bilat officials --format csv
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "A country (name, alias, demonym or ISO code); all countries when left out.")
        var country: String?

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        func run() throws {
            try reporting {
                let officials = try database.knowledge().officials(country: country)
                let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
                if officials.isEmpty, chosen == .table {
                    Terminal.note("no officials recorded" + (country.map { " for \($0)" } ?? ""))
                    return
                }
                try Terminal.out(KnowledgeRenderer.render(officials, as: chosen))
            }
        }
    }
}
