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
                for several); --area KEY keeps meetings whose reports or source articles name the
                cooperation area; --between A B C finds meetings involving all the named countries.

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

        @Option(name: .customLong("with"), help: "Only meetings this person took part in (repeatable).")
        var people: [String] = []

        @Option(help: "Only meetings naming this cooperation area (trade, energy, ...).")
        var area: String?

        @Option(parsing: .upToNextOption, help: "Meetings involving all these countries (two or more).")
        var between: [String] = []

        @OptionGroup var dates: DateRangeOptions

        @Option(help: "Only meetings of this mode: in_person, phone, video.")
        var mode: MeetingMode?

        @Option(help: "Only held or planned meetings.")
        var status: MeetingStatus?

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        @Option(parsing: .unconditional, help: "Show at most this many meetings, the newest first.")
        var limit = 100

        @Flag(help: "Show every meeting (no --limit).")
        var all = false

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit takes a count of at least 1, not \(limit); --all shows every meeting") }
            if !between.isEmpty {
                guard countries.isEmpty, between.count >= 2 else {
                    throw ValidationError("--between takes two or more countries and no others, "
                                          + "e.g. `bilat meetings --between Japan Philippines USA`")
                }
                return
            }
            guard (1...2).contains(countries.count) else {
                throw ValidationError("name one country or two (a pair), e.g. `bilat meetings China Canada`")
            }
        }

        func run() throws {
            let named = between.isEmpty ? countries : between
            try reporting {
                // One more than the page tells whether there are more.
                var meetings = try database.knowledge().meetings(named, people: people, area: area, from: dates.from,
                                                                 to: dates.to, mode: mode, status: status,
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
