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

        @OptionGroup var dates: DateRangeOptions

        @Option(help: "md, json or csv.")
        var format: TimelineFormat = .md

        func run() throws {
            try reporting {
                let service = try database.knowledge()
                let entries = try service.timeline(a, b, from: dates.from, to: dates.to)
                let title = [a, b].compactMap { try? service.countries.country($0).name }.joined(separator: "–")
                try Terminal.out(TimelineRenderer.render(entries, title: title, as: format))
            }
        }
    }
}
