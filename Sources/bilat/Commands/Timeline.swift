import ArgumentParser
import BilatServices

extension Bilat {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A pair's history in date order: meetings, agreements and statements.",
            discussion: HelpText.reflow("""
                Example:
                  bilat timeline China Canada --format md
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "The first country.")
        var a: String

        @Argument(help: "The second country.")
        var b: String

        @Option(help: "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var from: String?

        @Option(help: "Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var to: String?

        @Option(help: "md, json or csv.")
        var format: TimelineFormat = .md

        func run() throws {
            let range = (try parseDateOption(from, name: "--from"), try parseDateOption(to, name: "--to"))
            try reporting {
                let service = try database.relations()
                let entries = try service.timeline(a, b, from: range.0, to: range.1)
                let title = [a, b].compactMap { try? service.countries.country($0).name }.joined(separator: "–")
                try Terminal.out(TimelineRenderer.render(entries, title: title, as: format))
            }
        }
    }
}
