import ArgumentParser
import BilatModel
import BilatServices

extension ExportFormat: ExpressibleByArgument {}

extension Bilat {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export timelines for other tools: Markdown, CSV/TSV, JSON, TimelineJS, iCalendar, HTML, GEXF.",
            subcommands: [TimelineExport.self]
        )

        struct TimelineExport: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "timeline",
                abstract: "Export the meetings, agreements and statements of a pair, of one country, or of everything.",
                discussion: HelpText.reflow("""
                    Two countries: the pair's events; one: every pair it is part of;
                    --between A B C: the events of all of them; --all: everything. Formats: md,
                    csv and tsv (RFC 4180, formula-safe), json and ndjson (schema in
                    docs/timeline-export.md), timelinejs (TimelineJS3), ics (RFC 5545; month-
                    and year-only dates span the month or year, undated events are left out),
                    html (one self-contained page, nothing loaded from the network), gexf (GEXF
                    1.3 country network for Gephi). Ids are the kind and the row id
                    (meeting-12, agreement-3, statement-40), as `bilat timeline` prints them.
                    Statements are in every format but ics and gexf (calendars and country
                    networks hold what happens between countries). --mode, --status, --area and
                    --with select meetings, so with any of them the export holds meetings
                    alone; --kind chooses the kinds of event.

                    Examples:
                      bilat export timeline China Canada --format html -o china-canada.html
                      bilat export timeline Japan --from 2025 --format ics -o japan.ics
                      bilat export timeline --all --format gexf -o relations.gexf
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "One country (every pair it is part of) or two (a pair); none with --all.")
            var countries: [String] = []

            @Flag(help: "Export every event in the knowledge base.")
            var all = false

            @Option(help: "md, csv, tsv, json, ndjson, timelinejs, ics, html or gexf.")
            var format: ExportFormat

            @Option(name: .shortAndLong, help: "Write to FILE instead of stdout (atomically: all or nothing); - is stdout.")
            var output: String?

            @OptionGroup var filters: EventFilterOptions
            @OptionGroup var kinds: EventKindOptions

            func validate() throws {
                _ = try filters.countries(countries, command: "export timeline", all: all)
            }

            func run() throws {
                try reporting {
                    let knowledge = try database.knowledge()
                    let named = try filters.countries(countries, command: "export timeline", all: all)
                    let request = try filters.request(countries: named, kinds: kinds.kinds, in: knowledge)
                    let document = try knowledge.timeline(request)
                    try AtomicOutput.write(to: output, sparing: database.path) { sink in format.render(document, to: sink.write) }
                }
            }
        }
    }
}
