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
            discussion: """
                Countries are named by name, alias, demonym or ISO code (China, PRC, CN, CHN, Chinese).
                Newest first; undated meetings last. --from/--to take YYYY, YYYY-MM or YYYY-MM-DD; a
                meeting known only to the month or year is kept when its period overlaps the range.

                Examples:
                  bilat meetings China Canada
                  bilat meetings CN --from 2025 --format json
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "One or two countries.")
        var countries: [String]

        @Option(help: "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var from: String?

        @Option(help: "Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
        var to: String?

        @Option(help: "Only meetings of this mode: in_person, phone, video.")
        var mode: MeetingMode?

        @Option(help: "Only held or planned meetings.")
        var status: MeetingStatus?

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        func validate() throws {
            guard (1...2).contains(countries.count) else {
                throw ValidationError("name one country or two (a pair), e.g. `bilat meetings China Canada`")
            }
        }

        func run() throws {
            let range = (try parseDateOption(from, name: "--from"), try parseDateOption(to, name: "--to"))
            try reporting {
                let service = try database.relations()
                let meetings = try service.meetings(countries, from: range.0, to: range.1, mode: mode, status: status)
                let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
                if meetings.isEmpty, chosen == .table {
                    Terminal.note("no meetings recorded for \(countries.joined(separator: " and "))")
                    return
                }
                Terminal.out(MeetingRenderer.render(meetings, as: chosen))
            }
        }
    }
}
