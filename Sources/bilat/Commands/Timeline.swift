import ArgumentParser
import BilatServices

extension Bilat {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A pair's history in date order: meetings, agreements and statements.",
            discussion: HelpText.reflow("""
                The timeline to read at the shell: Markdown by default, on stdout. It is `bilat export
                timeline` with the same countries and filters, made by the same query and written by the
                same renderers: the same events, the same ids (meeting-12, agreement-3, statement-40), and
                with --format csv, tsv, json or ndjson the same bytes. For files and the other formats
                (html, ics, timelinejs, gexf), and for every country at once, use `bilat export timeline`.

                --mode, --status, --area and --with select meetings, so with any of them the timeline
                holds meetings alone; --kind chooses the kinds of event.

                Examples:
                  bilat timeline China Canada
                  bilat timeline China Canada --kind meeting,agreement --format csv
                  bilat timeline --between Japan Philippines "United States" --from 2024
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "One country (every pair it is part of) or two (a pair).")
        var countries: [String] = []

        @OptionGroup var filters: EventFilterOptions
        @OptionGroup var kinds: EventKindOptions

        @Option(help: "md, csv, tsv, json or ndjson.")
        var format: TimelineFormat = .md

        func validate() throws {
            _ = try filters.countries(countries, command: "timeline")
        }

        func run() throws {
            try reporting {
                let knowledge = try database.knowledge()
                let request = try filters.request(countries: try filters.countries(countries, command: "timeline"),
                                                  kinds: kinds.kinds, in: knowledge)
                let document = try knowledge.timeline(request)
                try AtomicOutput.write(to: nil) { sink in format.exportFormat.render(document, to: sink.write) }
            }
        }
    }
}
