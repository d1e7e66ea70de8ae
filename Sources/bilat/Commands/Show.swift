import ArgumentParser
import BilatServices

extension Bilat {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one fact and every sentence it came from.",
            subcommands: [Meeting.self, Official.self, Agreement.self]
        )

        struct Meeting: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One meeting with its sources: article, sentence and character offsets.",
                discussion: HelpText.reflow("""
                    Example:
                      bilat show meeting 1
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The meeting id, as `bilat meetings` lists it.")
            var id: Int64

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    guard let detail = try database.knowledge().meeting(id: id) else {
                        throw Failure.missingInput("no meeting \(id); `bilat meetings COUNTRY` lists the ids")
                    }
                    try Terminal.out(MeetingRenderer.render(detail, json: output.isJSON))
                }
            }
        }

        struct Official: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One official: roles with dates, meetings attended, counterparts met, source sentences.",
                discussion: HelpText.reflow("""
                    NAME is the full name or a part of it ("Xi Jinping", "Xi", "President Xi"); among several
                    people matching a part, the one with the most meetings is shown.

                    Examples:
                      bilat show official "Xi Jinping"
                      bilat show official Modi --json
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The official's name.")
            var name: String

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    try Terminal.out(KnowledgeRenderer.render(try database.knowledge().officialDetail(name), json: output.isJSON))
                }
            }
        }

        struct Agreement: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One agreement with its sources: article, sentence and character offsets.",
                discussion: HelpText.reflow("""
                    Example:
                      bilat show agreement 3
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The agreement id, as `bilat timeline` and exports list it.")
            var id: Int64

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    guard let agreement = try database.knowledge().agreement(id: id) else {
                        throw Failure.missingInput("no agreement \(id); `bilat timeline A B` lists agreements with their ids")
                    }
                    try Terminal.out(KnowledgeRenderer.render(agreement, json: output.isJSON))
                }
            }
        }
    }
}
