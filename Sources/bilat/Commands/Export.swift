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
                abstract: "Export the meetings and agreements of a pair, of one country, or of everything.",
                discussion: HelpText.reflow("""
                    Two countries: the pair's events; one: every pair it is part of; --all:
                    everything. Formats: md, csv and tsv (RFC 4180, formula-safe), json and
                    ndjson (schema in docs/timeline-export.md), timelinejs (TimelineJS3), ics
                    (RFC 5545; month- and year-only dates span the month or year, undated
                    events are left out), html (one self-contained page, nothing loaded from
                    the network), gexf (GEXF 1.3 country network for Gephi). --mode,
                    --status and --area select meetings, so they leave agreements out.

                    Examples:
                      bilat export timeline China Canada --format html -o china-canada.html
                      bilat export timeline Japan --from 2025 --format ics -o japan.ics
                      bilat export timeline --all --format gexf -o relations.gexf
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "One country (all its pairs) or two (a pair); none with --all.")
            var countries: [String] = []

            @Flag(help: "Export every event in the knowledge base.")
            var all = false

            @Option(help: "md, csv, tsv, json, ndjson, timelinejs, ics, html or gexf.")
            var format: ExportFormat

            @Option(name: .shortAndLong, help: "Write to FILE instead of stdout (atomically: all or nothing); - is stdout.")
            var output: String?

            @OptionGroup var dates: DateRangeOptions

            @Option(help: "Only meetings of this mode: in_person, phone, video.")
            var mode: MeetingMode?

            @Option(help: "Only held or planned meetings.")
            var status: MeetingStatus?

            @Option(help: "Only meetings about this cooperation area (trade, energy, …).")
            var area: String?

            func validate() throws {
                if all, !countries.isEmpty {
                    throw ValidationError("--all exports everything; name no country with it")
                }
                guard all || (1...2).contains(countries.count) else {
                    throw ValidationError("name one country or two, or pass --all, e.g. "
                                          + "`bilat export timeline China Canada --format md`")
                }
            }

            func run() throws {
                try reporting {
                    let knowledge = try database.knowledge()
                    // The area is checked as `meetings --area` checks it: a misspelt key is an error, not an empty export.
                    let request = TimelineExportRequest(countries: countries, from: dates.from, to: dates.to, mode: mode,
                                                        status: status, area: try area.map(knowledge.areaKey))
                    let document = try BilatServices.TimelineExport(service: knowledge).document(for: request)
                    try AtomicOutput.write(to: output, sparing: database.path) { sink in format.render(document, to: sink.write) }
                }
            }
        }
    }
}
