import ArgumentParser
import BilatModel
import BilatServices

extension OutputFormat: ExpressibleByArgument {}
extension TimelineFormat: ExpressibleByArgument {}
extension MeetingMode: ExpressibleByArgument {}
extension MeetingStatus: ExpressibleByArgument {}

extension Bilat {
    struct Meetings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the meetings of a country, or of a pair of countries in either order.",
            discussion: HelpText.reflow("""
                Countries are named by name, alias, demonym or ISO code (China, PRC, CN, CHN, Chinese).
                Newest first, the 100 newest unless --limit or --all says otherwise (a note on stderr
                says when there are more); undated meetings last. --from/--to take YYYY, YYYY-MM or YYYY-MM-DD; a
                meeting known only to the month or year is kept when its period overlaps the range.

                --with PERSON keeps meetings the person took part in (full name or part of it, repeat
                for several); --area KEY keeps meetings whose own sentences name the cooperation
                area (what the talks were about, as the areas column shows); --between A B C finds meetings involving all the named countries.

                Examples:
                  bilat meetings China Canada
                  bilat meetings CN --from 2025 --format json
                  bilat meetings China India --with "Xi Jinping" --area trade
                  bilat meetings --between Japan Philippines "United States"
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "One or two countries.")
        var countries: [String] = []

        @OptionGroup var filters: EventFilterOptions

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        @Option(parsing: .unconditional, help: "Show at most this many meetings, the newest first.")
        var limit = 100

        @Flag(help: "Show every meeting (no --limit).")
        var all = false

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit takes a count of at least 1, not \(limit); --all shows every meeting") }
            _ = try filters.countries(countries, command: "meetings")
        }

        func run() throws {
            try reporting {
                let named = try filters.countries(countries, command: "meetings")
                let knowledge = try database.knowledge()
                // One more than the page tells whether there are more.
                var meetings = try knowledge.meetings(try filters.request(countries: named, in: knowledge),
                                                      limit: all ? nil : limit + 1)
                let more = !all && meetings.count > limit
                if more { meetings.removeLast(meetings.count - limit) }
                defer {
                    if more {
                        let shown = limit == 1 ? "the newest meeting" : "the \(limit) newest meetings"
                        Terminal.note("showing \(shown); there are more: --limit N shows N, --all shows every one")
                    }
                }
                let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
                if meetings.isEmpty, chosen == .table {
                    Terminal.note("no meetings recorded for \(named.joined(separator: " and "))")
                    return
                }
                try Terminal.out(MeetingRenderer.render(meetings, as: chosen))
            }
        }
    }
}
